/**
 * `npm run engine -- [--port N] [--host H] [--api-key K] [--cors-origin O]... [--allowed-host H]... [--faults] [--no-drift] [--grain N] [--bandwidth MBIT]`:
 * the local engine alone. Binds 127.0.0.1 by default. Web pages on other origins may call it
 * only when named with --cors-origin (`'*'` for any); it answers only to Host names that DNS
 * rebinding cannot reach (localhost, IP literals), the --host name and each --allowed-host.
 * --like openai answers as OpenAI does today (models past their shutdown get its 404
 * model_not_found); --extra-model ID serves an id the table does not know yet, with its
 * family's rules. --faults turns on the test hooks (/__engine/*, fault injection); without it nothing can
 * trigger a fault. --no-drift: GPT image edits give back every unpainted pixel exactly (see
 * images/drift.ts). --grain N: generated pictures get grain of ±N levels and compress like
 * photographs (a 1024² PNG of megabytes, images/render/grain.ts). --bandwidth MBIT: the JSON
 * answers carrying images (and url downloads) arrive at MBIT megabits a second, as over a real
 * connection, instead of at once (http/paced.ts). The key may come from the
 * environment instead (EASEL_ENGINE_API_KEY),
 * which keeps it out of the process list; it is never printed.
 */
import { parseArgs } from 'node:util';
import { ENGINE_NOTICE } from './app.ts';
import { answerParentAboutMemory } from './held-memory.ts';
import { isOrigin } from './http/cors.ts';
import { parseBandwidth } from './http/paced.ts';
import { listenEngine } from './listen.ts';

const usage =
  'Usage: npm run engine -- [--port N] [--host H] [--api-key KEY] [--cors-origin ORIGIN]... [--allowed-host NAME]... [--faults] [--no-drift] [--grain LEVELS] [--bandwidth MBIT] [--like openai] [--extra-model ID]...';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: process.env.PORT ?? '8787' },
      host: { type: 'string', default: '127.0.0.1' },
      'api-key': { type: 'string' },
      'cors-origin': { type: 'string', multiple: true, default: [] },
      'allowed-host': { type: 'string', multiple: true, default: [] },
      faults: { type: 'boolean', default: false },
      'no-drift': { type: 'boolean', default: false },
      grain: { type: 'string', default: '0' },
      bandwidth: { type: 'string' },
      like: { type: 'string' },
      'extra-model': { type: 'string', multiple: true, default: [] },
      help: { type: 'boolean', default: false },
    },
    strict: true,
  });
  if (values.help) {
    console.log(`${usage}\n\n${ENGINE_NOTICE}`);
    return;
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`--port must be a number from 0 to 65535, got '${values.port}'.`);
  }
  const corsOrigins = values['cors-origin'];
  const wrong = corsOrigins.find((origin) => !isOrigin(origin));
  if (wrong !== undefined) {
    throw new Error(
      `--cors-origin takes an origin like http://127.0.0.1:5173 (scheme, host and port only) or '*', got '${wrong}'.`,
    );
  }
  if (values.like !== undefined && values.like !== 'openai') {
    throw new Error(`--like takes 'openai', got '${values.like}'.`);
  }
  const like = values.like === 'openai' ? 'openai' : null;
  const grain = Number(values.grain);
  if (!Number.isInteger(grain) || grain < 0 || grain > 64) {
    throw new Error(`--grain takes a whole number of levels from 0 to 64, got '${values.grain}'.`);
  }
  const bandwidth = parseBandwidth(values.bandwidth, '--bandwidth');
  const apiKey = values['api-key'] ?? process.env.EASEL_ENGINE_API_KEY;
  return listenEngine({
    port,
    host: values.host,
    apiKey,
    testHooks: values.faults,
    drift: !values['no-drift'],
    grain,
    bandwidth,
    corsOrigins: corsOrigins.includes('*') ? '*' : corsOrigins,
    allowedHosts: [values.host, ...values['allowed-host']],
    like,
    extraModels: values['extra-model'],
  }).then((running) => {
    console.log(ENGINE_NOTICE);
    console.log(
      `Images API: ${running.url}/v1 (POST /images/generations, /images/edits, /images/variations)`,
    );
    if (values['no-drift'])
      console.log('Drift OFF (--no-drift): GPT image edits keep every unpainted pixel exactly.');
    if (grain) console.log(`Grain ±${grain} levels: generated pictures compress like photographs.`);
    if (bandwidth) console.log(`Answers paced at ${bandwidth} Mbit/s, as over a real connection.`);
    if (like) console.log('Acting as OpenAI today: retired models answer 404 model_not_found.');
    if (values['extra-model'].length)
      console.log(`Extra models: ${values['extra-model'].join(', ')}`);
    if (apiKey) console.log('Every request needs the API key you set, as a bearer token.');
    console.log(
      corsOrigins.length
        ? `Web pages allowed to call it: ${corsOrigins.join(', ')}`
        : 'Web pages on other origins may not call it; allow one with --cors-origin ORIGIN.',
    );
    if (values.faults)
      console.log(
        'Test hooks ON (--faults): /__engine/requests, /__engine/faults, /__engine/clock',
      );
    console.log(`Listening on ${running.url}`);
    const stop = () => {
      void running.close().then(() => process.exit(0));
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    answerParentAboutMemory();
  });
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  console.error(usage);
  process.exit(1);
});
