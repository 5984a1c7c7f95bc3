import { type UseMutationResult, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, type ReactNode, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { get, patch } from '../../api/client';
import { useCan } from '../../api/session';
import { ErrorMessage } from '../../components/error-message';

/**
 * The settings sections of the API: each is read with `GET /api/v1/settings/{section}` and changed
 * with `PATCH` of the fields to change, which answers the whole section.
 */
export type SettingsSectionName = 'organization' | 'lifecycle' | 'value' | 'cases' | 'surveys' | 'anonymity';

export const settingsPath = (section: SettingsSectionName) => `/settings/${section}`;

/**
 * A settings form's state: the stored section, read once into an editable copy (through `edit`
 * when the form keeps more than it sends), and the save that sends `toBody(form)` as a `PATCH`.
 */
export function useSettingsForm<T, B = Partial<T>>(
  section: SettingsSectionName,
  toBody: (form: T) => B = (form) => form as unknown as B,
  edit: (stored: T) => T = (stored) => stored,
) {
  const queryClient = useQueryClient();
  const current = useQuery({ queryKey: ['settings', section], queryFn: () => get<T>(settingsPath(section)) });
  const [form, setForm] = useState<T | null>(null);
  useEffect(() => {
    if (current.data && form === null) setForm(edit(current.data));
  }, [current.data, form, edit]);
  const save = useMutation({
    mutationFn: (next: T) => patch<T>(settingsPath(section), toBody(next)),
    onSuccess: (data) => queryClient.setQueryData(['settings', section], data),
  });
  return { current, form, setForm, save };
}

/** The save button (for those who may write), and what became of the last save. */
export function SaveFooter({
  canWrite,
  save,
  saved,
}: {
  canWrite: boolean;
  save: Pick<UseMutationResult, 'isPending' | 'isSuccess' | 'isError' | 'error'>;
  saved?: string;
}) {
  const { t } = useTranslation();
  return (
    <>
      {canWrite && (
        <button type="submit" className="primary" disabled={save.isPending}>
          {t('common.save')}
        </button>
      )}
      {save.isSuccess && <p role="status">{saved ?? t('common.saved')}</p>}
      {save.isError && <ErrorMessage error={save.error} />}
    </>
  );
}

/**
 * A settings form as a card: loading and errors, a title and help, the fields `children` draws
 * from the editable copy (disabled for those who may only read), and the save.
 */
export function SettingsCard<T>({
  state: { current, form, setForm, save },
  title,
  help,
  saved,
  children,
}: {
  state: ReturnType<typeof useSettingsForm<T>>;
  title: string;
  help?: string;
  saved?: string;
  children: (form: T, setForm: (next: T) => void) => ReactNode;
}) {
  const { t } = useTranslation();
  const canWrite = useCan('settings:write');
  if (current.isError) return <ErrorMessage error={current.error} />;
  if (form === null) return <p className="loading">{t('common.loading')}</p>;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate(form);
  };
  return (
    <form className="card form" onSubmit={submit}>
      <h2>{title}</h2>
      {help && <p>{help}</p>}
      <fieldset disabled={!canWrite}>
        {children(form, setForm)}
        <SaveFooter canWrite={canWrite} save={save} saved={saved} />
      </fieldset>
    </form>
  );
}
