import type { Command } from 'commander';
import type { DemoStep } from '../demo/steps';
import type { EventDeclarations, Subscriber } from '../events/bus';
import type { SettingsSection } from '../http/settings';
import type { App, AppContext } from '../http/types';
import type { AnyJob } from '../jobs/queue';
import { casesModule } from './cases/module';
import { installManifests } from './catalogue';
import { type CustomerExtension, registerCustomerExtension } from './customers/api';
import { customersModule } from './customers/module';
import { feedbackModule } from './feedback/module';
import { loyaltyModule } from './loyalty/module';
import type { Role, Scope } from './orgs/domain/permissions';
import { orgsModule } from './orgs/module';
import { peopleModule } from './people/module';
import { reportsModule } from './reports/module';
import { surveysModule } from './surveys/module';
import { valueModule } from './value/module';
import { webhooksModule } from './webhooks/module';

/** A recurring job: enqueued every `everySeconds`, the first time at start-up or that long after. */
export type Schedule = {
  job: AnyJob & { scope: 'system' };
  everySeconds: number;
  firstRunAfterSeconds?: number;
};

/** How the tenant-isolation test reaches one object of an organization through a route. */
export type IsolationFixture = {
  /** SQL picking, for organization $1, one object's path parameters (a column per name, or `id`). */
  sql: string;
  /** A valid body per method, so that a write reaches the object lookup rather than a 400. */
  bodies?: Partial<Record<'POST' | 'PUT' | 'PATCH', unknown>>;
};

/**
 * The permissions routes name (`config: { access }`). A module defines its own by declaration merging
 * in its manifest, `declare module '../registry' { interface Permissions { 'x:read': true } }`, and lists
 * their grants in the manifest's `permissions`.
 */
// biome-ignore lint/suspicious/noEmptyInterface: filled by the modules' declaration merging
export interface Permissions {}
export type Permission = keyof Permissions;

/** A permission a module defines, with the roles and API-key scopes that grant it. */
export type PermissionGrant = { permission: Permission; roles: readonly Role[]; scopes: readonly Scope[] };

/** A vertical slice: everything it contributes to the product, declared. */
export interface Module {
  name: string;
  /** The domain events it emits (`defineEvents` in its `events.ts`); those marked `webhook` are offered to endpoints. */
  events?: EventDeclarations;
  /**
   * Its reactions to events (`on`, `onBatch` of `src/events/bus.ts`), subscribed at start-up; a function when
   * they follow from the other manifests (read when the module starts).
   */
  subscribers?: Subscriber[] | (() => Subscriber[]);
  /** What it holds about a customer: sections of the profile and the GDPR export, and its part of an erasure. */
  profile?: CustomerExtension[] | ((ctx: AppContext) => CustomerExtension[]);
  /**
   * The permissions it defines, each with the roles and API-key scopes granted it: the server's matrix
   * and the README's table are made from these.
   */
  permissions?: PermissionGrant[];
  routes?: (app: App) => Promise<void> | void;
  /** Every job the module defines: each is handled wherever a worker runs. */
  jobs?: AnyJob[];
  schedules?: Schedule[];
  /** Registers its commands of the `orientir` CLI. */
  cli?: (program: Command) => void;
  /** Its steps of `orientir demo`; every module's run in the order of `order`. */
  demo?: { order: number; step: DemoStep }[];
  /** Its sections of the settings, each read and changed at /api/v1/settings/{section} (and its aliases). */
  settings?: SettingsSection<any, any>[];
  /** Every route of the module with path parameters, by its URL pattern. */
  isolation?: Record<string, IsolationFixture>;
  /** What is left to do at start-up that no field above says. */
  setup?: (ctx: AppContext) => void | Promise<void>;
}

/** Registers the module's jobs and schedules, its subscribers and profile sections, then runs its setup. */
export async function startModule(ctx: AppContext, mod: Module) {
  for (const job of mod.jobs ?? []) ctx.jobs.register(job, ctx);
  for (const { job, everySeconds, firstRunAfterSeconds } of mod.schedules ?? []) {
    const firstRunAt =
      firstRunAfterSeconds === undefined
        ? undefined
        : new Date(ctx.clock.now().getTime() + firstRunAfterSeconds * 1000);
    await ctx.jobs.schedule(job, everySeconds, firstRunAt);
  }
  const subscribers = typeof mod.subscribers === 'function' ? mod.subscribers() : (mod.subscribers ?? []);
  for (const subscriber of subscribers) subscriber.subscribe(ctx);
  const profile = typeof mod.profile === 'function' ? mod.profile(ctx) : (mod.profile ?? []);
  for (const extension of profile) registerCustomerExtension(ctx, extension);
  await mod.setup?.(ctx);
}

/** Every module of the product; adding a capability is adding a line here. */
export const MODULES: Module[] = [
  orgsModule,
  customersModule,
  feedbackModule,
  surveysModule,
  casesModule,
  webhooksModule,
  valueModule,
  reportsModule,
  peopleModule,
  loyaltyModule,
];
installManifests(MODULES);
