import { isIP } from 'node:net';
import { z } from 'zod';

/** Names proxy-addr (Fastify's `trustProxy`) gives to whole ranges. */
const PROXY_RANGE_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/** An address, an address/prefix-length range, or one of the range names. */
function isProxyAddress(entry: string) {
  if (PROXY_RANGE_NAMES.has(entry)) return true;
  const [address, bits, ...rest] = entry.split('/');
  const family = isIP(address);
  if (!family || rest.length) return false;
  return bits === undefined || (/^\d{1,3}$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128));
}

/**
 * Which peers may tell the client's address in X-Forwarded-For: none, or the listed proxies.
 * Never `true`: that takes the first address of the header, which the client writes; nor a hop
 * count, which Fastify refuses to apply since it cannot tell a proxy from a client.
 */
const ZTrustProxy = z
  .string()
  .default('false')
  .transform((raw, ctx): false | string[] => {
    const value = raw.trim();
    if (value === '' || value === 'false') return false;
    const entries = value.split(',').map((entry) => entry.trim());
    if (entries.every(isProxyAddress)) return entries;
    ctx.addIssue({
      code: 'custom',
      message:
        'must be false or a comma-separated list of proxy addresses or CIDR ranges such as 10.0.0.0/8 or loopback (not true: any client could name its own address)',
    });
    return z.NEVER;
  });

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
  TRUST_PROXY: ZTrustProxy,
  ORIENTIR_METRICS_TOKEN: z
    .string()
    .min(16, 'must be at least 16 characters')
    .optional()
    .or(z.literal('').transform(() => undefined)),
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
  /** Fastify's `trustProxy`: the client's address (rate limits) is read through these proxies only. */
  trustProxy: false | string[];
  /** When set, /metrics answers only `Authorization: Bearer <metricsToken>`. */
  metricsToken?: string;
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
    trustProxy: e.TRUST_PROXY,
    metricsToken: e.ORIENTIR_METRICS_TOKEN,
    production: e.NODE_ENV === 'production',
  };
}
