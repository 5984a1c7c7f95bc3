import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  Department,
  EnpsReport,
  Location,
  PulseRound,
  PulseSettings,
  SentPulse,
  SurveySummary,
  Team,
  UpdatePulseSettingsRequest,
} from '../../../../src/http/api-types';
import { get, getAll, patch, post } from '../../api/client';
import { useCan } from '../../api/session';
import { ChartPanel } from '../../charts/chart-panel';
import { DataTable } from '../../components/data-table';
import { ErrorMessage } from '../../components/error-message';
import { scoreText } from '../../feedback/metric-api';
import { useFormat } from '../../lib/format';

type Breakdown = 'team' | 'department' | 'location';
type GroupRow = EnpsReport['groups'][Breakdown][number];
type TrendRow = EnpsReport['trend'][number];
type Score = { score: number | null; ci95: [number, number] | null; n: number };

const BREAKDOWNS: Breakdown[] = ['team', 'department', 'location'];
const SETTINGS_BREAKDOWNS = ['team', 'department', 'location', 'month'] as const;

/**
 * eNPS of the staff: the score with its interval, its trend, breakdowns by team, department and
 * location and the comments — each group under the anonymity threshold, and each that would
 * reveal one, hidden; sending a pulse and the survey's anonymity settings for those who may.
 */
export default function EnpsTab() {
  const { t } = useTranslation();
  const canWrite = useCan('people:write');
  const surveys = useQuery({
    queryKey: ['surveys', 'employees'],
    queryFn: () => getAll<SurveySummary>('/surveys', { audience: 'employees' }),
  });
  const [chosen, setChosen] = useState('');
  const list = surveys.data?.items ?? [];
  const surveyId = chosen || list[0]?.id || '';
  if (surveys.isError) return <ErrorMessage error={surveys.error} />;
  if (surveys.data && !list.length) return <p className="muted">{t('people.enps.noSurvey')}</p>;
  return (
    <div className="stack">
      <p>{t('people.enps.help')}</p>
      <label>
        {t('people.enps.survey')}
        <select value={surveyId} onChange={(e) => setChosen(e.target.value)}>
          {list.map((s) => (
            <option key={s.id} value={s.id} className="free-text">
              {s.name}
            </option>
          ))}
        </select>
      </label>
      {surveyId && <Report surveyId={surveyId} />}
      {surveyId && canWrite && <SendPulse surveyId={surveyId} />}
      {surveyId && <Settings surveyId={surveyId} canWrite={canWrite} />}
    </div>
  );
}

function useScoreText() {
  const f = useFormat();
  const score = (v: number | null | undefined) => scoreText('nps', v, f.dec);
  return {
    score,
    interval: (s: Score) => (s.ci95 ? `${score(s.ci95[0])} – ${score(s.ci95[1])}` : '—'),
  };
}

function Report({ surveyId }: { surveyId: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const text = useScoreText();
  const [by, setBy] = useState<Breakdown>('team');
  const report = useQuery({
    queryKey: ['enps', surveyId],
    queryFn: () => get<EnpsReport>(`/surveys/${surveyId}/enps`),
  });
  if (report.isError) return <ErrorMessage error={report.error} />;
  const r = report.data;
  if (!r) return <p className="muted">{t('common.loading')}</p>;
  const min = r.anonymityThreshold;
  const hiddenText = t('people.enps.hidden', { min });
  if (r.suppressed || !r.total) {
    return (
      <section className="card" data-testid="enps-suppressed">
        <p>{t('people.enps.tooFew', { min })}</p>
      </section>
    );
  }
  const shown = (row: GroupRow | TrendRow): row is (GroupRow | TrendRow) & Score & { hidden: false } =>
    !row.hidden;
  const groupColumns = [
    {
      key: 'name',
      header: t(`people.enps.by.${by}`),
      render: (g: GroupRow) => g.name ?? t('people.enps.unknown'),
    },
    {
      key: 'score',
      header: t('people.enps.score'),
      render: (g: GroupRow) => (shown(g) ? text.score(g.score) : hiddenText),
    },
    {
      key: 'interval',
      header: t('feedback.interval95'),
      render: (g: GroupRow) => (shown(g) ? text.interval(g) : ''),
    },
    { key: 'n', header: t('people.enps.answers'), render: (g: GroupRow) => (shown(g) ? f.int(g.n) : '') },
  ];
  const trendColumns = [
    { key: 'month', header: t('people.enps.month'), render: (m: TrendRow) => f.month(m.month) },
    {
      key: 'score',
      header: t('people.enps.score'),
      render: (m: TrendRow) => (shown(m) ? text.score(m.score) : hiddenText),
    },
    {
      key: 'interval',
      header: t('feedback.interval95'),
      render: (m: TrendRow) => (shown(m) ? text.interval(m) : ''),
    },
    { key: 'n', header: t('people.enps.answers'), render: (m: TrendRow) => (shown(m) ? f.int(m.n) : '') },
  ];
  const months = r.trend;
  const groups = r.groups[by];
  const available = BREAKDOWNS.filter((b) => r.breakdowns.includes(b));
  return (
    <section className="stack" data-testid="enps-report">
      <div className="card">
        <div className="value" data-testid="enps-score">
          {text.score(r.total.score)}
        </div>
        <p className="muted">{t('people.enps.total', { n: r.total.n, interval: text.interval(r.total) })}</p>
        <p className="muted">{t('people.enps.anonymity', { min })}</p>
      </div>
      {r.breakdowns.includes('month') && (
        <ChartPanel
          title={t('people.enps.trend')}
          note={months.some((m) => m.hidden) ? hiddenText : undefined}
          option={{
            tooltip: { trigger: 'axis' },
            grid: { left: 8, right: 16, top: 10, bottom: 30, containLabel: true },
            xAxis: { type: 'category', data: months.map((m) => f.month(m.month)) },
            yAxis: { type: 'value', min: -100, max: 100 },
            series: [
              {
                type: 'line',
                name: t('people.enps.score'),
                connectNulls: false,
                data: months.map((m) => (shown(m) ? m.score : null)),
              },
            ],
          }}
          table={{ rows: months, rowKey: (m) => m.month, exportName: 'enps-trend', columns: trendColumns }}
        />
      )}
      {available.length > 0 && (
        <section className="stack">
          <label>
            {t('people.enps.breakdown')}
            <select value={by} onChange={(e) => setBy(e.target.value as Breakdown)}>
              {available.map((b) => (
                <option key={b} value={b}>
                  {t(`people.enps.by.${b}`)}
                </option>
              ))}
            </select>
          </label>
          <DataTable
            caption={t('people.enps.breakdownOf', { by: t(`people.enps.by.${by}`) })}
            columns={groupColumns}
            rows={groups}
            rowKey={(g) => g.key}
            exportName={`enps-${by}`}
          />
        </section>
      )}
      <section className="card stack" data-testid="enps-comments">
        <h2>{t('people.enps.comments')}</h2>
        <p className="muted">{t('people.enps.commentsHelp', { min })}</p>
        {!r.comments.length && <p className="muted">{t('people.enps.noComments')}</p>}
        <ul className="stack">
          {keyed(r.comments).map((c) => (
            <li key={c.id}>
              <p className="free-text">{c.text}</p>
              {c.name && <small className="muted">{c.name}</small>}
            </li>
          ))}
        </ul>
      </section>
    </section>
  );
}

/** Comments have no id of their own (nothing ties them to an answer): a key from the text and its repeat. */
function keyed(comments: EnpsReport['comments']) {
  const seen = new Map<string, number>();
  return comments.map((c) => {
    const base = `${c.key}:${c.text}`;
    const k = seen.get(base) ?? 0;
    seen.set(base, k + 1);
    return { ...c, id: `${base}:${k}` };
  });
}

function SendPulse({ surveyId }: { surveyId: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const queryClient = useQueryClient();
  const teams = useQuery({ queryKey: ['teams'], queryFn: () => getAll<Team>('/teams') });
  const departments = useQuery({
    queryKey: ['departments'],
    queryFn: () => getAll<Department>('/departments'),
  });
  const locations = useQuery({ queryKey: ['locations'], queryFn: () => getAll<Location>('/locations') });
  const rounds = useQuery({
    queryKey: ['pulses', surveyId],
    queryFn: () => get<{ items: PulseRound[] }>(`/surveys/${surveyId}/pulses`),
  });
  const [filters, setFilters] = useState<{ teamId?: string; departmentId?: string; locationId?: string }>({});
  const send = useMutation({
    mutationFn: () => post<SentPulse>(`/surveys/${surveyId}/pulses`, filters),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['pulses', surveyId] }),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    send.mutate();
  };
  const pick = (
    key: 'teamId' | 'departmentId' | 'locationId',
    label: string,
    items: { id: string; name: string }[],
  ) => (
    <label>
      {label}
      <select
        value={filters[key] ?? ''}
        onChange={(e) => setFilters({ ...filters, [key]: e.target.value || undefined })}
      >
        <option value="">{t('common.all')}</option>
        {items.map((x) => (
          <option key={x.id} value={x.id}>
            {x.name}
          </option>
        ))}
      </select>
    </label>
  );
  const sent = send.data;
  return (
    <section className="card stack" data-testid="enps-send">
      <h2>{t('people.enps.send')}</h2>
      <p className="muted">{t('people.enps.sendHelp')}</p>
      <form className="form inline" onSubmit={submit}>
        {pick('teamId', t('people.team'), teams.data?.items ?? [])}
        {pick('departmentId', t('people.department'), departments.data?.items ?? [])}
        {pick('locationId', t('people.location'), locations.data?.items ?? [])}
        <button type="submit" disabled={send.isPending}>
          {t('people.enps.sendButton')}
        </button>
      </form>
      {send.isError && <ErrorMessage error={send.error} />}
      {sent && (
        <div className="stack" role="status">
          <p>{t('people.enps.sent', { recipients: sent.recipients, emailed: sent.emailed })}</p>
          {sent.handOut.length > 0 && (
            <>
              <p>{t('people.enps.handOut', { n: sent.handOut.length })}</p>
              <ul className="stack">
                {sent.handOut.map((h) => (
                  <li key={h.url}>
                    <strong>{h.employeeName}</strong>: <code className="break">{h.url}</code>
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
      {rounds.data && rounds.data.items.length > 0 && (
        <DataTable
          caption={t('people.enps.rounds')}
          columns={[
            { key: 'sentAt', header: t('people.enps.sentAt'), render: (r: PulseRound) => f.date(r.sentAt) },
            { key: 'links', header: t('people.enps.links'), render: (r: PulseRound) => f.int(r.links) },
            {
              key: 'answered',
              header: t('people.enps.answered'),
              render: (r: PulseRound) => f.int(r.answered),
            },
            {
              key: 'expiresAt',
              header: t('people.enps.expires'),
              render: (r: PulseRound) => f.date(r.expiresAt),
            },
          ]}
          rows={rounds.data.items}
          rowKey={(r) => r.id}
          exportName="pulse-rounds"
        />
      )}
    </section>
  );
}

function Settings({ surveyId, canWrite }: { surveyId: string; canWrite: boolean }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const settings = useQuery({
    queryKey: ['pulse-settings', surveyId],
    queryFn: () => get<PulseSettings>(`/surveys/${surveyId}/pulse-settings`),
  });
  const [draft, setDraft] = useState<UpdatePulseSettingsRequest>({});
  const save = useMutation({
    mutationFn: () => patch<PulseSettings>(`/surveys/${surveyId}/pulse-settings`, draft),
    onSuccess: () => {
      setDraft({});
      queryClient.invalidateQueries({ queryKey: ['pulse-settings', surveyId] });
      queryClient.invalidateQueries({ queryKey: ['enps', surveyId] });
    },
  });
  const s = settings.data;
  if (settings.isError) return <ErrorMessage error={settings.error} />;
  if (!s) return null;
  const value = { ...s, ...draft };
  const locked = s.locked || !canWrite;
  const breakdowns = (value.breakdowns ?? []) as string[];
  return (
    <section className="card stack" data-testid="enps-settings">
      <h2>{t('people.enps.settings')}</h2>
      {s.locked && <p className="muted">{t('people.enps.locked')}</p>}
      <form
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate();
        }}
      >
        <label>
          {t('people.enps.threshold')}
          <input
            type="number"
            min={3}
            max={1000}
            disabled={locked}
            placeholder={t('people.enps.thresholdDefault')}
            value={value.anonymityThreshold ?? ''}
            onChange={(e) =>
              setDraft({ ...draft, anonymityThreshold: e.target.value ? Number(e.target.value) : null })
            }
          />
        </label>
        <fieldset disabled={locked}>
          <legend>{t('people.enps.allowed')}</legend>
          {SETTINGS_BREAKDOWNS.map((b) => (
            <label key={b}>
              <input
                type="checkbox"
                checked={breakdowns.includes(b)}
                onChange={(e) =>
                  setDraft({
                    ...draft,
                    breakdowns: (e.target.checked
                      ? [...breakdowns, b]
                      : breakdowns.filter((x) => x !== b)) as UpdatePulseSettingsRequest['breakdowns'],
                  })
                }
              />{' '}
              {t(`people.enps.by.${b}`)}
            </label>
          ))}
        </fieldset>
        <label>
          {t('people.enps.everyWeeks')}
          <input
            type="number"
            min={1}
            max={52}
            disabled={!canWrite}
            placeholder={t('people.enps.once')}
            value={value.everyWeeks ?? ''}
            onChange={(e) =>
              setDraft({ ...draft, everyWeeks: e.target.value ? Number(e.target.value) : null })
            }
          />
        </label>
        <label>
          {t('people.enps.perRound')}
          <input
            type="number"
            min={0}
            max={50}
            disabled={!canWrite}
            value={value.questionsPerRound ?? 0}
            onChange={(e) => setDraft({ ...draft, questionsPerRound: Number(e.target.value) })}
          />
        </label>
        {canWrite && (
          <button type="submit" disabled={save.isPending || !Object.keys(draft).length}>
            {t('common.save')}
          </button>
        )}
        {save.isError && <ErrorMessage error={save.error} />}
      </form>
    </section>
  );
}
