import type { App } from '../http/types';
import { MODULES } from '../modules/registry';
import type { DemoApi } from './demo-api';
import type { DemoData } from './generate';

/** What every demo step works with; `state` carries ids from one step to the next. */
export type DemoContext = {
  api: DemoApi;
  app: App;
  orgId: string;
  data: DemoData;
  now: Date;
  counts: Record<string, number>;
  progress: (step: string, done: number) => void;
  state: Record<string, unknown>;
};

export type DemoStep = {
  name: string;
  /** False when the capability it fills is not in this build. */
  available: (ctx: DemoContext) => boolean;
  run: (ctx: DemoContext) => Promise<void>;
};

/** Every module's steps, in the order they depend on each other (each manifest places its own). */
export const DEMO_STEPS: DemoStep[] = MODULES.flatMap((m) => m.demo ?? [])
  .sort((a, b) => a.order - b.order)
  .map((d) => d.step);
