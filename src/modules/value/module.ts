import type { Module } from '../registry';
import { registerValueExtension } from './use-cases/customer-extension';
import { registerValueJobs } from './use-cases/jobs';
import { valueRoutes } from './http/routes';

export const valueModule: Module = {
  name: 'value',
  routes: valueRoutes,
  setup: async (ctx) => {
    registerValueExtension(ctx);
    await registerValueJobs(ctx);
  },
};
