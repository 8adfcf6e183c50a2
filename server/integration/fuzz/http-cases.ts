/** Fuzz cases at the HTTP level: methods, paths, requests the parser refuses, and the key. */
import { EDITS, GENERATE, json, VARIATIONS, type FuzzCase, type Generator } from './build.ts';

export const httpCases: Generator[] = [
  // Methods, paths and HTTP the parser refuses.
  (rng) => {
    const roll = rng.int(0, 7);
    const line = (text: string) => () => Buffer.from(text, 'latin1');
    const base: FuzzCase = {
      kind: '',
      method: 'GET',
      path: GENERATE,
      headers: {},
      body: () => Buffer.alloc(0),
    };
    if (roll === 0)
      return {
        ...base,
        kind: 'wrong method',
        method: rng.pick(['GET', 'PUT', 'PATCH', 'DELETE']),
        path: rng.pick([GENERATE, EDITS, VARIATIONS]),
      };
    if (roll === 1)
      return {
        ...base,
        kind: 'unknown path',
        method: rng.pick(['GET', 'POST']),
        path: `/v1/${rng.text(rng.int(1, 30), 'abc/._-%2e')}`,
      };
    if (roll === 2)
      return {
        ...base,
        kind: 'traversal path',
        path: rng.pick([
          '/v1/images/files/../../etc/passwd',
          '/v1/images/files/%2e%2e%2f%2e%2e%2fetc%2fpasswd',
          '/v1/images//generations',
          '/v1/images/files/..\\..\\x',
          '/v1/images/files/%00',
        ]),
      };
    if (roll === 3)
      return {
        ...base,
        kind: 'http: header over 16 KB',
        raw: line(
          `GET /v1/models HTTP/1.1\r\nhost: x\r\nx-big: ${'a'.repeat(rng.int(17_000, 80_000))}\r\n\r\n`,
        ),
      };
    if (roll === 4)
      return {
        ...base,
        kind: 'http: malformed header',
        raw: line(
          `POST ${GENERATE} HTTP/1.1\r\nhost: x\r\n${rng.pick(['no colon here', ': empty name', 'bad header\u0001: x'])}\r\n\r\n`,
        ),
      };
    if (roll === 5)
      return {
        ...base,
        kind: 'http: bad chunked encoding',
        raw: line(
          `POST ${GENERATE} HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\ntransfer-encoding: chunked\r\n\r\n${rng.pick(['zz', '-1', 'fffffffffffffffffff'])}\r\n{}\r\n0\r\n\r\n`,
        ),
      };
    if (roll === 6)
      return {
        ...base,
        kind: 'http: length and chunked both',
        raw: line(
          `POST ${GENERATE} HTTP/1.1\r\nhost: x\r\ncontent-length: 2\r\ntransfer-encoding: chunked\r\n\r\n{}`,
        ),
      };
    return {
      ...base,
      kind: 'http: bad request line',
      raw: line(
        rng.pick([`GET ${GENERATE} HTTP/9.9\r\n\r\n`, 'GARBAGE\r\n\r\n', `GET  HTTP/1.1\r\n\r\n`]),
      ),
    };
  },
  // The key: missing, wrong, or sent the wrong way.
  (rng) => {
    const header = rng.pick([null, 'Bearer sk-wrong', 'Basic c2s6eA==', 'Bearer', 'sk-no-scheme']);
    return {
      ...json('auth: missing or wrong key', { prompt: 'x' }),
      noAuth: true,
      headers: {
        'content-type': 'application/json',
        ...(header ? { authorization: header } : {}),
      },
    };
  },
];
