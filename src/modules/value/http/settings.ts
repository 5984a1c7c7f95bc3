import { defineSettingsSection } from '../../../http/settings';
import { changeValueSettings, getValueSettings } from '../use-cases/settings';
import * as S from './schemas';

/** `/api/v1/settings/value`: model, horizon, discount rate, margin, costs, tier rule. */
export const valueSettings = defineSettingsSection({
  name: 'value',
  summary: 'Change the value settings: model, horizon, discount rate, margin, costs, tier rule',
  schema: S.ZValueSettingsResponseSchema,
  patch: S.ZUpdateValueSettingsRequestSchema,
  read: getValueSettings,
  change: changeValueSettings,
  aliases: [
    {
      url: '/api/v1/value/settings',
      tags: ['settings'],
      get: true,
      change: { method: 'put', body: S.ZValueSettingsSchema },
    },
  ],
});
