import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FeedbackFilters } from '../../../src/http/api-types';
import { daysAgo, isoDay } from '../lib/period';
import { setSearch, useLocation } from '../lib/router';

const KEYS = ['from', 'to', 'touchpoint', 'channel', 'locale'] as const;

/** Feedback filters kept in the URL; the period defaults to the last year. */
export function useFeedbackFilters(defaultDays = 365): FeedbackFilters {
  const { search } = useLocation();
  const f: FeedbackFilters = { from: daysAgo(defaultDays), to: isoDay(new Date()) };
  for (const k of KEYS) {
    const v = search.get(k);
    if (v) f[k] = v;
  }
  return f;
}

export function FiltersBar({ filters }: { filters: FeedbackFilters }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(filters);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setSearch(Object.fromEntries(KEYS.map((k) => [k, draft[k]?.trim() || undefined])));
  };
  const field = (k: (typeof KEYS)[number], type = 'text') => (
    <label key={k}>
      {t(`feedback.filter.${k}`)}
      <input
        type={type}
        value={draft[k] ?? ''}
        maxLength={200}
        onChange={(e) => setDraft({ ...draft, [k]: e.target.value })}
      />
    </label>
  );
  return (
    <form className="row card no-print" onSubmit={submit} aria-label={t('common.filter')}>
      {field('from', 'date')}
      {field('to', 'date')}
      {field('touchpoint')}
      {field('channel')}
      {field('locale')}
      <button type="submit" className="primary">
        {t('common.apply')}
      </button>
    </form>
  );
}
