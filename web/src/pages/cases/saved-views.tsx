import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseView, CreateCaseViewRequest } from '../../../../src/http/api-types';
import { del, getAll, post } from '../../api/client';
import { ErrorMessage } from '../../components/error-message';
import { setSearch, useLocation } from '../../lib/router';
import { searchOf, viewFiltersOf } from './queue-filters';

/** Saved queue views: pick one (its filters replace the current ones), save the current filters under a name. */
export function SavedViews() {
  const { t } = useTranslation();
  const { search } = useLocation();
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const [shared, setShared] = useState(false);
  const [picked, setPicked] = useState('');
  const views = useQuery({ queryKey: ['case-views'], queryFn: () => getAll<CaseView>('/case-views') });
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['case-views'] });
  const save = useMutation({
    mutationFn: () =>
      post<CaseView>('/case-views', {
        name,
        shared,
        filters: viewFiltersOf(search),
      } satisfies CreateCaseViewRequest),
    onSuccess: (view) => {
      setName('');
      setPicked(view.id);
      void refresh();
    },
  });
  const remove = useMutation({
    mutationFn: (id: string) => del(`/case-views/${id}`),
    onSuccess: () => {
      setPicked('');
      void refresh();
    },
  });
  const items = views.data?.items ?? [];
  const pick = (id: string) => {
    setPicked(id);
    const view = items.find((v) => v.id === id);
    if (view) setSearch(searchOf(view.filters));
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  return (
    <div className="row card" data-testid="case-views">
      <label>
        {t('cases.savedView')}
        <select value={picked} onChange={(e) => pick(e.target.value)} data-testid="case-views-pick">
          <option value="">{t('cases.noView')}</option>
          {items.map((v) => (
            <option key={v.id} value={v.id}>
              {v.shared ? t('cases.sharedView', { name: v.name }) : v.name}
            </option>
          ))}
        </select>
      </label>
      {picked && (
        <button type="button" onClick={() => remove.mutate(picked)}>
          {t('common.delete')}
        </button>
      )}
      <form className="row" onSubmit={submit}>
        <label>
          {t('cases.viewName')}
          <input required maxLength={100} value={name} onChange={(e) => setName(e.target.value)} />
        </label>
        <label className="check">
          <input type="checkbox" checked={shared} onChange={(e) => setShared(e.target.checked)} />
          {t('cases.shareView')}
        </label>
        <button type="submit" disabled={save.isPending}>
          {t('cases.saveView')}
        </button>
      </form>
      {(save.isError || remove.isError) && <ErrorMessage error={save.error ?? remove.error} />}
    </div>
  );
}
