import { defineSettingsSection } from '../../../http/settings';
import { getSettings, updateSettings } from '../use-cases/settings';
import * as S from './schemas';

/** `/api/v1/settings/surveys`: contact frequency cap, reminders, link validity. */
export const surveySettings = defineSettingsSection({
  name: 'surveys',
  summary: 'The contact frequency cap, reminders and link validity of the organization',
  schema: S.ZSurveySettingsSchema,
  patch: S.ZUpdateSurveySettingsRequestSchema,
  read: getSettings,
  change: updateSettings,
  aliases: [{ url: '/api/v1/survey-settings', tags: ['surveys'], get: true, change: { method: 'patch' } }],
});
