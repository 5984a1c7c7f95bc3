import { defineSettingsSection } from '../../../http/settings';
import { changeBasketSettings, getBasketSettings } from '../use-cases/basket-rules';
import * as S from './schemas-basket';

/** `/api/v1/settings/basket-rules`: the thresholds of mining and how many recent baskets recommendations read. */
export const basketSettingsSection = defineSettingsSection({
  name: 'basket-rules',
  summary: 'Thresholds of basket-rule mining (support, confidence, rule length, window) and recommendations',
  schema: S.ZBasketSettingsSchema,
  patch: S.ZUpdateBasketSettingsRequestSchema,
  read: getBasketSettings,
  change: changeBasketSettings,
  readAccess: 'loyalty:read',
  writeAccess: 'loyalty:write',
});
