import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  AuditChecklist,
  AuditTrends,
  AuditVisit,
  AuditVisitDetail,
  CreateAuditChecklistRequest,
  CreateAuditVisitRequest,
  Location,
  ShopperLink,
} from '../../../../src/http/api-types';
import { api, get, getAll, post } from '../../api/client';
import { useCan } from '../../api/session';
import { ChartPanel } from '../../charts/chart-panel';
import { type Column, DataTable } from '../../components/data-table';
import { ErrorMessage } from '../../components/error-message';
import { useFormat } from '../../lib/format';
import { Link } from '../../lib/router';

const COMPONENTS = ['service', 'aesthetic', 'ethical'] as const;
type Component = (typeof COMPONENTS)[number];
const LANGUAGES = ['en', 'pl', 'cs', 'ru'] as const;
type Language = (typeof LANGUAGES)[number];
type TrendRow = AuditTrends['items'][number] & { name: string };

/** Each cell shows the text it exports, unless it renders something of its own. */
const shown = <T,>(columns: (Column<T> & { value: (row: T) => string })[]): Column<T>[] =>
  columns.map((c) => ({ render: c.value, ...c }));

/** The names of the organization's locations, by id. */
function useLocations() {
  const q = useQuery({ queryKey: ['locations'], queryFn: () => getAll<Location>('/locations') });
  const list = q.data?.items ?? [];
  const names = new Map(list.map((l) => [l.id, l.name]));
  return { list, name: (id: string | null) => (id ? (names.get(id) ?? '—') : '—') };
}

function useChecklists() {
  return useQuery({
    queryKey: ['audit-checklists'],
    queryFn: () => get<{ items: AuditChecklist[] }>('/audit-checklists'),
  });
}

/**
 * Service audits and mystery shopping: the score trend per location, the visits with their scores
 * per component, a new visit with its shopper link, and the checklists.
 */
export default function AuditsTab() {
  const { t } = useTranslation();
  const canWrite = useCan('people:write');
  return (
    <div className="stack">
      <p>{t('people.audits.help')}</p>
      <Trends />
      <Visits />
      {canWrite && <NewVisit />}
      <Checklists />
    </div>
  );
}

function Trends() {
  const { t } = useTranslation();
  const f = useFormat();
  const locations = useLocations();
  const [locationId, setLocationId] = useState('');
  const trends = useQuery({
    queryKey: ['audit-trends', locationId],
    queryFn: () => get<AuditTrends>('/audit-trends', locationId ? { locationId } : undefined),
  });
  const rows: TrendRow[] = (trends.data?.items ?? []).map((r) => ({
    ...r,
    name: locations.name(r.locationId),
  }));
  const months = [...new Set(rows.map((r) => r.month))].sort();
  const byLocation = [...new Set(rows.map((r) => r.locationId))];
  const score = (v: number | null) => (v === null ? '—' : f.dec(v));
  const columns = shown([
    { key: 'name', header: t('people.location'), value: (r: TrendRow) => r.name },
    { key: 'month', header: t('people.audits.month'), value: (r: TrendRow) => f.month(r.month) },
    {
      key: 'visits',
      header: t('people.audits.visits'),
      numeric: true,
      value: (r: TrendRow) => f.int(r.visits),
    },
    { key: 'score', header: t('people.audits.score'), numeric: true, value: (r: TrendRow) => score(r.score) },
    ...COMPONENTS.map((c) => ({
      key: c,
      header: t(`people.audits.component.${c}`),
      numeric: true,
      value: (r: TrendRow) => score(r[c]),
    })),
    {
      key: 'failed',
      header: t('people.audits.failedVisits'),
      numeric: true,
      value: (r: TrendRow) => f.int(r.failed),
    },
  ]);
  return (
    <section className="stack">
      <label>
        {t('people.location')}
        <select value={locationId} onChange={(e) => setLocationId(e.target.value)}>
          <option value="">{t('people.audits.allLocations')}</option>
          {locations.list.map((l) => (
            <option key={l.id} value={l.id}>
              {l.name}
            </option>
          ))}
        </select>
      </label>
      {trends.isError && <ErrorMessage error={trends.error} />}
      <ChartPanel
        title={t('people.audits.trend')}
        note={t('people.audits.trendNote')}
        option={{
          tooltip: { trigger: 'axis' },
          legend: { bottom: 0, type: 'scroll' },
          grid: { left: 8, right: 16, top: 10, bottom: 40, containLabel: true },
          xAxis: { type: 'category', data: months.map((m) => f.month(m)) },
          yAxis: { type: 'value', min: 0, max: 100 },
          series: byLocation.map((id) => ({
            type: 'line',
            name: locations.name(id),
            connectNulls: true,
            data: months.map((m) => rows.find((r) => r.locationId === id && r.month === m)?.score ?? null),
          })),
        }}
        table={{
          rows,
          rowKey: (r) => `${r.locationId}-${r.month}`,
          exportName: 'audit-trends',
          columns,
        }}
      />
    </section>
  );
}

function Visits() {
  const { t } = useTranslation();
  const f = useFormat();
  const locations = useLocations();
  const checklists = useChecklists();
  const [open, setOpen] = useState<string | null>(null);
  const visits = useQuery({
    queryKey: ['audits'],
    queryFn: () => get<{ items: AuditVisit[]; nextCursor: string | null }>('/audits', { limit: 100 }),
  });
  const checklistName = (id: string) => checklists.data?.items.find((c) => c.id === id)?.name ?? '—';
  const score = (v: number | null | undefined) => (v == null ? '—' : f.dec(v));
  const outcome = (v: AuditVisit) =>
    v.status === 'scheduled'
      ? t('people.audits.status.scheduled')
      : v.failed
        ? t('people.audits.status.failed')
        : t('people.audits.status.passed');
  return (
    <section className="stack">
      {visits.isError && <ErrorMessage error={visits.error} />}
      <DataTable
        caption={t('people.audits.visitsTitle')}
        rows={visits.data?.items ?? []}
        rowKey={(v) => v.id}
        exportName="audit-visits"
        columns={shown([
          {
            key: 'date',
            header: t('people.audits.date'),
            value: (v: AuditVisit) => f.date(v.doneAt ?? v.scheduledAt),
            render: (v: AuditVisit) => (
              <button
                type="button"
                aria-expanded={open === v.id}
                onClick={() => setOpen(open === v.id ? null : v.id)}
              >
                {f.date(v.doneAt ?? v.scheduledAt)}
              </button>
            ),
          },
          {
            key: 'location',
            header: t('people.location'),
            value: (v: AuditVisit) => locations.name(v.locationId),
          },
          {
            key: 'checklist',
            header: t('people.audits.checklist'),
            value: (v: AuditVisit) => checklistName(v.checklistId),
          },
          {
            key: 'kind',
            header: t('people.audits.kind'),
            value: (v: AuditVisit) => t(`people.audits.kinds.${v.kind}`),
          },
          {
            key: 'outcome',
            header: t('people.audits.outcome'),
            value: (v: AuditVisit) => outcome(v),
            render: (v: AuditVisit) => <span className={v.failed ? 'warn' : undefined}>{outcome(v)}</span>,
          },
          {
            key: 'score',
            header: t('people.audits.score'),
            numeric: true,
            value: (v: AuditVisit) => score(v.score),
          },
          ...COMPONENTS.map((c) => ({
            key: c,
            header: t(`people.audits.component.${c}`),
            numeric: true,
            value: (v: AuditVisit) => score(v.componentScores[c]),
          })),
          {
            key: 'case',
            header: t('people.audits.case'),
            value: (v: AuditVisit) => (v.caseId ? t('people.audits.openCase') : '—'),
            render: (v: AuditVisit) =>
              v.caseId ? <Link to={`/cases/${v.caseId}`}>{t('people.audits.openCase')}</Link> : '—',
          },
        ])}
      />
      {open && <VisitDetail id={open} />}
    </section>
  );
}

function VisitDetail({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const canWrite = useCan('people:write');
  const visit = useQuery({ queryKey: ['audits', id], queryFn: () => get<AuditVisitDetail>(`/audits/${id}`) });
  if (visit.isError) return <ErrorMessage error={visit.error} />;
  const v = visit.data;
  if (!v) return <p aria-busy="true">{t('common.loading')}</p>;
  const lang = i18n.language as Language;
  const answers = new Map(v.answers.map((a) => [a.itemId, a]));
  return (
    <section className="card stack" aria-label={t('people.audits.detail')}>
      <h3>{t('people.audits.detail')}</h3>
      <ul className="stack">
        {v.items.map((item) => {
          const a = answers.get(item.id);
          const photos = v.photos.filter((p) => p.itemId === item.id);
          return (
            <li key={item.id}>
              <span className="free-text">
                {item.text[lang] ?? item.text.en ?? Object.values(item.text)[0]}
              </span>{' '}
              {item.critical && <strong className="warn">({t('people.audits.critical')})</strong>} —{' '}
              <span className={a?.result === 'fail' ? 'warn' : undefined}>
                {a ? t(`people.audits.result.${a.result}`) : t('people.audits.notAnswered')}
              </span>
              {a?.note && <p className="muted free-text">{a.note}</p>}
              {photos.map((p) => (
                <a key={p.id} href={`/api/v1/audits/${v.id}/photos/${p.id}`} target="_blank" rel="noreferrer">
                  <img
                    src={`/api/v1/audits/${v.id}/photos/${p.id}`}
                    alt={t('people.audits.photoOf', { item: item.text[lang] ?? item.text.en ?? item.id })}
                    width={96}
                    height={96}
                    loading="lazy"
                    style={{ objectFit: 'cover' }}
                  />
                </a>
              ))}
            </li>
          );
        })}
      </ul>
      {v.status === 'scheduled' && canWrite && <ReportForm visit={v} />}
    </section>
  );
}

type Result = AuditVisitDetail['answers'][number]['result'];

/** An auditor's report of a planned visit: a result and a note per item, photos as they are taken. */
function ReportForm({ visit }: { visit: AuditVisitDetail }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const lang = i18n.language as Language;
  const [results, setResults] = useState<Record<string, Result>>({});
  const [notes, setNotes] = useState<Record<string, string>>({});
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: ['audits'] });
    void queryClient.invalidateQueries({ queryKey: ['audit-trends'] });
  };
  const photo = useMutation({
    mutationFn: ({ itemId, file }: { itemId: string; file: File }) =>
      api('POST', `/audits/${visit.id}/photos`, {
        query: { itemId },
        raw: { text: file, contentType: file.type || 'application/octet-stream' },
      }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['audits', visit.id] }),
  });
  const submit = useMutation({
    mutationFn: () =>
      post<AuditVisitDetail>(`/audits/${visit.id}/submit`, {
        answers: visit.items.map((i) => ({
          itemId: i.id,
          result: results[i.id],
          ...(notes[i.id]?.trim() && { note: notes[i.id].trim() }),
        })),
      }),
    onSuccess: refresh,
  });
  const complete = visit.items.every((i) => results[i.id]);
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    submit.mutate();
  };
  return (
    <form className="stack" onSubmit={onSubmit}>
      <h3>{t('people.audits.report')}</h3>
      {visit.items.map((item) => (
        <fieldset key={item.id} className="stack">
          <legend className="free-text">
            {item.text[lang] ?? item.text.en ?? Object.values(item.text)[0]}
            {item.critical && ` (${t('people.audits.critical')})`}
          </legend>
          <div className="row">
            {(['pass', 'fail', 'na'] as const).map((r) => (
              <label key={r}>
                <input
                  type="radio"
                  name={`result-${item.id}`}
                  value={r}
                  checked={results[item.id] === r}
                  onChange={() => setResults({ ...results, [item.id]: r })}
                />{' '}
                {t(`people.audits.result.${r}`)}
              </label>
            ))}
          </div>
          <label>
            {t('people.audits.note')}
            <input
              value={notes[item.id] ?? ''}
              maxLength={2000}
              onChange={(e) => setNotes({ ...notes, [item.id]: e.target.value })}
            />
          </label>
          <label>
            {t('people.audits.addPhoto')}
            <input
              type="file"
              accept="image/jpeg,image/png,image/webp"
              onChange={(e) => {
                const file = e.target.files?.[0];
                if (file) photo.mutate({ itemId: item.id, file });
              }}
            />
          </label>
        </fieldset>
      ))}
      {photo.isError && <ErrorMessage error={photo.error} />}
      {submit.isError && <ErrorMessage error={submit.error} />}
      {!complete && <p className="muted">{t('people.audits.markEvery')}</p>}
      <div>
        <button type="submit" className="primary" disabled={!complete || submit.isPending}>
          {t('people.audits.submitReport')}
        </button>
      </div>
    </form>
  );
}

function NewVisit() {
  const { t, i18n } = useTranslation();
  const f = useFormat();
  const queryClient = useQueryClient();
  const locations = useLocations();
  const checklists = useChecklists();
  const active = (checklists.data?.items ?? []).filter((c) => c.active);
  const [form, setForm] = useState({
    checklistId: '',
    locationId: '',
    kind: 'shopper' as 'shopper' | 'auditor',
    shopperName: '',
    locale: (LANGUAGES as readonly string[]).includes(i18n.language) ? (i18n.language as Language) : 'en',
  });
  const checklist = active.find((c) => c.id === form.checklistId) ?? active[0];
  const locationId = form.locationId || checklist?.locationId || locations.list[0]?.id || '';
  const [link, setLink] = useState<ShopperLink | null>(null);
  const create = useMutation({
    mutationFn: async () => {
      const body: CreateAuditVisitRequest = {
        checklistId: checklist!.id,
        locationId,
        kind: form.kind,
        locale: form.locale,
        ...(form.shopperName.trim() && { shopperName: form.shopperName.trim() }),
      };
      const visit = await post<AuditVisitDetail>('/audits', body);
      return form.kind === 'shopper' ? post<ShopperLink>(`/audits/${visit.id}/shopper-link`, {}) : null;
    },
    onSuccess: (made) => {
      setLink(made);
      void queryClient.invalidateQueries({ queryKey: ['audits'] });
    },
  });
  if (!checklist) return null;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate();
  };
  return (
    <form className="card stack" onSubmit={submit}>
      <h2>{t('people.audits.newVisit')}</h2>
      <div className="row">
        <label>
          {t('people.audits.checklist')}
          <select value={checklist.id} onChange={(e) => setForm({ ...form, checklistId: e.target.value })}>
            {active.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('people.location')}
          <select value={locationId} onChange={(e) => setForm({ ...form, locationId: e.target.value })}>
            {locations.list.map((l) => (
              <option key={l.id} value={l.id}>
                {l.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('people.audits.kind')}
          <select value={form.kind} onChange={(e) => setForm({ ...form, kind: e.target.value as 'shopper' })}>
            <option value="shopper">{t('people.audits.kinds.shopper')}</option>
            <option value="auditor">{t('people.audits.kinds.auditor')}</option>
          </select>
        </label>
        {form.kind === 'shopper' && (
          <>
            <label>
              {t('people.audits.shopperName')}
              <input
                value={form.shopperName}
                maxLength={200}
                onChange={(e) => setForm({ ...form, shopperName: e.target.value })}
              />
            </label>
            <label>
              {t('people.audits.language')}
              <select
                value={form.locale}
                onChange={(e) => setForm({ ...form, locale: e.target.value as Language })}
              >
                {LANGUAGES.map((l) => (
                  <option key={l} value={l}>
                    {t(`locales.${l}`)}
                  </option>
                ))}
              </select>
            </label>
          </>
        )}
      </div>
      {create.isError && <ErrorMessage error={create.error} />}
      {create.isSuccess && !link && <p role="status">{t('people.audits.planned')}</p>}
      {link && (
        <div className="stack" role="status">
          <p>{t('people.audits.linkReady', { date: f.date(link.expiresAt) })}</p>
          <a
            href={link.url}
            target="_blank"
            rel="noreferrer"
            className="free-text"
            data-testid="shopper-link"
          >
            {link.url}
          </a>
          <div>
            <button type="button" onClick={() => void navigator.clipboard?.writeText(link.url)}>
              {t('common.copy')}
            </button>
          </div>
          <img
            className="qr"
            src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(link.qrSvg)}`}
            alt={t('people.audits.qrAlt')}
            width={160}
            height={160}
          />
        </div>
      )}
      <div>
        <button type="submit" className="primary" disabled={create.isPending}>
          {form.kind === 'shopper' ? t('people.audits.createLink') : t('people.audits.plan')}
        </button>
      </div>
    </form>
  );
}

type DraftItem = { component: Component; text: string; weight: string; critical: boolean };
const emptyItem = (): DraftItem => ({ component: 'service', text: '', weight: '1', critical: false });

function Checklists() {
  const { t, i18n } = useTranslation();
  const canWrite = useCan('people:write');
  const queryClient = useQueryClient();
  const locations = useLocations();
  const checklists = useChecklists();
  const lang = (LANGUAGES as readonly string[]).includes(i18n.language) ? (i18n.language as Language) : 'en';
  const [name, setName] = useState('');
  const [locationId, setLocationId] = useState('');
  const [items, setItems] = useState<DraftItem[]>([emptyItem()]);
  const create = useMutation({
    mutationFn: () =>
      post<AuditChecklist>('/audit-checklists', {
        name: name.trim(),
        locationId: locationId || null,
        items: items
          .filter((i) => i.text.trim())
          .map((i) => ({
            component: i.component,
            text: { [lang]: i.text.trim() },
            weight: Number(i.weight) || 1,
            critical: i.critical,
          })),
      } satisfies CreateAuditChecklistRequest),
    onSuccess: () => {
      setName('');
      setItems([emptyItem()]);
      void queryClient.invalidateQueries({ queryKey: ['audit-checklists'] });
    },
  });
  const list = checklists.data?.items ?? [];
  const setItem = (i: number, patch: Partial<DraftItem>) =>
    setItems(items.map((x, k) => (k === i ? { ...x, ...patch } : x)));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate();
  };
  return (
    <section className="stack">
      <h2>{t('people.audits.checklists')}</h2>
      {checklists.isError && <ErrorMessage error={checklists.error} />}
      {list.map((c) => (
        <details key={c.id} className="card">
          <summary>
            {c.name} — {c.locationId ? locations.name(c.locationId) : t('people.audits.anyLocation')} ·{' '}
            {t('people.audits.itemCount', { count: c.items.length })} ·{' '}
            {t('people.audits.version', { version: c.version })}
            {!c.active && ` · ${t('people.audits.inactive')}`}
          </summary>
          {COMPONENTS.map((comp) => {
            const own = c.items.filter((i) => i.component === comp);
            if (!own.length) return null;
            return (
              <div key={comp}>
                <h3>{t(`people.audits.component.${comp}`)}</h3>
                <ul>
                  {own.map((i) => (
                    <li key={i.id}>
                      <span className="free-text">
                        {i.text[lang] ?? i.text.en ?? Object.values(i.text)[0]}
                      </span>{' '}
                      · {t('people.audits.weight')} {i.weight}
                      {i.critical && <strong className="warn"> · {t('people.audits.critical')}</strong>}
                    </li>
                  ))}
                </ul>
              </div>
            );
          })}
        </details>
      ))}
      {!list.length && <p className="muted">{t('people.audits.noChecklists')}</p>}
      {canWrite && (
        <form className="card stack" onSubmit={submit}>
          <h3>{t('people.audits.newChecklist')}</h3>
          <div className="row">
            <label>
              {t('people.name')}
              <input value={name} required maxLength={200} onChange={(e) => setName(e.target.value)} />
            </label>
            <label>
              {t('people.location')}
              <select value={locationId} onChange={(e) => setLocationId(e.target.value)}>
                <option value="">{t('people.audits.anyLocation')}</option>
                {locations.list.map((l) => (
                  <option key={l.id} value={l.id}>
                    {l.name}
                  </option>
                ))}
              </select>
            </label>
          </div>
          <p className="muted">{t('people.audits.itemsHelp', { language: t(`locales.${lang}`) })}</p>
          {items.map((item, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows of a draft have no identity but their place
            <fieldset key={i} className="row">
              <legend>{t('people.audits.item', { n: i + 1 })}</legend>
              <label>
                {t('people.audits.componentLabel')}
                <select
                  value={item.component}
                  onChange={(e) => setItem(i, { component: e.target.value as Component })}
                >
                  {COMPONENTS.map((c) => (
                    <option key={c} value={c}>
                      {t(`people.audits.component.${c}`)}
                    </option>
                  ))}
                </select>
              </label>
              <label>
                {t('people.audits.itemText')}
                <input
                  value={item.text}
                  maxLength={500}
                  onChange={(e) => setItem(i, { text: e.target.value })}
                />
              </label>
              <label>
                {t('people.audits.weight')}
                <input
                  type="number"
                  inputMode="decimal"
                  min={0.1}
                  max={100}
                  step={0.1}
                  value={item.weight}
                  onChange={(e) => setItem(i, { weight: e.target.value })}
                />
              </label>
              <label>
                <input
                  type="checkbox"
                  checked={item.critical}
                  onChange={(e) => setItem(i, { critical: e.target.checked })}
                />{' '}
                {t('people.audits.critical')}
              </label>
            </fieldset>
          ))}
          <div className="row">
            <button type="button" onClick={() => setItems([...items, emptyItem()])}>
              {t('people.audits.addItem')}
            </button>
            <button type="submit" className="primary" disabled={create.isPending}>
              {t('people.audits.createChecklist')}
            </button>
          </div>
          {create.isError && <ErrorMessage error={create.error} />}
        </form>
      )}
    </section>
  );
}
