import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseSettings } from '../../../src/http/api-types';
import { get } from '../api/client';
import { useCan } from '../api/session';
import { type Labels, makeLabels } from './label-map';

export { humanize, type Labels, makeLabels } from './label-map';

const NO_NAMES: CaseSettings['rootCauses'] = [];

/** The labels in the current language, with the organization's configured names once loaded. */
export function useLabels(): Labels {
  const { t, i18n } = useTranslation();
  const settings = useQuery({
    queryKey: ['case-settings'],
    queryFn: () => get<CaseSettings>('/settings/cases'),
    enabled: useCan('settings:read'),
    staleTime: 5 * 60_000,
  });
  const rootCauses = settings.data?.rootCauses ?? NO_NAMES;
  return useMemo(
    () => makeLabels(t, i18n.language, { rootCauses: new Map(rootCauses.map((c) => [c.key, c.name])) }),
    [t, i18n.language, rootCauses],
  );
}
