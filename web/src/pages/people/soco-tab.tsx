import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  Employee,
  SocoAggregate,
  SocoAssessment,
  SocoAssessmentRequest,
  SocoCustomerLink,
  SocoDimension,
  SocoEmployeeResults,
  SocoInstrument,
  SocoRater,
  SocoTeamResults,
  Team,
} from '../../../../src/http/api-types';
import { ApiError, get, getAll, post } from '../../api/client';
import { useSession } from '../../api/session';
import { type Column, DataTable } from '../../components/data-table';
import { ErrorMessage } from '../../components/error-message';
import { keysOf } from '../../lib/domain';
import { useFormat } from '../../lib/format';

const DIMENSIONS = keysOf<SocoDimension>({
  empathy: true,
  personalization: true,
  problem_solving: true,
  feedback_openness: true,
});

/** The columns of a table of aggregates: who rated, how many, the means on 1–9 and the four dimensions. */
function useAggregateColumns(withQuarter: boolean, withPeople: boolean): Column<SocoAggregate>[] {
  const { t } = useTranslation();
  const f = useFormat();
  const raterName = (r: SocoRater) => t(`people.soco.raters.${r}`);
  /** `2026-Q3` as words of the language. */
  const quarterName = (q: string | null) => {
    const m = q ? /^(\d{4})-Q([1-4])$/.exec(q) : null;
    return m ? t('people.soco.quarterOf', { year: m[1], quarter: m[2] }) : '—';
  };
  return [
    ...(withQuarter
      ? [
          {
            key: 'quarter',
            header: t('people.soco.quarter'),
            render: (a: SocoAggregate) => quarterName(a.quarter),
          },
        ]
      : []),
    { key: 'raterKind', header: t('people.soco.rater'), render: (a) => raterName(a.raterKind) },
    ...(withPeople
      ? [
          {
            key: 'people',
            header: t('people.soco.people'),
            numeric: true,
            render: (a: SocoAggregate) => f.int(a.people),
          },
        ]
      : []),
    {
      key: 'assessments',
      header: t('people.soco.assessments'),
      numeric: true,
      render: (a) => f.int(a.assessments),
    },
    { key: 'mean', header: t('people.soco.mean'), numeric: true, render: (a) => f.num(a.mean) },
    { key: 'score', header: t('people.soco.score'), numeric: true, render: (a) => f.dec(a.score) },
    { key: 'co', header: t('people.soco.co'), numeric: true, render: (a) => f.num(a.customerOrientation) },
    { key: 'so', header: t('people.soco.so'), numeric: true, render: (a) => f.num(a.sellingOrientation) },
    ...DIMENSIONS.map((d) => ({
      key: d,
      header: t(`people.soco.dimensions.${d}`),
      numeric: true,
      render: (a: SocoAggregate) => f.num(a.dimensions[d]),
    })),
  ];
}

/**
 * SOCO: a team's results (aggregates of enough people only) and, for those who may see them, one
 * person's results per rater kind and quarter; a link for a customer to rate the person.
 */
export default function SocoTab() {
  const { t } = useTranslation();
  const teams = useQuery({ queryKey: ['teams', 'all'], queryFn: () => getAll<Team>('/teams') });
  const [teamId, setTeamId] = useState('');
  const [employeeId, setEmployeeId] = useState('');
  const team = teamId || teams.data?.items[0]?.id || '';
  const members = useQuery({
    queryKey: ['employees', 'team', team],
    queryFn: () => getAll<Employee>('/employees', { teamId: team, current: 'true' }),
    enabled: Boolean(team),
  });
  return (
    <div className="stack">
      <p>{t('people.soco.help')}</p>
      <div className="row">
        <label>
          {t('people.team')}
          <select
            value={team}
            onChange={(e) => {
              setTeamId(e.target.value);
              setEmployeeId('');
            }}
          >
            {(teams.data?.items ?? []).map((x) => (
              <option key={x.id} value={x.id}>
                {x.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('people.soco.person')}
          <select value={employeeId} onChange={(e) => setEmployeeId(e.target.value)}>
            <option value="">{t('people.soco.wholeTeam')}</option>
            {(members.data?.items ?? []).map((x) => (
              <option key={x.id} value={x.id}>
                {x.name}
              </option>
            ))}
          </select>
        </label>
      </div>
      {teams.isError && <ErrorMessage error={teams.error} />}
      {employeeId ? (
        <PersonResults
          employeeId={employeeId}
          name={members.data?.items.find((m) => m.id === employeeId)?.name ?? ''}
          userId={members.data?.items.find((m) => m.id === employeeId)?.userId ?? null}
        />
      ) : (
        team && <TeamResults teamId={team} />
      )}
    </div>
  );
}

function TeamResults({ teamId }: { teamId: string }) {
  const { t } = useTranslation();
  const results = useQuery({
    queryKey: ['soco', 'team', teamId],
    queryFn: () => get<SocoTeamResults>(`/soco/teams/${teamId}/results`),
  });
  const overall = useAggregateColumns(false, true);
  const byQuarter = useAggregateColumns(true, true);
  if (results.isError) return <ErrorMessage error={results.error} />;
  const r = results.data;
  if (!r) return null;
  return (
    <>
      {r.hidden > 0 && (
        <p className="muted">{t('people.soco.hidden', { count: r.hidden, min: r.minPeople })}</p>
      )}
      <DataTable
        caption={t('people.soco.teamResults', { team: r.team.name })}
        rows={r.byRater}
        rowKey={(a) => a.raterKind}
        columns={overall}
        exportName="soco-team"
        empty={t('people.soco.noResults')}
      />
      <DataTable
        caption={t('people.soco.byQuarter', { name: r.team.name })}
        rows={r.byQuarter}
        rowKey={(a) => `${a.quarter}-${a.raterKind}`}
        columns={byQuarter}
        exportName="soco-team-quarters"
        empty={t('people.soco.noResults')}
      />
    </>
  );
}

function PersonResults({
  employeeId,
  name,
  userId,
}: {
  employeeId: string;
  name: string;
  userId: string | null;
}) {
  const { t } = useTranslation();
  const me = useSession();
  const results = useQuery({
    queryKey: ['soco', 'employee', employeeId],
    queryFn: () => get<SocoEmployeeResults>(`/soco/employees/${employeeId}/results`),
    retry: false,
  });
  const overall = useAggregateColumns(false, false);
  const byQuarter = useAggregateColumns(true, false);
  if (results.error instanceof ApiError && results.error.status === 404)
    return <p className="muted">{t('people.soco.notVisible')}</p>;
  if (results.isError) return <ErrorMessage error={results.error} />;
  const r = results.data;
  if (!r) return null;
  return (
    <>
      <DataTable
        caption={t('people.soco.personResults', { name: r.employee.name })}
        rows={r.byRater}
        rowKey={(a) => a.raterKind}
        columns={overall}
        exportName="soco-person"
        empty={t('people.soco.noResults')}
      />
      <DataTable
        caption={t('people.soco.byQuarter', { name: r.employee.name })}
        rows={r.byQuarter}
        rowKey={(a) => `${a.quarter}-${a.raterKind}`}
        columns={byQuarter}
        exportName="soco-person-quarters"
        empty={t('people.soco.noResults')}
      />
      <AssessmentForm
        employeeId={employeeId}
        name={name || r.employee.name}
        raterKind={userId && userId === me.user?.id ? 'self' : 'manager'}
      />
      <CustomerLink employeeId={employeeId} name={name || r.employee.name} />
    </>
  );
}

function CustomerLink({ employeeId, name }: { employeeId: string; name: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const make = useMutation({
    mutationFn: () => post<SocoCustomerLink>('/soco/customer-links', { employeeId }),
  });
  return (
    <div className="card stack">
      <h2>{t('people.soco.customerLink', { name })}</h2>
      <p>{t('people.soco.customerLinkHelp')}</p>
      <div>
        <button type="button" onClick={() => make.mutate()} disabled={make.isPending}>
          {t('people.soco.makeLink')}
        </button>
      </div>
      {make.isError && <ErrorMessage error={make.error} />}
      {make.data && (
        <p>
          {t('people.soco.linkMade', { date: f.date(make.data.expiresAt) })}{' '}
          <a href={make.data.url} style={{ overflowWrap: 'anywhere' }}>
            {make.data.url}
          </a>
        </p>
      )}
    </div>
  );
}

/**
 * The instrument to fill in: about oneself, or (a manager, an admin) about the person chosen; the
 * short form or the full one, each statement a choice of 1 to 9.
 */
function AssessmentForm({
  employeeId,
  name,
  raterKind,
}: {
  employeeId: string;
  name: string;
  raterKind: 'self' | 'manager';
}) {
  const { t, i18n } = useTranslation();
  const f = useFormat();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [form, setForm] = useState<'short' | 'full'>('short');
  const [answers, setAnswers] = useState<Record<string, number>>({});
  const lang = i18n.language.slice(0, 2) as 'en' | 'pl' | 'cs' | 'ru';
  const instrument = useQuery({
    queryKey: ['soco', 'instrument', form, lang],
    queryFn: () => get<SocoInstrument>('/soco/instrument', { form, lang }),
    enabled: open,
  });
  const save = useMutation({
    mutationFn: () =>
      post<SocoAssessment>('/soco/assessments', {
        employeeId,
        raterKind,
        form,
        answers,
      } satisfies SocoAssessmentRequest),
    onSuccess: () => {
      setAnswers({});
      void queryClient.invalidateQueries({ queryKey: ['soco'] });
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  const title = raterKind === 'self' ? t('people.soco.assessSelf') : t('people.soco.assessPerson', { name });
  if (!open)
    return (
      <div>
        <button type="button" onClick={() => setOpen(true)}>
          {title}
        </button>
      </div>
    );
  const items = instrument.data?.items ?? [];
  return (
    <form className="card stack" onSubmit={submit}>
      <h2>{title}</h2>
      <p>{t('people.soco.scaleHelp')}</p>
      <label>
        {t('people.soco.form')}
        <select
          value={form}
          onChange={(e) => {
            setForm(e.target.value as 'short' | 'full');
            setAnswers({});
          }}
        >
          <option value="short">{t('people.soco.forms.short')}</option>
          <option value="full">{t('people.soco.forms.full')}</option>
        </select>
      </label>
      {instrument.isError && <ErrorMessage error={instrument.error} />}
      {items.map((item, n) => (
        <fieldset key={item.id}>
          <legend>
            {n + 1}. {item.text}
          </legend>
          <div className="row" style={{ flexWrap: 'wrap', gap: '0.25rem' }}>
            {[1, 2, 3, 4, 5, 6, 7, 8, 9].map((v) => (
              <label key={v} style={{ minWidth: '2.2rem' }}>
                <input
                  type="radio"
                  name={`soco-${item.id}`}
                  required
                  checked={answers[item.id] === v}
                  onChange={() => setAnswers({ ...answers, [item.id]: v })}
                />
                {f.int(v)}
              </label>
            ))}
          </div>
        </fieldset>
      ))}
      <div className="row">
        <button type="submit" className="primary" disabled={save.isPending || !items.length}>
          {t('common.save')}
        </button>
        <button type="button" onClick={() => setOpen(false)}>
          {t('common.cancel')}
        </button>
      </div>
      {save.isError && <ErrorMessage error={save.error} />}
      {save.data && (
        <p role="status">
          {t('people.soco.saved', {
            mean: f.num(save.data.mean),
            score: f.int(save.data.score),
            max: f.int(save.data.max),
          })}
        </p>
      )}
    </form>
  );
}
