import type { AppContext } from '../../../http/types';
import type { Locale } from '../../../i18n/locales';
import { randomToken, sha256 } from '../../../lib/crypto';
import { formatDayNumber, parseDayNumber } from '../../../lib/day-number';
import { AppError, invalid } from '../../../lib/errors';
import { localDayOf, startOfLocalDay } from '../../../lib/local-day';
import {
  computeMetric,
  detractorTopicsOfPeriod,
  findFeedbackSettings,
  type ProtectedCell,
  suppressNested,
} from '../../feedback/api';
import { findOrgProfile } from '../../orgs/api';
import * as repo from '../data/repo-internal';
import { internalText } from '../messages';

const DAY_MS = 24 * 3600 * 1000;
/** A round answers for four weeks unless it says otherwise. */
const DEFAULT_OPEN_DAYS = 28;
const MAX_OPEN_DAYS = 366;
const COMMENTS_LIMIT = 300;
const DETRACTOR_TOPICS_LIMIT = 100;

export type InternalPair = repo.InternalPair;

export type CreatedRound = {
  roundId: string;
  name: string;
  closesAt: Date;
  pairs: InternalPair[];
  links: number;
  emailed: number;
  /** Links of people without an e-mail address (or whose e-mail could not go out), by manager, to hand out. */
  handOut: { managerName: string | null; employeeName: string; departmentName: string; url: string }[];
};

type HandOut = CreatedRound['handOut'][number];
type Prepared = {
  orgId: string;
  result: CreatedRound;
  mails: { to: string; subject: string; text: string; handOut: HandOut }[];
};

/**
 * POST /api/v1/internal-clients/rounds: stores a round and one one-time link per current employee of
 * each rater department; a link knows the department and the round, never the person. The links of
 * people with an e-mail address are sent after the round is stored; the others are returned for
 * their managers to hand out (the tokens are kept only as hashes, so this is the only time they show).
 */
export async function createInternalRound(
  ctx: AppContext,
  orgId: string,
  input: { name: string; pairs?: InternalPair[]; allPairs?: boolean; closesAt?: string },
  baseUrl: string,
): Promise<CreatedRound> {
  const prepared = await ctx.db.withOrg(orgId, async (tx): Promise<Prepared> => {
    const now = ctx.clock.now();
    const closesAt = input.closesAt
      ? new Date(input.closesAt)
      : new Date(now.getTime() + DEFAULT_OPEN_DAYS * DAY_MS);
    if (closesAt <= now) throw invalid('body.closesAt', 'must be in the future');
    if (closesAt.getTime() - now.getTime() > MAX_OPEN_DAYS * DAY_MS)
      throw invalid('body.closesAt', `must be within ${MAX_OPEN_DAYS} days`);
    const departments = await repo.listDepartments(tx, orgId);
    const names = new Map(departments.map((d) => [d.id, d.name]));
    if (input.allPairs && input.pairs) throw invalid('body.allPairs', 'give pairs or allPairs, not both');
    let pairs: InternalPair[];
    if (input.allPairs) {
      pairs = departments.flatMap((a) =>
        departments
          .filter((b) => b.id !== a.id)
          .map((b) => ({ raterDepartmentId: a.id, ratedDepartmentId: b.id })),
      );
      if (!pairs.length) throw invalid('body.allPairs', 'needs at least two departments');
    } else {
      const seen = new Set<string>();
      pairs = [];
      for (const [i, p] of (input.pairs ?? []).entries()) {
        for (const f of ['raterDepartmentId', 'ratedDepartmentId'] as const)
          if (!names.has(p[f]))
            throw invalid(`body.pairs.${i}.${f}`, 'is not a department of this organization');
        if (p.raterDepartmentId === p.ratedDepartmentId)
          throw invalid(`body.pairs.${i}.ratedDepartmentId`, 'a department does not rate itself');
        const key = `${p.raterDepartmentId}|${p.ratedDepartmentId}`;
        if (seen.has(key)) continue;
        seen.add(key);
        pairs.push({ raterDepartmentId: p.raterDepartmentId, ratedDepartmentId: p.ratedDepartmentId });
      }
      if (!pairs.length) throw invalid('body.pairs', 'give at least one pair, or allPairs: true');
    }
    const raters = [...new Set(pairs.map((p) => p.raterDepartmentId))];
    const today = formatDayNumber(localDayOf(now, 'UTC'));
    const people = await repo.listCurrentEmployeesOf(tx, orgId, raters, today);
    if (!people.length)
      throw new AppError('unprocessable', 'body.pairs: no rater department has a current employee to ask', [
        { field: 'body.pairs', message: 'no rater department has a current employee' },
      ]);
    const links = people.map((p) => ({ person: p, token: `${orgId.replaceAll('-', '')}${randomToken(24)}` }));
    const roundId = await repo.insertRound(
      tx,
      orgId,
      { name: input.name, createdAt: now, closesAt, links: links.length },
      pairs,
    );
    await repo.insertLinks(
      tx,
      orgId,
      roundId,
      links.map((l) => ({ tokenHash: sha256(l.token), raterDepartmentId: l.person.departmentId })),
    );
    const org = await findOrgProfile(tx, orgId);
    const locale = pickSpoken(org?.defaultLocale);
    const url = (token: string) => `${baseUrl}/internal-clients/answer/${token}`;
    const handOutOf = (l: (typeof links)[number]): HandOut => ({
      managerName: l.person.managerName,
      employeeName: l.person.name,
      departmentName: names.get(l.person.departmentId) ?? '',
      url: url(l.token),
    });
    return {
      orgId,
      mails: links
        .filter((l) => l.person.email)
        .map((l) => ({
          to: l.person.email!,
          subject: internalText(locale, 'mailSubject', { round: input.name }),
          text: internalText(locale, 'mailBody', { org: org?.name ?? '', url: url(l.token) }),
          handOut: handOutOf(l),
        })),
      result: {
        roundId,
        name: input.name,
        closesAt,
        pairs,
        links: links.length,
        emailed: 0,
        handOut: links.filter((l) => !l.person.email).map(handOutOf),
      },
    };
  });
  // A link whose e-mail cannot go out (no mailer, or the send failed) is handed out by the manager.
  let emailed = 0;
  const handOut = [...prepared.result.handOut];
  for (const { handOut: link, ...mail } of prepared.mails) {
    try {
      if (!ctx.mailer.configured) throw new Error('no mailer');
      await ctx.mailer.send(mail);
      emailed += 1;
    } catch {
      handOut.push(link);
    }
  }
  if (emailed)
    await ctx.db.withOrg(orgId, (tx) => repo.setRoundEmailed(tx, orgId, prepared.result.roundId, emailed));
  handOut.sort(
    (a, b) =>
      (a.managerName ?? '').localeCompare(b.managerName ?? '') ||
      a.employeeName.localeCompare(b.employeeName),
  );
  return { ...prepared.result, emailed, handOut };
}

function pickSpoken(locale: string | null | undefined): Locale {
  const base = (locale ?? 'en').slice(0, 2);
  return base === 'pl' || base === 'cs' || base === 'ru' ? base : 'en';
}

export function listInternalRounds(ctx: AppContext, orgId: string) {
  return ctx.db.withOrg(orgId, async (tx) => ({ items: await repo.listRounds(tx, orgId, 50) }));
}

const UUID_HEX = /^[0-9a-f]{32}$/;

function orgOfToken(token: string): string | undefined {
  const hex = token.slice(0, 32);
  if (!UUID_HEX.test(hex) || token.length < 40 || token.length > 100) return undefined;
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export type InternalLinkView =
  | {
      state: 'open';
      orgLocale: string | null;
      roundName: string;
      raterName: string;
      rated: { id: string; name: string }[];
    }
  | { state: 'used' | 'closed' | 'invalid'; orgLocale: string | null };

/** What an answer link shows: the departments its department rates in its round, or why it no longer answers. */
export async function viewInternalLink(ctx: AppContext, token: string): Promise<InternalLinkView> {
  const orgId = orgOfToken(token);
  if (!orgId) return { state: 'invalid', orgLocale: null };
  return ctx.db.withOrg(orgId, async (tx) => {
    const link = await repo.findLink(tx, orgId, sha256(token), false);
    const orgLocale = (await findOrgProfile(tx, orgId))?.defaultLocale ?? null;
    if (!link) return { state: 'invalid', orgLocale };
    if (link.usedAt) return { state: 'used', orgLocale };
    if (link.closesAt <= ctx.clock.now()) return { state: 'closed', orgLocale };
    const rated = await repo.ratedInRound(tx, orgId, link.roundId, link.raterDepartmentId);
    const rater = (await repo.listDepartments(tx, orgId)).find((d) => d.id === link.raterDepartmentId);
    return { state: 'open', orgLocale, roundName: link.roundName, raterName: rater?.name ?? '', rated };
  });
}

export type InternalRating = {
  ratedDepartmentId: string;
  nps: number;
  csat: number;
  comment?: string | null;
};

/**
 * Answers a round through a one-time link: one rating per department the link's department rates in
 * the round. Each rating keeps the rater department, the rated department, the round and the time —
 * never the person; the link is marked used in the same transaction, so a second answer is refused.
 */
export async function answerInternalLink(ctx: AppContext, token: string, ratings: InternalRating[]) {
  const orgId = orgOfToken(token);
  const unknown = () => new AppError('not_found', 'params.token: no round answers to this link');
  if (!orgId) throw unknown();
  return ctx.db.withOrg(orgId, async (tx) => {
    const link = await repo.findLink(tx, orgId, sha256(token), true);
    if (!link) throw unknown();
    if (link.usedAt) throw new AppError('conflict', 'params.token: this link has already been answered');
    const now = ctx.clock.now();
    if (link.closesAt <= now) throw new AppError('gone', 'params.token: this round has closed');
    const rated = new Set(
      (await repo.ratedInRound(tx, orgId, link.roundId, link.raterDepartmentId)).map((d) => d.id),
    );
    const seen = new Set<string>();
    for (const [i, r] of ratings.entries()) {
      if (!rated.has(r.ratedDepartmentId))
        throw invalid(`body.ratings.${i}.ratedDepartmentId`, 'is not a department this link rates');
      if (seen.has(r.ratedDepartmentId))
        throw invalid(`body.ratings.${i}.ratedDepartmentId`, 'is rated twice');
      seen.add(r.ratedDepartmentId);
    }
    if (!ratings.length) throw invalid('body.ratings', 'rate at least one department');
    await repo.insertAnswers(
      tx,
      orgId,
      ratings.map((r) => ({
        roundId: link.roundId,
        raterDepartmentId: link.raterDepartmentId,
        ratedDepartmentId: r.ratedDepartmentId,
        answeredAt: now,
        nps: r.nps,
        csat: r.csat,
        comment: r.comment?.trim() ? r.comment.trim() : null,
      })),
    );
    await repo.markLinkUsed(tx, orgId, link.id, now);
    return { status: 'answered' as const, rated: ratings.length };
  });
}

// The matrix.

type Score = { score: number | null; ci95: [number, number] | null };
export type InternalFigure = { hidden: true } | { hidden: false; n: number; nps: Score; csat: Score };

export type InternalMatrix = {
  from: string;
  to: string;
  anonymityThreshold: number;
  total: InternalFigure;
  rows: {
    departmentId: string;
    name: string;
    total: InternalFigure;
    cells: ({ ratedDepartmentId: string } & InternalFigure)[];
  }[];
  columns: {
    departmentId: string;
    name: string;
    topics: string[];
    total: InternalFigure;
    trend: ({ quarter: string } & InternalFigure)[];
    externalDetractors: { key: string; name: Record<string, string>; detractors: number }[];
  }[];
  comments: { raterDepartmentId: string; ratedDepartmentId: string; text: string }[];
};

type Dim = 'cell' | 'row' | 'column' | 'trend';
const DIMS: Dim[] = ['cell', 'row', 'column', 'trend'];

type Counts = { n: number; nps: number[]; csat: number[] };
const emptyCounts = (): Counts => ({ n: 0, nps: new Array(11).fill(0), csat: new Array(5).fill(0) });

function figureOf(c: Counts): InternalFigure {
  const nps = computeMetric('nps', c.nps);
  const csat = computeMetric('csat', c.csat);
  return {
    hidden: false,
    n: c.n,
    nps: { score: nps.score, ci95: nps.ci95 },
    csat: { score: csat.score, ci95: csat.ci95 },
  };
}

/**
 * GET /api/v1/internal-clients/matrix: rater departments by rated departments, each cell's NPS and
 * CSAT with n and 95% intervals, each rated department's overall figure and quarterly trend, and
 * beside it the topics of customers' detractor answers of the period that it owns. Internal clients
 * are protected like employees: under the organization's anonymity threshold, with complementary
 * suppression across cells, row and column totals and trends at once, so that no difference of shown
 * figures describes fewer answers than the threshold. Comments only of cells that are shown.
 */
export async function internalMatrix(
  ctx: AppContext,
  orgId: string,
  q: { from?: string; to?: string },
): Promise<InternalMatrix> {
  const base = await ctx.db.withOrg(orgId, async (tx) => {
    const org = await findOrgProfile(tx, orgId);
    const timeZone = org?.timeZone ?? 'UTC';
    const today = localDayOf(ctx.clock.now(), timeZone);
    const toDay = q.to ? parseDayNumber(q.to) : today;
    const fromDay = q.from ? parseDayNumber(q.from) : toDay - 364;
    if (fromDay > toDay) throw invalid('query.from', 'must not be after to');
    const from = startOfLocalDay(fromDay, timeZone);
    const to = startOfLocalDay(toDay + 1, timeZone);
    const threshold = Math.max(3, (await findFeedbackSettings(tx, orgId)).anonymityThreshold);
    const departments = await repo.listDepartments(tx, orgId);
    const rows = await repo.countAnswers(tx, orgId, from, to, timeZone);
    const respondents = await repo.countRespondents(tx, orgId, from, to);
    const pairs = await repo.listAllPairs(tx, orgId);
    const comments = await repo.listComments(tx, orgId, from, to, COMMENTS_LIMIT);
    return {
      timeZone,
      period: { from, to },
      fromDay,
      toDay,
      threshold,
      departments,
      rows,
      respondents,
      pairs,
      comments,
    };
  });
  const detractorTopics = await detractorTopicsOfPeriod(ctx, orgId, base.period, DETRACTOR_TOPICS_LIMIT);
  const { threshold, departments } = base;
  const names = new Map(departments.map((d) => [d.id, d]));

  // Finest cells: rater × rated × quarter.
  const finest = new Map<
    string,
    ProtectedCell<Dim> & Counts & { rater: string; rated: string; quarter: string }
  >();
  for (const r of base.rows) {
    const id = `${r.rater}|${r.rated}|${r.quarter}`;
    let c = finest.get(id);
    if (!c) {
      c = {
        ...emptyCounts(),
        rater: r.rater,
        rated: r.rated,
        quarter: r.quarter,
        keys: {
          cell: `${r.rater}|${r.rated}`,
          row: r.rater,
          column: r.rated,
          trend: `${r.rated}|${r.quarter}`,
        },
      };
      finest.set(id, c);
    }
    c.n += r.n;
    c.nps[r.nps] = (c.nps[r.nps] ?? 0) + r.n;
    c.csat[r.csat - 1] = (c.csat[r.csat - 1] ?? 0) + r.n;
  }
  const all = [...finest.values()];
  const s = suppressNested(all, DIMS, threshold);
  // Answers are not people: one person rates several departments in a round, and answers again in
  // the next. A group is shown only when, in at least one round, as many people as the threshold
  // answered in it (one link answers once per round, so they are that many different people).
  const perRound = new Map<string, number>();
  const bump = (key: string, n: number) => perRound.set(key, (perRound.get(key) ?? 0) + n);
  for (const r of base.rows) {
    bump(`cell|${r.rater}|${r.rated}|${r.round}`, r.n);
    bump(`column|${r.rated}|${r.round}`, r.n);
    bump(`trend|${r.rated}|${r.quarter}|${r.round}`, r.n);
  }
  for (const r of base.respondents) bump(`row|${r.rater}|${r.round}`, r.n);
  const people = new Map<string, number>();
  for (const [key, n] of perRound) {
    const group = key.slice(0, key.lastIndexOf('|'));
    people.set(group, Math.max(people.get(group) ?? 0, n));
  }
  const fewPeople = (key: string) => (people.get(key) ?? 0) < threshold;
  for (const c of all) {
    if (fewPeople(`cell|${c.rater}|${c.rated}`)) s.hidden.cell.add(`${c.rater}|${c.rated}`);
    if (fewPeople(`row|${c.rater}`)) s.hidden.row.add(c.rater);
    if (fewPeople(`column|${c.rated}`)) s.hidden.column.add(c.rated);
    if (fewPeople(`trend|${c.rated}|${c.quarter}`)) s.hidden.trend.add(`${c.rated}|${c.quarter}`);
  }
  const sum = (of: typeof all): Counts => {
    const out = emptyCounts();
    for (const c of of) {
      out.n += c.n;
      for (const [i, v] of c.nps.entries()) out.nps[i] = (out.nps[i] ?? 0) + v;
      for (const [i, v] of c.csat.entries()) out.csat[i] = (out.csat[i] ?? 0) + v;
    }
    return out;
  };
  const figure = (hidden: boolean, of: typeof all): InternalFigure =>
    hidden ? { hidden: true } : figureOf(sum(of));

  const raterIds = new Set<string>([...base.pairs.map((p) => p.rater), ...all.map((c) => c.rater)]);
  const ratedIds = new Set<string>([...base.pairs.map((p) => p.rated), ...all.map((c) => c.rated)]);
  const byName = (ids: Set<string>) =>
    [...ids]
      .filter((id) => names.has(id))
      .sort((a, b) => names.get(a)!.name.localeCompare(names.get(b)!.name) || a.localeCompare(b));
  const columnIds = byName(ratedIds);
  const quarters: string[] = [];
  for (let day = base.fromDay; day <= base.toDay; ) {
    const [y, m] = formatDayNumber(day).split('-').map(Number) as [number, number];
    const qn = Math.floor((m - 1) / 3) + 1;
    quarters.push(`${y}-Q${qn}`);
    const nextMonth = qn * 3 + 1;
    day =
      nextMonth > 12
        ? parseDayNumber(`${y + 1}-01-01`)
        : parseDayNumber(`${y}-${String(nextMonth).padStart(2, '0')}-01`);
  }

  return {
    from: formatDayNumber(base.fromDay),
    to: formatDayNumber(base.toDay),
    anonymityThreshold: threshold,
    total: s.totalShown ? figureOf(sum(all)) : { hidden: true },
    rows: byName(raterIds).map((rater) => {
      const ofRow = all.filter((c) => c.rater === rater);
      return {
        departmentId: rater,
        name: names.get(rater)!.name,
        total: figure(!s.totalShown || s.hidden.row.has(rater), ofRow),
        cells: columnIds
          .filter((rated) => rated !== rater)
          .map((rated) => ({
            ratedDepartmentId: rated,
            ...figure(
              !s.totalShown || s.hidden.cell.has(`${rater}|${rated}`),
              ofRow.filter((c) => c.rated === rated),
            ),
          })),
      };
    }),
    columns: columnIds.map((rated) => {
      const dept = names.get(rated)!;
      const ofColumn = all.filter((c) => c.rated === rated);
      const owned = new Set(dept.topics);
      return {
        departmentId: rated,
        name: dept.name,
        topics: dept.topics,
        total: figure(!s.totalShown || s.hidden.column.has(rated), ofColumn),
        trend: quarters.map((quarter) => ({
          quarter,
          ...figure(
            !s.totalShown || s.hidden.trend.has(`${rated}|${quarter}`),
            ofColumn.filter((c) => c.quarter === quarter),
          ),
        })),
        externalDetractors: detractorTopics.filter((t) => owned.has(t.key)),
      };
    }),
    comments: s.totalShown
      ? base.comments
          .filter((c) => !s.hidden.cell.has(`${c.rater}|${c.rated}`))
          .map((c) => ({ raterDepartmentId: c.rater, ratedDepartmentId: c.rated, text: c.text }))
      : [],
  };
}
