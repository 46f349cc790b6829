import { serve, type ServerType } from '@hono/node-server';
import { AppError, describeError } from '../domain/errors.js';
import type { Triangulate } from '../service.js';
import { createApp, LOOPBACK_HOSTS } from './app.js';
import type { UiOptions } from './static.js';

export interface RunningServer {
  readonly url: string;
  close(): Promise<void>;
}

/** Listen on host:port (port 0 picks a free one) and resolve once the socket is bound. */
export function startServer(service: Triangulate, options: { host: string; port: number } & UiOptions): Promise<RunningServer> {
  const loopback = options.host === '127.0.0.1' || options.host === 'localhost' || options.host === '::1';
  const app = createApp(service, { ...options, ...(loopback ? { allowedHosts: LOOPBACK_HOSTS } : {}) });
  return new Promise((resolve, reject) => {
    let server: ServerType | undefined;
    const fail = (e: unknown) => reject(new AppError('io', `cannot listen on ${options.host}:${options.port}: ${describeError(e)}`, { cause: e }));
    try {
      server = serve({ fetch: app.fetch, hostname: options.host, port: options.port }, (info) => {
        const host = info.family === 'IPv6' ? `[${info.address}]` : info.address;
        resolve({
          url: `http://${host}:${info.port}/`,
          close: () => new Promise<void>((done) => (server ? server.close(() => done()) : done())),
        });
      });
      server.once('error', fail);
    } catch (e) {
      fail(e);
    }
  });
}
