import type { FastifyInstance, FastifyRequest, RouteShorthandOptions } from 'fastify';
import type { z } from 'zod';
import type { Permission } from '../modules/registry';
import { type App, type AppContext, principalOf } from './types';

/**
 * One settings section of an organization: `GET /api/v1/settings/{name}` answers the whole section,
 * `PATCH /api/v1/settings/{name}` changes the fields the body names (checked by `patch`) and answers
 * the whole section again. `read` and `change` are the module's use cases; each owns its transaction.
 */
export type SettingsSection<S extends z.ZodType = z.ZodType, P extends z.ZodType = z.ZodType> = {
  /** The last segment of the URL, and the dashboard's tab. */
  name: string;
  /** What the section holds, for the OpenAPI document. */
  summary: string;
  /** The whole section, as both verbs answer it. */
  schema: S;
  /** The body of a change: every field optional. */
  patch: P;
  read: (ctx: AppContext, orgId: string) => Promise<z.output<S>>;
  change: (ctx: AppContext, orgId: string, patch: z.output<P>) => Promise<z.output<S>>;
  /** Who may read it; `settings:read` unless the section is part of another permission's work. */
  readAccess?: Permission;
  /** Who may change it; `settings:write` unless told. */
  writeAccess?: Permission;
  /** Its older URLs, kept working as deprecated aliases. */
  aliases?: SettingsAlias[];
};

/** Declares a section; the types of `read` and `change` follow from the two schemas. */
export const defineSettingsSection = <S extends z.ZodType, P extends z.ZodType>(
  section: SettingsSection<S, P>,
): SettingsSection<S, P> => section;

/**
 * An older URL of a section, kept working and marked deprecated in the OpenAPI document: `get`
 * reads the section, `change` writes it with `PATCH`, or with `PUT` and a whole-section `body`.
 */
export type SettingsAlias = {
  url: string;
  tags: string[];
  get?: boolean;
  change?: { method: 'patch' } | { method: 'put'; body: z.ZodType };
  readAccess?: Permission;
};

/**
 * Registers the section's two routes, and its older URLs as deprecated aliases of the same use cases.
 * The app calls it for every section of the manifests' `settings`.
 */
export async function settingsRoutes<S extends z.ZodType, P extends z.ZodType>(
  app: App,
  section: SettingsSection<S, P>,
) {
  const { ctx } = app;
  // The section's declaration types its handlers; the routes themselves are registered untyped.
  const routes = app as unknown as FastifyInstance;
  const readAccess = section.readAccess ?? 'settings:read';
  const writeAccess = section.writeAccess ?? 'settings:write';
  const url = `/api/v1/settings/${section.name}`;
  const read = async (req: FastifyRequest) => section.read(ctx, principalOf(req).orgId);
  const change = async (req: FastifyRequest) =>
    section.change(ctx, principalOf(req).orgId, req.body as z.output<P>);
  const response = { 200: section.schema };
  const options = (access: Permission, schema: Record<string, unknown>): RouteShorthandOptions => ({
    config: { access },
    schema,
  });

  routes.get(url, options(readAccess, { tags: ['settings'], response }), read);
  routes.patch(
    url,
    options(writeAccess, { tags: ['settings'], summary: section.summary, body: section.patch, response }),
    change,
  );

  for (const alias of section.aliases ?? []) {
    const schema = { tags: alias.tags, deprecated: true, description: `Use ${url}.`, response };
    if (alias.get) routes.get(alias.url, options(alias.readAccess ?? readAccess, schema), read);
    if (alias.change?.method === 'patch')
      routes.patch(alias.url, options(writeAccess, { ...schema, body: section.patch }), change);
    if (alias.change?.method === 'put')
      routes.put(alias.url, options(writeAccess, { ...schema, body: alias.change.body }), change);
  }
}
