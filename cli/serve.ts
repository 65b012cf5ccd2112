import type { Config } from '../server/platform/config.ts';
import { startServer } from '../server/main.ts';

export async function serveCommand(config: Config): Promise<void> {
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
