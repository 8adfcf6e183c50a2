/** Starts the engine on its own HTTP server (the CLI and the integration tests use this). */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
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
