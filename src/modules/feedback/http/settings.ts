import { defineSettingsSection } from '../../../http/settings';
import { getFeedbackSettings, updateFeedbackSettings } from '../use-cases/settings';
import * as S from './schemas';

/** `/api/v1/settings/anonymity`: the smallest group whose employee feedback is shown. */
export const anonymitySettings = defineSettingsSection({
  name: 'anonymity',
  summary: 'Anonymity threshold for employee and internal-client feedback',
  schema: S.ZSettingsSchema,
  patch: S.ZUpdateSettingsRequestSchema,
  read: getFeedbackSettings,
  change: updateFeedbackSettings,
  // Whoever reads analytics needs to know why a group is withheld.
  readAccess: 'analytics:read',
  aliases: [
    { url: '/api/v1/analytics/settings', tags: ['analytics'], get: true, change: { method: 'patch' } },
  ],
});
