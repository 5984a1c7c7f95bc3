import type { Module } from '../registry';
import { registerValueExtension } from './customer-extension';
import { registerValueJobs } from './jobs';
import { valueRoutes } from './routes';

export const valueModule: Module = {
  name: 'value',
  routes: valueRoutes,
  setup: async (ctx) => {
    registerValueExtension(ctx);
    await registerValueJobs(ctx);
  },
};
