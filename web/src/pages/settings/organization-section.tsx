import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Org, UpdateOrgRequest } from '../../../../src/http/api-types';
import { get, patch } from '../../api/client';
import { ME_KEY } from '../../api/me';
import { useCan } from '../../api/session';
import { ErrorMessage } from '../../components/error-message';
import { OrgProfileFields } from '../../components/org-profile-fields';
import { SaveFooter } from './settings-form';

/** The fields of the form: everything a change may name. */
type OrgForm = Required<UpdateOrgRequest>;

export default function OrganizationSection() {
  const { t } = useTranslation();
  const canWrite = useCan('settings:write');
  const queryClient = useQueryClient();
  const org = useQuery({ queryKey: ['org'], queryFn: () => get<Org>('/settings/organization') });
  const [form, setForm] = useState<OrgForm | null>(null);
  useEffect(() => {
    if (org.data && !form) {
      const { name, baseCurrency, timeZone, defaultLocale } = org.data;
      setForm({ name, baseCurrency, timeZone, defaultLocale: defaultLocale as OrgForm['defaultLocale'] });
    }
  }, [org.data, form]);
  const save = useMutation({
    mutationFn: (body: UpdateOrgRequest) => patch<Org>('/settings/organization', body),
    onSuccess: (data) => {
      queryClient.setQueryData(['org'], data);
      void queryClient.invalidateQueries({ queryKey: ME_KEY });
    },
  });
  if (org.isError) return <ErrorMessage error={org.error} />;
  if (!form) return <p className="loading">{t('common.loading')}</p>;
  const set = (k: keyof typeof form) => (e: { target: { value: string } }) =>
    setForm({ ...form, [k]: e.target.value });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate(form);
  };
  return (
    <form className="card form" onSubmit={submit}>
      <h2>{t('settings.organization')}</h2>
      <fieldset disabled={!canWrite}>
        <OrgProfileFields profile={form} onChange={set} />
        <SaveFooter canWrite={canWrite} save={save} />
      </fieldset>
    </form>
  );
}
