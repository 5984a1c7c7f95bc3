import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { SingleBar } from 'cli-progress';
import { type Command, InvalidArgumentError } from 'commander';
import { loadConfig } from '../config';
import { seedDemo } from '../demo/seed-demo';
import { startServer } from '../runtime';
import { ensureWebBuild } from './ensure-web-build';

const positiveInt = (value: string) => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 200_000)
    throw new InvalidArgumentError('must be a whole number 1–200000');
  return n;
};

/**
 * `orientir demo`: a fresh embedded database filled with a demo organization, served with the
 * dashboard; prints where to log in.
 */
export function registerDemoCommand(program: Command) {
  program
    .command('demo')
    .description('start the server on a fresh embedded database filled with a demo organization')
    .option('--dir <folder>', 'data folder, wiped first', './data/demo')
    .option('--customers <n>', 'number of customers', positiveInt, 5000)
    .option('--seed <n>', 'random seed (the same seed gives the same data)', positiveInt, 20260302)
    .action(async (o: { dir: string; customers: number; seed: number }) => {
      await ensureWebBuild((line) => process.stdout.write(line));
      const dataDir = resolve(o.dir);
      rmSync(dataDir, { recursive: true, force: true });
      const config = { ...loadConfig(), dataDir, databaseUrl: undefined, logLevel: 'warn' as const };
      const server = await startServer(config, { firstRun: false });
      const started = Date.now();
      const progress = showProgress();
      const result = await seedDemo(server.app, {
        customers: o.customers,
        seed: o.seed,
        onProgress: progress.update,
      });
      progress.stop();
      const host = config.host === '0.0.0.0' ? 'localhost' : config.host;
      const url = config.publicUrl ?? `http://${host}:${config.port}`;
      const out = process.stdout;
      out.write(
        `\nOrientir demo is ready (seeded in ${((Date.now() - started) / 1000).toFixed(1)} s): ${url}\n\n`,
      );
      for (const login of result.logins)
        out.write(`  ${login.role.padEnd(8)} ${login.email}  ${login.password}\n`);
      out.write(
        `\n  API key (admin): ${result.apiKey}\n  data folder: ${dataDir}\n  ${summary(result.counts)}\n\n`,
      );
      out.write('Press Ctrl+C to stop.\n');
      const stop = async () => {
        await server.close();
        process.exit(0);
      };
      process.once('SIGTERM', () => void stop());
      process.once('SIGINT', () => void stop());
    });
}

/** A bar on a terminal; one line per step when the output goes to a file or a pipe. */
function showProgress() {
  if (!process.stderr.isTTY) {
    return {
      update: (step: string, done: number) => done === 0 && process.stdout.write(`seeding: ${step}…\n`),
      stop: () => {},
    };
  }
  const bar = new SingleBar({
    format: ' {bar} {percentage}% | {step}',
    hideCursor: true,
    clearOnComplete: true,
  });
  bar.start(100, 0, { step: 'organization' });
  return {
    update: (step: string, done: number) => bar.update(Math.round(done * 100), { step }),
    stop: () => bar.stop(),
  };
}

const summary = (counts: Record<string, number>) =>
  Object.entries(counts)
    .map(([k, v]) => `${k}: ${v.toLocaleString('en')}`)
    .join(', ');
