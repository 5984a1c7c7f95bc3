import type { App } from '../http/types';
import type { DemoApi } from './demo-api';
import type { DemoData } from './generate';
import { casesStep } from './step-cases';
import { customersStep, eventsStep, rfmStep } from './step-customers';
import { surveysStep } from './step-surveys';
import { topicsStep } from './step-topics';
import { valueStep } from './step-value';

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

/** In the order they depend on each other; each capability adds its step here. */
export const DEMO_STEPS: DemoStep[] = [
  customersStep,
  eventsStep,
  surveysStep,
  topicsStep,
  rfmStep,
  valueStep,
  casesStep,
];
