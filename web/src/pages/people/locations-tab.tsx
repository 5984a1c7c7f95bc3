import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  Location,
  LocationLeaderboard,
  SurveySummary,
  UpdateLocationRequest,
} from '../../../../src/http/api-types';
import { get, getAll, patch } from '../../api/client';
import { useCan } from '../../api/session';
import { ChartPanel } from '../../charts/chart-panel';
import { DataTable } from '../../components/data-table';
import { ErrorMessage } from '../../components/error-message';
import { scoreText } from '../../feedback/metric-api';
import { useFormat } from '../../lib/format';
import { useLabels } from '../../lib/labels';

const METRICS = ['nps', 'csat', 'ces'] as const;
type Metric = (typeof METRICS)[number];
type Row = LocationLeaderboard['items'][number];

/** Each metric on its whole scale. */
const AXIS: Record<Metric, { min: number; max: number }> = {
  nps: { min: -100, max: 100 },
  csat: { min: 0, max: 100 },
  ces: { min: 1, max: 7 },
};
const TARGET_RANGE: Record<Metric, { min: number; max: number; step: number }> = {
  nps: { min: -100, max: 100, step: 1 },
  csat: { min: 0, max: 100, step: 1 },
  ces: { min: 1, max: 7, step: 0.1 },
};
const BAR = '#1f5fbf';
const TARGET = '#c2255c';

/**
 * Locations side by side: the leaderboard with intervals, targets and the ranks each location
 * may claim; survey links and QR codes for each location; and each location's targets.
 */
export default function LocationsTab() {
  const { t } = useTranslation();
  const [metric, setMetric] = useState<Metric>('nps');
  const [period, setPeriod] = useState({ from: '', to: '' });
  const [surveyId, setSurveyId] = useState('');
  const surveys = useQuery({
    queryKey: ['surveys', 'all'],
    queryFn: () => getAll<SurveySummary>('/surveys'),
  });
  const board = useQuery({
    queryKey: ['location-leaderboard', metric, period.from, period.to, surveyId],
    queryFn: () =>
      get<LocationLeaderboard>('/locations/leaderboard', {
        metric,
        ...(period.from && { from: period.from }),
        ...(period.to && { to: period.to }),
        ...(surveyId && { surveyId }),
      }),
  });
  const labels = useLabels();
  const surveyList = surveys.data?.items ?? [];
  return (
    <div className="stack">
      <p>{t('people.board.help')}</p>
      <div className="row">
        <label>
          {t('people.board.metric')}
          <select value={metric} onChange={(e) => setMetric(e.target.value as Metric)}>
            {METRICS.map((m) => (
              <option key={m} value={m}>
                {labels.metric(m)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('people.board.survey')}
          <select value={surveyId} onChange={(e) => setSurveyId(e.target.value)}>
            <option value="">{t('people.board.allCustomerSurveys')}</option>
            {surveyList.map((s) => (
              <option key={s.id} value={s.id} className="free-text">
                {s.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('common.from')}
          <input
            type="date"
            value={period.from}
            max={period.to || undefined}
            onChange={(e) => setPeriod({ ...period, from: e.target.value })}
          />
        </label>
        <label>
          {t('common.to')}
          <input
            type="date"
            value={period.to}
            min={period.from || undefined}
            onChange={(e) => setPeriod({ ...period, to: e.target.value })}
          />
        </label>
      </div>
      {board.isError && <ErrorMessage error={board.error} />}
      {board.data && <Board board={board.data} metric={metric} />}
      <Links surveys={surveyList} />
      <Targets />
    </div>
  );
}

function useRowText(metric: Metric, minN: number) {
  const { t } = useTranslation();
  const f = useFormat();
  const score = (v: number | null | undefined) => scoreText(metric, v, f.dec);
  return {
    score,
    interval: (r: Row) => (r.ci95 ? `${score(r.ci95[0])} – ${score(r.ci95[1])}` : '—'),
    target: (r: Row) => (r.target === null ? '—' : score(r.target)),
    met: (r: Row) => (r.targetStatus ? t(`people.board.status.${r.targetStatus}`) : '—'),
    rank: (r: Row) => {
      if (r.standing === 'withheld') return t('people.board.withheld');
      if (!r.rank) return t('people.board.tooFew', { min: minN });
      if (r.rank.best === r.rank.worst) return f.int(r.rank.best);
      return t('people.board.overlaps', { best: r.rank.best, worst: r.rank.worst });
    },
  };
}

function Board({ board, metric }: { board: LocationLeaderboard; metric: Metric }) {
  const { t } = useTranslation();
  const f = useFormat();
  const labels = useLabels();
  const text = useRowText(metric, board.minN);
  const name = labels.metric(metric);
  const rows = board.items;
  const charted = rows.filter((r) => r.score !== null && r.ci95);
  // Drawn top to bottom in the board's order: ECharts draws a category axis from the bottom.
  const drawn = [...charted].reverse();
  // Each cell shows and exports the same words.
  const cell = (key: string, header: string, text: (r: Row) => string, numeric = false) => ({
    key,
    header,
    numeric,
    value: text,
    render: text,
  });
  const columns = [
    cell('name', t('people.name'), (r) => r.name),
    cell('score', name, (r) => text.score(r.score), true),
    cell('interval', t('feedback.interval95'), text.interval),
    cell('n', t('feedback.n'), (r) => f.int(r.n), true),
    cell('target', t('people.board.target'), text.target, true),
    {
      ...cell('met', t('people.board.met'), text.met),
      render: (r: Row) => (
        <span className={r.targetStatus === 'missed' ? 'warn' : undefined}>{text.met(r)}</span>
      ),
    },
    cell('rank', t('people.board.rank'), text.rank),
  ];
  const tooltip = (params: { dataIndex: number }[]) => {
    const r = drawn[params[0]?.dataIndex ?? -1];
    if (!r) return '';
    return [
      `<strong>${escapeHtml(r.name)}</strong>`,
      `${name}: ${text.score(r.score)}`,
      `${t('feedback.interval95')}: ${text.interval(r)}`,
      `${t('feedback.n')}: ${f.int(r.n)}`,
      `${t('people.board.target')}: ${text.target(r)}`,
      `${t('people.board.rank')}: ${escapeHtml(text.rank(r))}`,
    ].join('<br>');
  };
  return (
    <>
      <DataTable
        caption={t('people.board.title', { metric: name })}
        rows={rows}
        rowKey={(r) => r.id}
        exportName={`locations-${metric}`}
        columns={columns}
      />
      <p className="muted">{t('people.board.rule', { min: board.minN })}</p>
      {board.unlocated ? (
        <p className="muted">{t('people.board.unlocated', { count: board.unlocated })}</p>
      ) : null}
      <ChartPanel
        title={t('people.board.chart', { metric: name })}
        height={Math.max(160, 40 + drawn.length * 36)}
        option={{
          tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, formatter: tooltip },
          legend: { bottom: 0 },
          grid: { left: 8, right: 20, top: 10, bottom: 40, containLabel: true },
          xAxis: { type: 'value', ...AXIS[metric] },
          yAxis: {
            type: 'category',
            data: drawn.map((r) => r.name),
            axisLabel: { width: 140, overflow: 'truncate' },
          },
          series: [
            {
              type: 'bar',
              stack: 'ci',
              stackStrategy: 'all',
              silent: true,
              itemStyle: { color: 'transparent' },
              data: drawn.map((r) => r.ci95![0]),
              barWidth: 14,
              tooltip: { show: false },
            },
            {
              type: 'bar',
              stack: 'ci',
              stackStrategy: 'all',
              name: t('feedback.interval95'),
              itemStyle: { color: BAR, opacity: 0.25 },
              data: drawn.map((r) => r.ci95![1] - r.ci95![0]),
              barWidth: 14,
            },
            {
              type: 'scatter',
              name,
              color: BAR,
              symbolSize: 10,
              data: drawn.map((r, i) => [r.score, i]),
            },
            {
              type: 'scatter',
              name: t('people.board.target'),
              color: TARGET,
              symbol: 'diamond',
              symbolSize: 11,
              data: drawn.flatMap((r, i) => (r.target === null ? [] : [[r.target, i]])),
            },
          ],
        }}
        table={{ rows: charted, rowKey: (r) => r.id, exportName: `locations-${metric}-chart`, columns }}
      />
    </>
  );
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** A survey's link and QR code for each location: answers through them are the location's. */
function Links({ surveys }: { surveys: SurveySummary[] }) {
  const { t } = useTranslation();
  // Customers answer at a location; staff surveys reach staff their own way.
  const active = surveys.filter((s) => s.status === 'active' && s.audience === 'customers');
  const [chosen, setChosen] = useState('');
  const survey = active.find((s) => s.id === chosen) ?? active[0];
  const locations = useQuery({ queryKey: ['locations'], queryFn: () => getAll<Location>('/locations') });
  const shown = (locations.data?.items ?? []).filter((l) => l.active);
  return (
    <section className="card stack">
      <h2>{t('people.board.links')}</h2>
      <p className="muted">{t('people.board.linksHelp')}</p>
      {!survey ? (
        <p className="muted">{t('people.board.noSurvey')}</p>
      ) : (
        <>
          <label>
            {t('people.board.survey')}
            <select value={survey.id} onChange={(e) => setChosen(e.target.value)}>
              {active.map((s) => (
                <option key={s.id} value={s.id} className="free-text">
                  {s.name}
                </option>
              ))}
            </select>
          </label>
          <ul className="plain stack">
            {shown.map((l) => {
              const url = `${survey.url}?${new URLSearchParams({ l: l.code })}`;
              const qr = `/api/v1/surveys/${survey.id}/qr`;
              const qs = `?${new URLSearchParams({ location: l.code })}`;
              return (
                <li key={l.id} className="stack">
                  <strong>{l.name}</strong>
                  <a
                    href={url}
                    target="_blank"
                    rel="noreferrer"
                    data-testid={`location-link-${l.code}`}
                    style={{ overflowWrap: 'anywhere' }}
                  >
                    {url}
                  </a>
                  <div className="row">
                    <button type="button" onClick={() => void navigator.clipboard?.writeText(url)}>
                      {t('common.copy')}
                    </button>
                    <a href={`${qr}.png${qs}&size=1024`} download={`survey-${survey.publicId}-${l.code}.png`}>
                      {t('surveys.downloadPng')}
                    </a>
                  </div>
                  <img
                    className="qr"
                    loading="lazy"
                    src={`${qr}.svg${qs}`}
                    alt={t('people.board.qrAlt', { survey: survey.name, location: l.name })}
                    width={160}
                    height={160}
                  />
                </li>
              );
            })}
          </ul>
        </>
      )}
    </section>
  );
}

/** Each location's targets per metric; the leaderboard judges them by the interval. */
function Targets() {
  const { t } = useTranslation();
  const labels = useLabels();
  const canWrite = useCan('people:write');
  const queryClient = useQueryClient();
  const locations = useQuery({ queryKey: ['locations'], queryFn: () => getAll<Location>('/locations') });
  const list = locations.data?.items ?? [];
  const [chosen, setChosen] = useState('');
  const location = list.find((l) => l.id === chosen) ?? list[0];
  const [draft, setDraft] = useState<Record<string, Partial<Record<Metric, string>>>>({});
  const values = location
    ? Object.fromEntries(
        METRICS.map((m) => [m, draft[location.id]?.[m] ?? location.targets[m]?.toString() ?? '']),
      )
    : {};
  const save = useMutation({
    mutationFn: () => {
      const targets: Partial<Record<Metric, number>> = {};
      for (const m of METRICS) if (values[m] !== '') targets[m] = Number(values[m]);
      return patch<Location>(`/locations/${location!.id}`, { targets } satisfies UpdateLocationRequest);
    },
    onSuccess: () => {
      setDraft({});
      void queryClient.invalidateQueries({ queryKey: ['locations'] });
      void queryClient.invalidateQueries({ queryKey: ['location-leaderboard'] });
    },
  });
  if (!canWrite || !location) return null;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  return (
    <form className="card stack" onSubmit={submit}>
      <h2>{t('people.board.targets')}</h2>
      <p className="muted">{t('people.board.targetsHelp')}</p>
      <label>
        {t('people.location')}
        <select value={location.id} onChange={(e) => setChosen(e.target.value)}>
          {list.map((l) => (
            <option key={l.id} value={l.id}>
              {l.name}
            </option>
          ))}
        </select>
      </label>
      <div className="row">
        {METRICS.map((m) => (
          <label key={m}>
            {labels.metric(m)}
            <input
              type="number"
              inputMode="decimal"
              {...TARGET_RANGE[m]}
              value={values[m]}
              onChange={(e) =>
                setDraft({ ...draft, [location.id]: { ...draft[location.id], [m]: e.target.value } })
              }
            />
          </label>
        ))}
      </div>
      {save.isError && <ErrorMessage error={save.error} />}
      {save.isSuccess && <p role="status">{t('people.board.saved')}</p>}
      <div>
        <button type="submit" className="primary" disabled={save.isPending}>
          {t('common.save')}
        </button>
      </div>
    </form>
  );
}
