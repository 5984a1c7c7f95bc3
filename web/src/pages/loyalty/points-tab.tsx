import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  CreateEarnRuleRequest,
  CustomerPoints,
  EarnRule,
  LedgerInvariantCheck,
  LoyaltyProgram,
  PointsLiability,
} from '../../../../src/http/api-types';
import { del, get, getAll, patch, post } from '../../api/client';
import { useCan } from '../../api/session';
import { ChoiceField } from '../../components/choice-field';
import { DataTable } from '../../components/data-table';
import { ErrorMessage } from '../../components/error-message';
import { useFormat } from '../../lib/format';
import { Link } from '../../lib/router';

const EXPIRY = [
  'never',
  'days_after_earning',
  'end_of_month',
  'end_of_year',
] as const satisfies readonly LoyaltyProgram['expiry'][];
const REFUND = [
  'negative_balance',
  'forfeit',
] as const satisfies readonly LoyaltyProgram['refundWhenSpent'][];
const RULE_KINDS = [
  'amount',
  'category',
  'item',
  'referral',
  'tier_multiplier',
  'campaign',
] as const satisfies readonly EarnRule['kind'][];
const ENTRY_PAGE = 20;

/** Points: the program's settings and earn rules, what it owes, a customer's ledger and the last invariant check. */
export default function PointsTab() {
  const { t } = useTranslation();
  return (
    <div className="stack">
      <p>{t('loyalty.ledger.help')}</p>
      <ProgramCard />
      <Liability />
      <EarnRules />
      <CustomerLedger />
      <InvariantCheck />
    </div>
  );
}

function ProgramCard() {
  const { t } = useTranslation();
  const canWrite = useCan('loyalty:write');
  const queryClient = useQueryClient();
  const program = useQuery({
    queryKey: ['loyalty-program'],
    queryFn: () => get<LoyaltyProgram>('/settings/loyalty'),
  });
  const [form, setForm] = useState<LoyaltyProgram | null>(null);
  useEffect(() => {
    if (program.data) setForm(program.data);
  }, [program.data]);
  const save = useMutation({
    mutationFn: (next: LoyaltyProgram) =>
      patch<LoyaltyProgram>('/settings/loyalty', {
        active: next.active,
        expiry: next.expiry,
        expiryDays: next.expiry === 'days_after_earning' ? next.expiryDays : null,
        refundWhenSpent: next.refundWhenSpent,
      }),
    onSuccess: (data) => queryClient.setQueryData(['loyalty-program'], data),
  });
  if (program.isError) return <ErrorMessage error={program.error} />;
  if (!form) return <p aria-busy="true">{t('common.loading')}</p>;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate(form);
  };
  return (
    <form className="card form inline" onSubmit={submit}>
      <h2>{t('loyalty.ledger.program.title')}</h2>
      <p role="status">
        {program.data?.active ? t('loyalty.ledger.program.running') : t('loyalty.ledger.program.stopped')}
      </p>
      <label>
        <input
          type="checkbox"
          disabled={!canWrite}
          checked={form.active}
          onChange={(e) => setForm({ ...form, active: e.target.checked })}
        />
        {t('loyalty.ledger.program.active')}
      </label>
      <ChoiceField
        label={t('loyalty.ledger.program.expiry')}
        value={form.expiry}
        choices={EXPIRY}
        name={(c) => t(`loyalty.ledger.expiry.${c}`)}
        onChange={(c) => setForm({ ...form, expiry: c })}
        disabled={!canWrite}
      />
      {form.expiry === 'days_after_earning' && (
        <label>
          {t('loyalty.ledger.program.expiryDays')}
          <input
            type="number"
            min={1}
            max={3650}
            required
            disabled={!canWrite}
            value={form.expiryDays ?? ''}
            onChange={(e) => setForm({ ...form, expiryDays: e.target.value ? Number(e.target.value) : null })}
          />
        </label>
      )}
      <ChoiceField
        label={t('loyalty.ledger.program.refundWhenSpent')}
        value={form.refundWhenSpent}
        choices={REFUND}
        name={(c) => t(`loyalty.ledger.refund.${c}`)}
        onChange={(c) => setForm({ ...form, refundWhenSpent: c })}
        disabled={!canWrite}
      />
      <p className="muted">{t('loyalty.ledger.program.rounding')}</p>
      {canWrite && (
        <button type="submit" className="primary" disabled={save.isPending}>
          {t('common.save')}
        </button>
      )}
      {save.isSuccess && <p role="status">{t('common.saved')}</p>}
      {save.isError && <ErrorMessage error={save.error} />}
    </form>
  );
}

function Liability() {
  const { t } = useTranslation();
  const f = useFormat();
  const liability = useQuery({
    queryKey: ['loyalty-liability'],
    queryFn: () => get<PointsLiability>('/loyalty/liability'),
  });
  if (liability.isError) return <ErrorMessage error={liability.error} />;
  const l = liability.data;
  return (
    <div className="card">
      <h2>{t('loyalty.ledger.liability.title')}</h2>
      <dl className="facts">
        <div>
          <dt>{t('loyalty.ledger.liability.outstanding')}</dt>
          <dd>{f.int(l?.outstanding)}</dd>
        </div>
        <div>
          <dt>{t('loyalty.ledger.liability.accounts')}</dt>
          <dd>{f.int(l?.accounts)}</dd>
        </div>
        <div>
          <dt>{t('loyalty.ledger.liability.expiring30')}</dt>
          <dd>{f.int(l?.expiring30)}</dd>
        </div>
        <div>
          <dt>{t('loyalty.ledger.liability.expiring90')}</dt>
          <dd>{f.int(l?.expiring90)}</dd>
        </div>
        <div>
          <dt>{t('loyalty.ledger.liability.debt')}</dt>
          <dd>{f.int(l?.debt)}</dd>
        </div>
      </dl>
    </div>
  );
}

function EarnRules() {
  const { t } = useTranslation();
  const f = useFormat();
  const canWrite = useCan('loyalty:write');
  const queryClient = useQueryClient();
  const rules = useQuery({
    queryKey: ['loyalty-earn-rules'],
    queryFn: () => getAll<EarnRule>('/loyalty/earn-rules'),
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['loyalty-earn-rules'] });
  const toggle = useMutation({
    mutationFn: (r: EarnRule) => patch<EarnRule>(`/loyalty/earn-rules/${r.id}`, { active: !r.active }),
    onSuccess: refresh,
  });
  const remove = useMutation({
    mutationFn: (r: EarnRule) => del(`/loyalty/earn-rules/${r.id}`),
    onSuccess: refresh,
  });
  const what = (r: EarnRule) => {
    const parts: string[] = [];
    if (r.pointsPerUnit !== null)
      parts.push(t('loyalty.ledger.rules.perUnit', { points: f.num(r.pointsPerUnit) }));
    if (r.pointsPerItem !== null) parts.push(t('loyalty.ledger.rules.perItem', { count: r.pointsPerItem }));
    if (r.points !== null) parts.push(t('loyalty.ledger.rules.fixed', { count: r.points }));
    if (r.multiplier !== null)
      parts.push(t('loyalty.ledger.rules.times', { multiplier: f.num(r.multiplier) }));
    return parts.join(' · ');
  };
  return (
    <div className="stack">
      {(rules.isError || toggle.isError || remove.isError) && (
        <ErrorMessage error={rules.error ?? toggle.error ?? remove.error} />
      )}
      <DataTable
        caption={t('loyalty.ledger.rules.title')}
        rows={rules.data?.items ?? []}
        rowKey={(r) => r.id}
        exportName="loyalty-earn-rules"
        empty={t('loyalty.ledger.rules.none')}
        columns={[
          {
            key: 'name',
            header: t('loyalty.ledger.rules.name'),
            render: (r) => <span className="free-text">{r.name}</span>,
            value: (r) => r.name,
          },
          {
            key: 'kind',
            header: t('loyalty.ledger.rules.kind'),
            render: (r) => t(`loyalty.ledger.kind.${r.kind}`),
          },
          { key: 'what', header: t('loyalty.ledger.rules.earns'), render: what },
          {
            key: 'match',
            header: t('loyalty.ledger.rules.match'),
            render: (r) => <span className="free-text">{r.match ?? r.tierCode ?? ''}</span>,
            value: (r) => r.match ?? r.tierCode ?? '',
          },
          {
            key: 'dates',
            header: t('loyalty.ledger.rules.dates'),
            render: (r) =>
              r.validFrom || r.validTo
                ? `${r.validFrom ? f.date(r.validFrom) : '…'} – ${r.validTo ? f.date(r.validTo) : '…'}`
                : t('loyalty.ledger.rules.always'),
          },
          {
            key: 'active',
            header: t('loyalty.ledger.rules.state'),
            render: (r) => (r.active ? t('loyalty.ledger.rules.on') : t('loyalty.ledger.rules.off')),
          },
          ...(canWrite
            ? [
                {
                  key: 'actions',
                  header: t('loyalty.ledger.rules.actions'),
                  value: () => '',
                  render: (r: EarnRule) => (
                    <span className="actions">
                      <button type="button" disabled={toggle.isPending} onClick={() => toggle.mutate(r)}>
                        {r.active
                          ? t('loyalty.ledger.rules.switchOff', { name: r.name })
                          : t('loyalty.ledger.rules.switchOn', { name: r.name })}
                      </button>
                      <button type="button" disabled={remove.isPending} onClick={() => remove.mutate(r)}>
                        {t('loyalty.ledger.rules.remove', { name: r.name })}
                      </button>
                    </span>
                  ),
                },
              ]
            : []),
        ]}
      />
      {canWrite && <RuleForm onCreated={refresh} />}
    </div>
  );
}

type RuleDraft = {
  name: string;
  kind: EarnRule['kind'];
  number: string;
  perItem: string;
  match: string;
  validFrom: string;
  validTo: string;
};

/** The body of a new rule: the one figure each kind needs, from the draft's fields. */
function ruleBody(d: RuleDraft): CreateEarnRuleRequest {
  const n = d.number === '' ? null : Number(d.number);
  const instant = (day: string) => (day ? new Date(`${day}T00:00:00`).toISOString() : null);
  switch (d.kind) {
    case 'amount':
      return { name: d.name, kind: d.kind, pointsPerUnit: n };
    case 'category':
    case 'item':
      return {
        name: d.name,
        kind: d.kind,
        match: d.match,
        pointsPerUnit: n,
        pointsPerItem: d.perItem === '' ? null : Number(d.perItem),
      };
    case 'referral':
      return { name: d.name, kind: d.kind, points: n };
    case 'tier_multiplier':
      return { name: d.name, kind: d.kind, tierCode: d.match, multiplier: n };
    case 'campaign':
      return {
        name: d.name,
        kind: d.kind,
        multiplier: n,
        points: d.perItem === '' ? null : Number(d.perItem),
        validFrom: instant(d.validFrom),
        validTo: instant(d.validTo),
      };
  }
}

function RuleForm({ onCreated }: { onCreated: () => void }) {
  const { t } = useTranslation();
  const blank: RuleDraft = {
    name: '',
    kind: 'amount',
    number: '',
    perItem: '',
    match: '',
    validFrom: '',
    validTo: '',
  };
  const [draft, setDraft] = useState<RuleDraft>(blank);
  const create = useMutation({
    mutationFn: () => post<EarnRule>('/loyalty/earn-rules', ruleBody(draft)),
    onSuccess: () => {
      setDraft(blank);
      onCreated();
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate();
  };
  const k = draft.kind;
  const numberLabel =
    k === 'referral'
      ? 'loyalty.ledger.form.points'
      : k === 'tier_multiplier' || k === 'campaign'
        ? 'loyalty.ledger.form.multiplier'
        : 'loyalty.ledger.form.perUnit';
  return (
    <form className="card form inline" onSubmit={submit}>
      <h2>{t('loyalty.ledger.form.title')}</h2>
      <label>
        {t('loyalty.ledger.rules.name')}
        <input
          required
          maxLength={200}
          value={draft.name}
          onChange={(e) => setDraft({ ...draft, name: e.target.value })}
        />
      </label>
      <ChoiceField
        label={t('loyalty.ledger.rules.kind')}
        value={k}
        choices={RULE_KINDS}
        name={(c) => t(`loyalty.ledger.kind.${c}`)}
        onChange={(c) => setDraft({ ...draft, kind: c })}
      />
      <label>
        {t(numberLabel)}
        <input
          type="number"
          min={0}
          step="any"
          required={k !== 'category' && k !== 'item' && k !== 'campaign'}
          value={draft.number}
          onChange={(e) => setDraft({ ...draft, number: e.target.value })}
        />
      </label>
      {(k === 'category' || k === 'item' || k === 'campaign') && (
        <label>
          {t(k === 'campaign' ? 'loyalty.ledger.form.bonus' : 'loyalty.ledger.form.perItem')}
          <input
            type="number"
            min={0}
            step={1}
            value={draft.perItem}
            onChange={(e) => setDraft({ ...draft, perItem: e.target.value })}
          />
        </label>
      )}
      {(k === 'category' || k === 'item' || k === 'tier_multiplier') && (
        <label>
          {t(`loyalty.ledger.form.match.${k}`)}
          <input
            required
            maxLength={200}
            value={draft.match}
            onChange={(e) => setDraft({ ...draft, match: e.target.value })}
          />
        </label>
      )}
      {k === 'campaign' && (
        <>
          <label>
            {t('loyalty.ledger.form.from')}
            <input
              type="date"
              required
              value={draft.validFrom}
              onChange={(e) => setDraft({ ...draft, validFrom: e.target.value })}
            />
          </label>
          <label>
            {t('loyalty.ledger.form.to')}
            <input
              type="date"
              required
              value={draft.validTo}
              onChange={(e) => setDraft({ ...draft, validTo: e.target.value })}
            />
          </label>
        </>
      )}
      <button type="submit" className="primary" disabled={create.isPending}>
        {t('loyalty.ledger.form.add')}
      </button>
      {create.isError && <ErrorMessage error={create.error} />}
    </form>
  );
}

function CustomerLedger() {
  const { t } = useTranslation();
  const f = useFormat();
  const [input, setInput] = useState('');
  const [externalId, setExternalId] = useState('');
  const ledger = useInfiniteQuery({
    queryKey: ['loyalty-points', externalId],
    enabled: externalId !== '',
    queryFn: ({ pageParam }) =>
      get<CustomerPoints>(`/customers/${encodeURIComponent(externalId)}/points`, {
        limit: ENTRY_PAGE,
        ...(pageParam ? { cursor: pageParam } : {}),
      }),
    initialPageParam: '',
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const first = ledger.data?.pages[0];
  const entries = ledger.data?.pages.flatMap((p) => p.entries) ?? [];
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setExternalId(input.trim());
  };
  return (
    <div className="card stack">
      <h2>{t('loyalty.ledger.lookup.title')}</h2>
      <form className="form inline" onSubmit={submit}>
        <label>
          {t('loyalty.ledger.lookup.customer')}
          <input required maxLength={255} value={input} onChange={(e) => setInput(e.target.value)} />
        </label>
        <button type="submit">{t('loyalty.ledger.lookup.show')}</button>
      </form>
      {ledger.isError && <ErrorMessage error={ledger.error} />}
      {first && (
        <>
          <dl className="facts">
            <div>
              <dt>{t('loyalty.ledger.lookup.balance')}</dt>
              <dd>
                <Link to={`/customers/${encodeURIComponent(externalId)}`}>{f.int(first.balance)}</Link>
              </dd>
            </div>
            <div>
              <dt>{t('loyalty.ledger.lookup.earned')}</dt>
              <dd>{f.int(first.earnedTotal)}</dd>
            </div>
            {first.debt > 0 && (
              <div>
                <dt>{t('loyalty.ledger.lookup.debt')}</dt>
                <dd>{f.int(first.debt)}</dd>
              </div>
            )}
          </dl>
          <DataTable
            caption={t('loyalty.ledger.lookup.expiring')}
            rows={first.expiringSoon}
            rowKey={(l, i) => `${l.expiresAt}-${i}`}
            empty={t('loyalty.ledger.lookup.noneExpiring')}
            columns={[
              {
                key: 'points',
                header: t('loyalty.ledger.lookup.points'),
                numeric: true,
                render: (l) => f.int(l.points),
              },
              {
                key: 'expiresAt',
                header: t('loyalty.ledger.lookup.expires'),
                render: (l) => f.dateTime(l.expiresAt),
              },
              {
                key: 'lockedUntil',
                header: t('loyalty.ledger.lookup.locked'),
                render: (l) => (l.lockedUntil ? f.dateTime(l.lockedUntil) : '—'),
              },
            ]}
          />
          <DataTable
            caption={t('loyalty.ledger.lookup.entries')}
            rows={entries}
            rowKey={(e) => e.id}
            empty={t('loyalty.ledger.lookup.noEntries')}
            columns={[
              {
                key: 'occurredAt',
                header: t('loyalty.ledger.lookup.when'),
                render: (e) => f.dateTime(e.occurredAt),
              },
              {
                key: 'kind',
                header: t('loyalty.ledger.lookup.kind'),
                render: (e) => t(`loyalty.ledger.entry.${e.kind}`),
              },
              {
                key: 'points',
                header: t('loyalty.ledger.lookup.points'),
                numeric: true,
                render: (e) => f.int(e.points),
              },
              {
                key: 'reason',
                header: t('loyalty.ledger.lookup.reason'),
                render: (e) => <span className="free-text">{e.reason}</span>,
                value: (e) => e.reason,
              },
              {
                key: 'source',
                header: t('loyalty.ledger.lookup.source'),
                render: (e) => t('loyalty.ledger.source', { kind: e.source.kind }),
              },
            ]}
          />
          {ledger.hasNextPage && (
            <button
              type="button"
              disabled={ledger.isFetchingNextPage}
              onClick={() => void ledger.fetchNextPage()}
            >
              {t('loyalty.ledger.lookup.more')}
            </button>
          )}
        </>
      )}
    </div>
  );
}

function InvariantCheck() {
  const { t } = useTranslation();
  const f = useFormat();
  const check = useQuery({
    queryKey: ['loyalty-invariant-check'],
    queryFn: () => get<LedgerInvariantCheck>('/loyalty/invariant-check'),
  });
  if (check.isError) return <ErrorMessage error={check.error} />;
  const run = check.data?.lastRun;
  return (
    <div className="card stack">
      <h2>{t('loyalty.ledger.check.title')}</h2>
      <p>
        {!run
          ? t('loyalty.ledger.check.never')
          : run.breakCount === 0
            ? t('loyalty.ledger.check.ok', { when: f.dateTime(run.ranAt), count: run.accountsChecked })
            : t('loyalty.ledger.check.broken', { when: f.dateTime(run.ranAt), count: run.breakCount })}
      </p>
      {run && run.breakCount > 0 && (
        <DataTable
          caption={t('loyalty.ledger.check.breaks')}
          rows={run.breaks}
          rowKey={(b) => b.customerId}
          exportName="loyalty-invariant-breaks"
          columns={[
            {
              key: 'customerId',
              header: t('loyalty.ledger.check.customer'),
              render: (b) => <code>{b.customerId}</code>,
              value: (b) => b.customerId,
            },
            {
              key: 'balance',
              header: t('loyalty.ledger.check.balance'),
              numeric: true,
              render: (b) => f.int(b.balance),
            },
            {
              key: 'entriesSum',
              header: t('loyalty.ledger.check.entries'),
              numeric: true,
              render: (b) => f.int(b.entriesSum),
            },
            {
              key: 'lotsRemaining',
              header: t('loyalty.ledger.check.lots'),
              numeric: true,
              render: (b) => f.int(b.lotsRemaining),
            },
            {
              key: 'debt',
              header: t('loyalty.ledger.check.debt'),
              numeric: true,
              render: (b) => f.int(b.debt),
            },
            {
              key: 'badLots',
              header: t('loyalty.ledger.check.badLots'),
              numeric: true,
              render: (b) => f.int(b.badLots),
            },
            {
              key: 'badEntries',
              header: t('loyalty.ledger.check.badEntries'),
              numeric: true,
              render: (b) => f.int(b.badEntries),
            },
          ]}
        />
      )}
    </div>
  );
}
