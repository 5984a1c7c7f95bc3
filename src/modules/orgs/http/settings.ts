import { defineSettingsSection } from '../../../http/settings';
import { changeOrganization, readOrganization } from '../use-cases/settings';
import * as S from './schemas';

/** `/api/v1/settings/organization`: name, base currency, time zone, default language. */
export const organizationSettings = defineSettingsSection({
  name: 'organization',
  summary: "Change the organization's name, base currency, time zone or default language",
  schema: S.ZOrgSchema,
  patch: S.ZUpdateOrgRequestSchema,
  read: readOrganization,
  change: changeOrganization,
  aliases: [{ url: '/api/v1/org', tags: ['settings'], get: true, change: { method: 'patch' } }],
});
