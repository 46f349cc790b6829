import { AppError } from '../../domain/errors.js';
import { startServer } from '../../server/server.js';
import { intOption, parse } from '../args.js';
import { EXIT, type Command } from './types.js';

export const serveCommand: Command = {
  name: 'serve',
  summary: 'the web workbench: the UI and the JSON API (/api) over the database',
  usage: `triangulate serve [--db FILE] [--port 8787] [--host 127.0.0.1]

  Serves the UI at / and the API at /api (reference: /api/openapi.json) until interrupted (Ctrl-C).
  --port 0 picks a free port. Listening on another host than 127.0.0.1 exposes the corpus to the network.`,
  async run(argv, ctx) {
    const { values } = parse('serve', argv, { port: { type: 'string' }, host: { type: 'string' } });
    const port = intOption('port', values.port, 8787, 0);
    if (port > 65535) throw new AppError('usage', `--port ${port}: give a port from 0 to 65535`);
    const host = values.host ?? '127.0.0.1';
    const service = ctx.open(values.db);
    let server;
    try {
      server = await startServer(service, { host, port });
    } catch (e) {
      await service.close();
      throw e;
    }
    const stats = await service.stats();
    if (values.json) ctx.io.stdout.write(`${JSON.stringify({ url: server.url, db: service.store.location, articles: stats.articles })}\n`);
    else ctx.io.stdout.write(`Serving ${stats.articles} article(s) from ${service.store.location}\nOpen the workbench: ${server.url}\n(Ctrl-C to stop)\n`);
    const running = server;
    await new Promise<void>((resolve) => {
      const stop = () => {
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
        resolve();
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    });
    await running.close();
    await service.close();
    return EXIT.ok;
  },
};
