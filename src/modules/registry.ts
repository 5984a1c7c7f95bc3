import type { App, AppContext } from '../http/types';
import { casesModule } from './cases/module';
import { customersModule } from './customers/module';
import { feedbackModule } from './feedback/module';
import { orgsModule } from './orgs/module';
import { surveysModule } from './surveys/module';
import { valueModule } from './value/module';
import { webhooksModule } from './webhooks/module';

/** A vertical slice: its routes, and at start-up its job handlers, schedules and event subscriptions. */
export interface Module {
  name: string;
  routes?: (app: App) => Promise<void> | void;
  setup?: (ctx: AppContext) => void | Promise<void>;
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
];
