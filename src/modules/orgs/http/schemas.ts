/** Request and response schemas of organizations, users, API keys and sessions. */
import { z } from 'zod';
import { ROLES, SCOPES } from '../domain/permissions';

export const LOCALES = ['en', 'pl', 'cs', 'ru'] as const;
export const ZLocale = z.enum(LOCALES);

const isTimeZone = (tz: string) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
};

export const ZCurrency = z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as EUR');
export const ZTimeZone = z.string().refine(isTimeZone, 'must be an IANA time zone such as Europe/Warsaw');

export const ZCreateOrgRequestSchema = z.object({
  name: z.string().trim().min(1).max(200),
  slug: z.string().regex(/^[a-z0-9][a-z0-9-]{1,62}$/, 'must be 2–63 lower-case letters, digits or dashes'),
  ownerEmail: z.email().max(320),
  baseCurrency: ZCurrency.optional(),
  timeZone: ZTimeZone.optional(),
  defaultLocale: ZLocale.optional(),
});

export const ZCreateOrgResponseSchema = z.object({
  orgId: z.uuid(),
  slug: z.string(),
  ownerEmail: z.string(),
  ownerPassword: z.string(),
  apiKey: z.string(),
});

export const ZLoginRequestSchema = z.object({
  email: z.string().max(320),
  password: z.string().max(1000),
  org: z
    .string()
    .max(63)
    .optional()
    .describe("the organization's slug; needed only when the e-mail and password fit accounts in several"),
  locale: ZLocale.optional().describe(
    "the login page's language: stored on an account whose language was never chosen",
  ),
  localePicked: z
    .boolean()
    .optional()
    .describe('the user picked that language on the login page: it becomes the chosen one'),
});

export const ZLoginResponseSchema = z.object({
  orgId: z.uuid(),
  userId: z.uuid(),
  role: z.enum(ROLES),
  csrfToken: z.string(),
  expiresAt: z.date(),
});

export const ZOrgSchema = z.object({
  id: z.uuid(),
  slug: z.string(),
  name: z.string(),
  baseCurrency: z.string(),
  timeZone: z.string(),
  defaultLocale: z.string(),
  settings: z.record(z.string(), z.unknown()),
  createdAt: z.date(),
});

export const ZUpdateOrgRequestSchema = z
  .object({
    name: z.string().trim().min(1).max(200),
    baseCurrency: ZCurrency,
    timeZone: ZTimeZone,
    defaultLocale: ZLocale,
  })
  .partial();

export const ZUserSchema = z.object({
  id: z.uuid(),
  email: z.string(),
  name: z.string(),
  role: z.enum(ROLES),
  locale: z.string(),
  localeChosen: z.boolean().describe('the user chose the language; else it follows the login page'),
  team: z.string().nullable(),
  createdAt: z.date(),
  disabledAt: z.date().nullable(),
});

export const ZMeResponseSchema = z.object({
  org: z.object({
    id: z.uuid(),
    slug: z.string(),
    name: z.string(),
    defaultLocale: z.string(),
    baseCurrency: z.string(),
    timeZone: z.string(),
  }),
  user: ZUserSchema.nullable(),
  kind: z.enum(['api_key', 'session']),
  permissions: z.array(z.string()),
});

export const ZChooseLanguageRequestSchema = z.object({ locale: ZLocale });

export const ZCreateUserRequestSchema = z.object({
  email: z.email().max(320),
  name: z.string().max(200).optional(),
  role: z.enum(ROLES),
  locale: ZLocale.optional(),
  password: z.string().min(12).max(200).optional(),
});

export const ZCreateUserResponseSchema = z.object({
  id: z.uuid(),
  email: z.string(),
  role: z.enum(ROLES),
  password: z.string(),
});

export const ZUpdateUserRequestSchema = z
  .object({
    role: z.enum(ROLES),
    name: z.string().max(200),
    locale: ZLocale,
    team: z.string().max(100).nullable(),
    disabled: z.boolean(),
  })
  .partial();

export const ZApiKeySchema = z.object({
  id: z.uuid(),
  name: z.string(),
  prefix: z.string(),
  scopes: z.array(z.string()),
  createdAt: z.date(),
  lastUsedAt: z.date().nullable(),
  revokedAt: z.date().nullable(),
});

export const ZCreateApiKeyRequestSchema = z.object({
  name: z.string().trim().min(1).max(100),
  scopes: z.array(z.enum(SCOPES)).min(1),
});

export const ZCreateApiKeyResponseSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  prefix: z.string(),
  scopes: z.array(z.string()),
  apiKey: z.string().describe('shown once; only its hash is stored'),
});

export const ZIdParams = z.object({ id: z.uuid() });

export const ZFirstRunStatusResponseSchema = z.object({
  needed: z.boolean().describe('true while the instance has no organization: the set-up page is open'),
});

export const ZFirstRunRequestSchema = z.object({
  token: z.string().min(1).max(200).describe('the one-time set-up token printed in the server’s log'),
  name: z.string().trim().min(1).max(200),
  defaultLocale: ZLocale,
  baseCurrency: ZCurrency,
  timeZone: ZTimeZone,
  ownerEmail: z.email().max(320),
  ownerName: z.string().trim().max(200).optional(),
  ownerPassword: z.string().min(12).max(200),
});

export const ZFirstRunResponseSchema = z.object({
  orgId: z.uuid(),
  slug: z.string(),
  ownerEmail: z.string(),
});
