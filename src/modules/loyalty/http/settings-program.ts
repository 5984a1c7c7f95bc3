import { defineSettingsSection } from '../../../http/settings';
import { changeProgramSettings, readProgramSettings } from '../use-cases/program';
import * as S from './schemas-ledger';

/** `/api/v1/settings/loyalty`: whether the program runs, when points expire, what a refund of spent points does. */
export const programSettings = defineSettingsSection({
  name: 'loyalty',
  summary: 'The loyalty program: active, expiry of points, refunds of spent points',
  schema: S.ZProgramSchema,
  patch: S.ZProgramPatchSchema,
  read: readProgramSettings,
  change: changeProgramSettings,
  readAccess: 'loyalty:read',
  writeAccess: 'loyalty:write',
});
