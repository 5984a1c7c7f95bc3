import { ConfigError } from '../config';
import { AppError } from '../lib/errors';

/** One clear line on stderr and a non-zero exit. */
export function reportFatal(err: unknown): never {
  const known = err instanceof ConfigError || err instanceof AppError;
  const message = (err as Error)?.message ?? String(err);
  process.stderr.write(`orientir: ${known ? message : `unexpected error: ${message}`}\n`);
  process.exit(1);
}
