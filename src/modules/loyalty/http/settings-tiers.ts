import { defineSettingsSection } from '../../../http/settings';
import { changeTierSettings, readTierSettings } from '../use-cases/tiers';
import * as S from './schemas-tiers';

/** `/api/v1/settings/loyalty-tiers`: what tiers are earned by, over which window, how they drop, when notices go. */
export const tierSettings = defineSettingsSection({
  name: 'loyalty-tiers',
  summary:
    'Loyalty tiers: basis (points earned or spend), rolling window, downgrade policy, review period, notice days',
  schema: S.ZTierSettingsSchema,
  patch: S.ZUpdateTierSettingsRequestSchema,
  read: readTierSettings,
  change: changeTierSettings,
  readAccess: 'loyalty:read',
  writeAccess: 'loyalty:write',
});
