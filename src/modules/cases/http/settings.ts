import { defineSettingsSection } from '../../../http/settings';
import { changeSettings, readSettings } from '../use-cases/settings';
import * as S from './schemas';

/** `/api/v1/settings/cases`: calendar, warning share, default team, root causes, topics. */
export const caseSettings = defineSettingsSection({
  name: 'cases',
  summary: 'Calendar (time zone, working hours, holidays), warning share, default team, root causes, topics',
  schema: S.ZCaseSettingsSchema,
  patch: S.ZUpdateCaseSettingsRequestSchema,
  read: readSettings,
  change: changeSettings,
  aliases: [{ url: '/api/v1/case-settings', tags: ['cases'], get: true, change: { method: 'patch' } }],
});
