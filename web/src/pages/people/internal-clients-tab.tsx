import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  CreatedInternalRound,
  CreateInternalRoundRequest,
  Department,
  FeedbackTopic,
  InternalMatrix,
  InternalRound,
} from '../../../../src/http/api-types';
import { get, getAll, patch, post } from '../../api/client';
import { useCan } from '../../api/session';
import { DataTable } from '../../components/data-table';
import { ErrorMessage } from '../../components/error-message';
import { useFormat } from '../../lib/format';

type Figure = InternalMatrix['total'];
type Column = InternalMatrix['columns'][number];
type Shown = Extract<Figure, { hidden: false }>;

/** Red at −100 through yellow at 0 to green at +100, light enough for dark text. */
const heat = (nps: number | null) =>
  nps === null ? undefined : `hsl(${Math.round(((nps + 100) / 200) * 120)} 70% 80%)`;

/**
 * Internal clients: departments rating each other's service as a heat map (with the same figures
 * as a plain table for screen readers and CSV), each rated department's trend by quarter and the
 * topics customers complain about in its area, and starting a round.
 */
export default function InternalClientsTab() {
  const { t, i18n } = useTranslation();
  const f = useFormat();
  const canWrite = useCan('people:write');
  const [period, setPeriod] = useState({ from: '', to: '' });
  const matrix = useQuery({
    queryKey: ['internal-matrix', period.from, period.to],
    queryFn: () =>
      get<InternalMatrix>('/internal-clients/matrix', {
        ...(period.from && { from: period.from }),
        ...(period.to && { to: period.to }),
      }),
  });
  const m = matrix.data;
  const few = t('people.internal.fewer', { count: m?.anonymityThreshold ?? 5 });
  const score = (v: number | null) => (v === null ? '—' : f.dec(Math.round(v)));
  const interval = (ci: [number, number] | null) => (ci ? `${score(ci[0])} … ${score(ci[1])}` : '—');
  const figureText = (x: Figure) =>
    x.hidden
      ? few
      : t('people.internal.figure', { nps: score(x.nps.score), csat: score(x.csat.score), n: x.n });
  const topicName = (name: Record<string, string>, key: string) => name[i18n.language] ?? name.en ?? key;
  const detractorsText = (c: Column) =>
    c.externalDetractors.length
      ? c.externalDetractors.map((d) => `${topicName(d.name, d.key)} (${f.int(d.detractors)})`).join(', ')
      : t('people.internal.noDetractors');
  const columnName = new Map(m?.columns.map((c) => [c.departmentId, c.name]));
  const cells =
    m?.rows.flatMap((r) =>
      r.cells.map((c) => ({
        rater: r.name,
        rated: columnName.get(c.ratedDepartmentId) ?? '',
        figure: c as Figure,
      })),
    ) ?? [];
  const quarters = m?.columns[0]?.trend.map((q) => q.quarter) ?? [];

  return (
    <div className="stack">
      <p>{t('people.internal.help')}</p>
      <form className="card form inline" onSubmit={(e) => e.preventDefault()}>
        <label>
          {t('people.internal.from')}
          <input
            type="date"
            value={period.from}
            onChange={(e) => setPeriod({ ...period, from: e.target.value })}
          />
        </label>
        <label>
          {t('people.internal.to')}
          <input
            type="date"
            value={period.to}
            onChange={(e) => setPeriod({ ...period, to: e.target.value })}
          />
        </label>
      </form>
      {matrix.isError && <ErrorMessage error={matrix.error} />}
      {m && (
        <>
          <h2>{t('people.internal.matrix')}</h2>
          <p>
            <small>{t('people.internal.legend', { count: m.anonymityThreshold })}</small>
          </p>
          {m.rows.length === 0 ? (
            <p>{t('people.internal.empty')}</p>
          ) : (
            <div className="table-wrap" aria-hidden="true">
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t('people.internal.raterRated')}</th>
                    {m.columns.map((c) => (
                      <th key={c.departmentId} scope="col">
                        {c.name}
                      </th>
                    ))}
                    <th scope="col">{t('people.internal.rowTotal')}</th>
                  </tr>
                </thead>
                <tbody>
                  {m.rows.map((r) => (
                    <tr key={r.departmentId}>
                      <th scope="row">{r.name}</th>
                      {m.columns.map((c) => {
                        const cell = r.cells.find((x) => x.ratedDepartmentId === c.departmentId);
                        if (!cell) return <td key={c.departmentId}>—</td>;
                        return (
                          <HeatCell key={c.departmentId} figure={cell as Figure} few={few} score={score} />
                        );
                      })}
                      <HeatCell figure={r.total} few={few} score={score} />
                    </tr>
                  ))}
                  <tr>
                    <th scope="row">{t('people.internal.columnTotal')}</th>
                    {m.columns.map((c) => (
                      <HeatCell key={c.departmentId} figure={c.total} few={few} score={score} />
                    ))}
                    <HeatCell figure={m.total} few={few} score={score} />
                  </tr>
                </tbody>
              </table>
            </div>
          )}
          <DataTable
            caption={t('people.internal.pairsTable')}
            rows={cells}
            rowKey={(c) => `${c.rater}|${c.rated}`}
            exportName="internal-clients-matrix"
            columns={[
              { key: 'rater', header: t('people.internal.rater'), value: (c) => c.rater },
              { key: 'rated', header: t('people.internal.rated'), value: (c) => c.rated },
              {
                key: 'n',
                header: t('people.internal.answers'),
                numeric: true,
                value: (c) => (c.figure.hidden ? few : f.int(c.figure.n)),
              },
              {
                key: 'nps',
                header: 'NPS',
                numeric: true,
                value: (c) => (c.figure.hidden ? '' : score(c.figure.nps.score)),
              },
              {
                key: 'npsCi',
                header: t('people.internal.npsInterval'),
                value: (c) => (c.figure.hidden ? '' : interval(c.figure.nps.ci95)),
              },
              {
                key: 'csat',
                header: 'CSAT %',
                numeric: true,
                value: (c) => (c.figure.hidden ? '' : score(c.figure.csat.score)),
              },
              {
                key: 'csatCi',
                header: t('people.internal.csatInterval'),
                value: (c) => (c.figure.hidden ? '' : interval(c.figure.csat.ci95)),
              },
            ]}
          />
          <DataTable
            caption={t('people.internal.departments')}
            rows={m.columns}
            rowKey={(c) => c.departmentId}
            exportName="internal-clients-departments"
            columns={[
              { key: 'name', header: t('people.internal.rated'), value: (c) => c.name },
              { key: 'total', header: t('people.internal.overall'), value: (c) => figureText(c.total) },
              ...quarters.map((q, i) => ({
                key: `q${q}`,
                header: q,
                value: (c: Column) => {
                  const x = c.trend[i];
                  return !x ? '—' : x.hidden ? few : x.n ? `${score(x.nps.score)} (n=${f.int(x.n)})` : '—';
                },
              })),
              { key: 'detractors', header: t('people.internal.detractors'), value: (c) => detractorsText(c) },
            ]}
          />
          {m.comments.length > 0 && (
            <DataTable
              caption={t('people.internal.comments')}
              rows={m.comments}
              rowKey={(_c, i) => `${i}`}
              exportName="internal-clients-comments"
              columns={[
                {
                  key: 'pair',
                  header: t('people.internal.pair'),
                  value: (c) =>
                    `${m.rows.find((r) => r.departmentId === c.raterDepartmentId)?.name ?? ''} → ${columnName.get(c.ratedDepartmentId) ?? ''}`,
                },
                {
                  key: 'text',
                  header: t('people.internal.comment'),
                  value: (c) => c.text,
                  render: (c) => <span className="free-text">{c.text}</span>,
                },
              ]}
            />
          )}
        </>
      )}
      <Rounds />
      {canWrite && <RoundForm />}
      {canWrite && <TopicsForm />}
    </div>
  );
}

function HeatCell({
  figure,
  few,
  score,
}: {
  figure: Figure;
  few: string;
  score: (v: number | null) => string;
}) {
  if (figure.hidden)
    return (
      <td style={{ color: '#555', fontStyle: 'italic', fontSize: '.85em' }} title={few}>
        {few}
      </td>
    );
  const s = figure as Shown;
  return (
    <td className="num" style={{ background: heat(s.nps.score) }}>
      <strong>{score(s.nps.score)}</strong>
      <br />
      <small>
        {score(s.csat.score)}% · n={s.n}
      </small>
    </td>
  );
}

function Rounds() {
  const { t } = useTranslation();
  const f = useFormat();
  const rounds = useQuery({
    queryKey: ['internal-rounds'],
    queryFn: () => get<{ items: InternalRound[] }>('/internal-clients/rounds'),
  });
  return (
    <>
      {rounds.isError && <ErrorMessage error={rounds.error} />}
      <DataTable
        caption={t('people.internal.rounds')}
        rows={rounds.data?.items ?? []}
        rowKey={(r) => r.id}
        empty={t('people.internal.noRounds')}
        columns={[
          { key: 'name', header: t('people.internal.roundName'), value: (r) => r.name },
          { key: 'createdAt', header: t('people.internal.started'), value: (r) => f.date(r.createdAt) },
          { key: 'closesAt', header: t('people.internal.closes'), value: (r) => f.date(r.closesAt) },
          { key: 'pairs', header: t('people.internal.pairs'), numeric: true, value: (r) => f.int(r.pairs) },
          {
            key: 'answered',
            header: t('people.internal.answered'),
            numeric: true,
            value: (r) => t('people.internal.answeredOf', { answered: r.answered, links: r.links }),
          },
        ]}
      />
    </>
  );
}

function RoundForm() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const departments = useQuery({
    queryKey: ['departments', 'all'],
    queryFn: () => getAll<Department>('/departments'),
  });
  const [name, setName] = useState('');
  const [allPairs, setAllPairs] = useState(true);
  const [pick, setPick] = useState({ rater: '', rated: '' });
  const [pairs, setPairs] = useState<{ raterDepartmentId: string; ratedDepartmentId: string }[]>([]);
  const [created, setCreated] = useState<CreatedInternalRound | null>(null);
  const list = departments.data?.items ?? [];
  const nameOf = (id: string) => list.find((d) => d.id === id)?.name ?? '';
  const start = useMutation({
    mutationFn: () =>
      post<CreatedInternalRound>(
        '/internal-clients/rounds',
        (allPairs ? { name, allPairs: true } : { name, pairs }) satisfies CreateInternalRoundRequest,
      ),
    onSuccess: (round) => {
      setCreated(round);
      setName('');
      setPairs([]);
      void queryClient.invalidateQueries({ queryKey: ['internal-rounds'] });
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    start.mutate();
  };
  const addPair = () => {
    if (!pick.rater || !pick.rated || pick.rater === pick.rated) return;
    if (pairs.some((p) => p.raterDepartmentId === pick.rater && p.ratedDepartmentId === pick.rated)) return;
    setPairs([...pairs, { raterDepartmentId: pick.rater, ratedDepartmentId: pick.rated }]);
  };
  return (
    <>
      <form className="card form" onSubmit={submit}>
        <h2>{t('people.internal.startRound')}</h2>
        <label>
          {t('people.internal.roundName')}
          <input required maxLength={200} value={name} onChange={(e) => setName(e.target.value)} />
        </label>
        <label>
          <input type="checkbox" checked={allPairs} onChange={(e) => setAllPairs(e.target.checked)} />{' '}
          {t('people.internal.allPairs')}
        </label>
        {!allPairs && (
          <fieldset>
            <legend>{t('people.internal.pairs')}</legend>
            <label>
              {t('people.internal.rater')}
              <select value={pick.rater} onChange={(e) => setPick({ ...pick, rater: e.target.value })}>
                <option value="">—</option>
                {list.map((d) => (
                  <option key={d.id} value={d.id}>
                    {d.name}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t('people.internal.rated')}
              <select value={pick.rated} onChange={(e) => setPick({ ...pick, rated: e.target.value })}>
                <option value="">—</option>
                {list
                  .filter((d) => d.id !== pick.rater)
                  .map((d) => (
                    <option key={d.id} value={d.id}>
                      {d.name}
                    </option>
                  ))}
              </select>
            </label>
            <button type="button" onClick={addPair}>
              {t('people.internal.addPair')}
            </button>
            <ul>
              {pairs.map((p, i) => (
                <li key={`${p.raterDepartmentId}|${p.ratedDepartmentId}`}>
                  {nameOf(p.raterDepartmentId)} → {nameOf(p.ratedDepartmentId)}{' '}
                  <button type="button" onClick={() => setPairs(pairs.filter((_, j) => j !== i))}>
                    {t('common.delete')}
                  </button>
                </li>
              ))}
            </ul>
          </fieldset>
        )}
        <button type="submit" disabled={start.isPending || (!allPairs && !pairs.length)}>
          {t('people.internal.start')}
        </button>
        {start.isError && <ErrorMessage error={start.error} />}
      </form>
      {created && (
        <div className="card" role="status">
          <p>{t('people.internal.roundStarted', { links: created.links, emailed: created.emailed })}</p>
          {created.handOut.length > 0 && (
            <DataTable
              caption={t('people.internal.handOut')}
              rows={created.handOut}
              rowKey={(h) => h.url}
              exportName="internal-clients-links"
              columns={[
                { key: 'manager', header: t('people.manager'), value: (h) => h.managerName ?? '—' },
                { key: 'employee', header: t('people.internal.person'), value: (h) => h.employeeName },
                { key: 'department', header: t('people.department'), value: (h) => h.departmentName },
                { key: 'url', header: t('people.internal.link'), value: (h) => h.url },
              ]}
            />
          )}
        </div>
      )}
    </>
  );
}

/** Which customer-feedback topics each department answers for. */
function TopicsForm() {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const departments = useQuery({
    queryKey: ['departments', 'all'],
    queryFn: () => getAll<Department>('/departments'),
  });
  const topics = useQuery({
    queryKey: ['feedback-topics', 'all'],
    queryFn: () => getAll<FeedbackTopic>('/analytics/topics'),
  });
  const [departmentId, setDepartmentId] = useState('');
  const [chosen, setChosen] = useState<string[]>([]);
  const list = departments.data?.items ?? [];
  const choose = (id: string) => {
    setDepartmentId(id);
    setChosen(list.find((d) => d.id === id)?.topics ?? []);
  };
  const save = useMutation({
    mutationFn: () => patch<Department>(`/departments/${departmentId}`, { topics: chosen }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['departments', 'all'] });
      void queryClient.invalidateQueries({ queryKey: ['internal-matrix'] });
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (departmentId) save.mutate();
  };
  return (
    <form className="card form" onSubmit={submit}>
      <h2>{t('people.internal.topicsTitle')}</h2>
      <p>
        <small>{t('people.internal.topicsHelp')}</small>
      </p>
      <label>
        {t('people.department')}
        <select value={departmentId} onChange={(e) => choose(e.target.value)}>
          <option value="">—</option>
          {list.map((d) => (
            <option key={d.id} value={d.id}>
              {d.name}
            </option>
          ))}
        </select>
      </label>
      {departmentId && (
        <fieldset>
          <legend>{t('people.internal.topics')}</legend>
          {(topics.data?.items ?? []).map((topic) => (
            <label key={topic.key}>
              <input
                type="checkbox"
                checked={chosen.includes(topic.key)}
                onChange={(e) =>
                  setChosen(e.target.checked ? [...chosen, topic.key] : chosen.filter((k) => k !== topic.key))
                }
              />{' '}
              {topic.name[i18n.language] ?? topic.name.en ?? topic.key}
            </label>
          ))}
        </fieldset>
      )}
      <button type="submit" disabled={!departmentId || save.isPending}>
        {t('common.save')}
      </button>
      {(save.isError || topics.isError) && <ErrorMessage error={save.error ?? topics.error} />}
    </form>
  );
}
