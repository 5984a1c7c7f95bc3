import { reportFatal } from './cli/fail';
import { loadConfig } from './config';
import { startServer } from './runtime';

/** Process entry: config → database → app → jobs; SIGTERM/SIGINT shut down gracefully. */
try {
  const server = await startServer(loadConfig());
  const shutdown = async (signal: string) => {
    server.app.log.info({ signal }, 'shutting down');
    await server.close();
    process.exit(0);
  };
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));
} catch (err) {
  reportFatal(err);
}
