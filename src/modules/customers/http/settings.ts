import { defineSettingsSection } from '../../../http/settings';
import { getLifecycleRules, updateLifecycleRules } from '../use-cases/settings';
import * as S from './schemas';

/** `/api/v1/settings/lifecycle`: the thresholds that decide each customer's lifecycle stage. */
export const lifecycleSettings = defineSettingsSection({
  name: 'lifecycle',
  summary: 'Change lifecycle thresholds; stages are recomputed in the background',
  schema: S.ZLifecycleSettingsSchema,
  patch: S.ZUpdateLifecycleSettingsRequestSchema,
  read: getLifecycleRules,
  change: updateLifecycleRules,
});
