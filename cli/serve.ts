import type { Config } from '../server/platform/config.ts';
import { startServer } from '../server/main.ts';
import { ensureWebBuild, webBuildIsStale } from '../web/build.ts';

export async function serveCommand(config: Config): Promise<void> {
  // A fresh clone has no built web app: build it once (a few seconds) before serving.
  if (webBuildIsStale()) console.log('building the web app into dist/web (first start, or web/ changed: about 15 s) …');
  if (await ensureWebBuild({ quiet: true }).catch((e: Error) => (console.error(`web app: ${e.message}`), false))) {
    console.log('built the web app into dist/web');
  }
  const server = await startServer(config);
  const where = config.databaseUrl ? 'PostgreSQL server' : `embedded database in ${config.dataDir}`;
  console.log(`Zero Distance is serving http://localhost:${config.port} (${where})`);
  let signals = 0;
  const shutdown = async (signal: string) => {
    if (signals++) process.exit(1); // a second Ctrl-C means now
    server.ctx.log.info({ signal }, 'shutting down');
    await server.stop();
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}
