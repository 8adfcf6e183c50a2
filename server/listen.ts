/** Starts the engine on its own HTTP server (the CLI and the integration tests use this). */
import { createServer, STATUS_CODES, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { createEngine, type Engine, type EngineOptions } from './app.ts';

export interface RunningEngine {
  url: string;
  port: number;
  engine: Engine;
  server: Server;
  close: () => Promise<void>;
}

export async function listenEngine(
  options: EngineOptions & { port?: number; host?: string } = {},
): Promise<RunningEngine> {
  const { port = 0, host = '127.0.0.1', ...engineOptions } = options;
  const engine = createEngine(engineOptions);
  const server = createServer((req, res) => engine.handle(req, res));
  server.headersTimeout = 30_000;
  server.requestTimeout = 10 * 60_000;
  // Sockets are cheap but not free: beyond this many, new connections are refused at once.
  server.maxConnections = 1024;
  server.on('clientError', answerClientError);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  const shownHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${shownHost}:${address.port}`,
    port: address.port,
    engine,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        engine.close();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/**
 * A request Node's HTTP parser refuses (a malformed request line or header, a NUL in the
 * target, headers over 16 KB, headers that never finish) gets the same OpenAI-format error
 * as everything else, instead of Node's bare status line. The connection then closes.
 */
function answerClientError(error: Error & { code?: string }, socket: Socket): void {
  // Node's own handler makes the same check: once a response has begun on this socket (a body
  // that breaks after an early answer, say), another status line would corrupt it.
  const inFlight = (socket as Socket & { _httpMessage?: ServerResponse | null })._httpMessage;
  if (error.code === 'ECONNRESET' || !socket.writable || inFlight?.headersSent) {
    socket.destroy();
    return;
  }
  const [status, message, code] =
    error.code === 'HPE_HEADER_OVERFLOW'
      ? [
          431,
          'The request headers are larger than this engine accepts (16 KB).',
          'headers_too_large',
        ]
      : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? [408, 'The request did not arrive in time; try again.', 'request_timeout']
        : [400, 'The HTTP request could not be parsed.', 'invalid_http_request'];
  const body = JSON.stringify({
    error: { message, type: 'invalid_request_error', param: null, code },
  });
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\n` +
      'content-type: application/json; charset=utf-8\r\n' +
      `content-length: ${Buffer.byteLength(body)}\r\n` +
      'connection: close\r\n\r\n' +
      body,
  );
}
