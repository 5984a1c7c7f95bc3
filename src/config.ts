import { z } from 'zod';

/** Every setting the process reads; `process.env` is read nowhere else. */
const ZConfig = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  ORIENTIR_DATA_DIR: z.string().min(1).default('./data'),
  ORIENTIR_ADMIN_TOKEN: z
    .string()
    .min(16, 'must be at least 16 characters')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  ORIENTIR_SECRET: z.string().min(16, 'must be at least 16 characters').optional(),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must be an smtp:// or smtps:// URL')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  PUBLIC_URL: z.url('must be an absolute http(s) URL').optional(),
  ORIENTIR_WEBHOOKS_ALLOW_PRIVATE: z.enum(['true', 'false'], 'must be true or false').default('false'),
  NODE_ENV: z.string().optional(),
});

export type Config = {
  port: number;
  host: string;
  databaseUrl?: string;
  dataDir: string;
  adminToken?: string;
  /** Signs survey tokens and widget identities; derived per instance when unset. */
  secret?: string;
  smtpUrl?: string;
  logLevel: z.infer<typeof ZConfig>['LOG_LEVEL'];
  publicUrl?: string;
  /** Webhooks may target this host, private networks and link-local addresses (off: an
   * organization's endpoint cannot probe the network the instance runs in). */
  webhooksAllowPrivate: boolean;
  production: boolean;
};

export class ConfigError extends Error {}

/** Validates the environment once; the first bad variable is named in one line. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = ZConfig.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const name = String(issue.path[0] ?? 'environment');
    throw new ConfigError(`invalid configuration: ${name} ${issue.message}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir: e.ORIENTIR_DATA_DIR,
    adminToken: e.ORIENTIR_ADMIN_TOKEN,
    secret: e.ORIENTIR_SECRET,
    smtpUrl: e.SMTP_URL,
    logLevel: e.LOG_LEVEL,
    publicUrl: e.PUBLIC_URL?.replace(/\/$/, ''),
    webhooksAllowPrivate: e.ORIENTIR_WEBHOOKS_ALLOW_PRIVATE === 'true',
    production: e.NODE_ENV === 'production',
  };
}
