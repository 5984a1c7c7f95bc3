import { defineSettingsSection } from '../../../http/settings';
import { changeReferralSettings, readReferralSettings } from '../use-cases/referrals';
import * as S from './schemas-referrals';

/** `/api/v1/settings/referrals`: the qualifying period, the rewards, the farming cap and the link's landing site. */
export const referralSettings = defineSettingsSection({
  name: 'referrals',
  summary: 'Referrals: qualifying period, points for both customers, the cap per referrer, where links lead',
  schema: S.ZReferralSettingsSchema,
  patch: S.ZUpdateReferralSettingsRequestSchema,
  read: readReferralSettings,
  change: changeReferralSettings,
  readAccess: 'loyalty:read',
  writeAccess: 'loyalty:write',
});
