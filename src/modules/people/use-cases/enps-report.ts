import type { AppContext } from '../../../http/types';
import { AppError, notFound } from '../../../lib/errors';
import {
  computeMetric,
  countProtectedCells,
  findFeedbackSettings,
  listProtectedTexts,
  type ProtectedCell,
  suppressNested,
} from '../../feedback/api';
import { findOrgProfile } from '../../orgs/api';
import { surveyForPulse } from '../../surveys/api';
import * as repo from '../data/repo-pulses';
import { BREAKDOWNS, type Breakdown } from './pulses';

type Score = { score: number | null; ci95: [number, number] | null; n: number };
export type EnpsRow = { key: string; name: string | null } & (({ hidden: false } & Score) | { hidden: true });
export type EnpsTrendRow = { month: string } & (({ hidden: false } & Score) | { hidden: true });

export type EnpsReport = {
  surveyId: string;
  anonymityThreshold: number;
  breakdowns: Breakdown[];
  /** True when the whole survey has fewer answers than the threshold: nothing is shown. */
  suppressed: boolean;
  total: Score | null;
  trend: EnpsTrendRow[];
  groups: { team: EnpsRow[]; department: EnpsRow[]; location: EnpsRow[] };
  comments: {
    text: string;
    by: 'team' | 'department' | 'location' | null;
    key: string | null;
    name: string | null;
  }[];
};

const NPS_VALUES = 11;
const COMMENTS_LIMIT = 200;
type Dim = 'team' | 'department' | 'location' | 'month';

function scoreOf(values: number[]): Score {
  const r = computeMetric('nps', values);
  return { score: r.score, ci95: r.ci95, n: r.n };
}

/**
 * The eNPS of an employees survey: score with interval, monthly trend, breakdowns by team,
 * department and location and the comments, under the survey's anonymity threshold with
 * complementary suppression across all of them at once — a group is shown only when no
 * difference of shown figures describes fewer answers than the threshold.
 */
export function enpsReport(ctx: AppContext, orgId: string, surveyId: string): Promise<EnpsReport> {
  return ctx.db.withOrg(orgId, async (tx) => {
    const survey = await surveyForPulse(tx, orgId, surveyId);
    if (!survey) throw notFound('survey');
    if (survey.audience === 'customers') {
      throw new AppError('conflict', 'params.id: eNPS reports employee surveys; this survey asks customers');
    }
    const [org, feedback, settings] = [
      await findOrgProfile(tx, orgId),
      await findFeedbackSettings(tx, orgId),
      (await repo.findPulseSettings(tx, orgId, surveyId)) ?? repo.DEFAULT_PULSE_SETTINGS,
    ];
    const threshold = Math.max(3, settings.anonymityThreshold ?? feedback.anonymityThreshold);
    const breakdowns = BREAKDOWNS.filter((b) => settings.breakdowns.includes(b));
    const query = { surveyId, metric: 'nps' as const, timeZone: org?.timeZone ?? 'UTC' };
    const rows = await countProtectedCells(tx, orgId, query);
    // Cells by every dimension shown; a dimension not shown does not split them.
    const dims: Dim[] = breakdowns;
    const cells = new Map<string, ProtectedCell<Dim> & { values: number[] }>();
    for (const r of rows) {
      const keys = { team: r.team, department: r.department, location: r.location, month: r.month };
      const id = dims.map((d) => keys[d]).join('|');
      let c = cells.get(id);
      if (!c) {
        c = { keys, n: 0, values: new Array(NPS_VALUES).fill(0) };
        cells.set(id, c);
      }
      c.n += r.n;
      c.values[r.value] = (c.values[r.value] ?? 0) + r.n;
    }
    const all = [...cells.values()];
    const s = suppressNested(all, dims, threshold);
    const names = await repo.structureNames(tx, orgId);
    const base = { surveyId, anonymityThreshold: threshold, breakdowns };
    if (!s.totalShown) {
      return {
        ...base,
        suppressed: true,
        total: null,
        trend: [],
        groups: { team: [], department: [], location: [] },
        comments: [],
      };
    }
    const sum = (of: typeof all) =>
      of.reduce(
        (acc, c) => acc.map((v, i) => v + (c.values[i] ?? 0)),
        new Array(NPS_VALUES).fill(0) as number[],
      );
    const groupRows = (d: Dim) => {
      const keys = [...new Set(all.map((c) => c.keys[d]))].sort();
      return keys.map((key) => {
        const hidden = s.hidden[d].has(key);
        const name = d === 'month' ? key : (names[d].get(key) ?? null);
        return hidden
          ? { key, name, hidden: true as const }
          : { key, name, hidden: false as const, ...scoreOf(sum(all.filter((c) => c.keys[d] === key))) };
      });
    };
    const rowsOf = (d: Exclude<Dim, 'month'>): EnpsRow[] => (breakdowns.includes(d) ? groupRows(d) : []);
    const trend: EnpsTrendRow[] = breakdowns.includes('month')
      ? groupRows('month').map(({ key, name: _, ...rest }) => ({ month: key, ...rest }))
      : [];
    // Comments of groups at or above the threshold only, all labelled by one breakdown: the one
    // whose shown groups hold the most answers. A comment of a withheld group is left out (put under
    // a wider group, the wider group's other comments would set it apart).
    const coverage = (d: 'team' | 'department' | 'location') =>
      all.filter((c) => !s.hidden[d].has(c.keys[d])).reduce((n, c) => n + c.n, 0);
    const by = (['team', 'department', 'location'] as const)
      .filter((d) => breakdowns.includes(d))
      .reduce<'team' | 'department' | 'location' | null>(
        (best, d) => (best === null || coverage(d) > coverage(best) ? d : best),
        null,
      );
    const texts = await listProtectedTexts(tx, orgId, query, COMMENTS_LIMIT);
    const comments: EnpsReport['comments'] = [];
    for (const t of texts) {
      const key = by ? t[by] : null;
      if (by && s.hidden[by].has(key!)) continue;
      if (breakdowns.includes('month') && s.hidden.month.has(t.month)) continue;
      for (const text of t.texts)
        comments.push({ text, by, key, name: by && key ? (names[by].get(key) ?? null) : null });
    }
    // In no order that tells when or by whom: by group, then by text.
    comments.sort((x, y) => (x.name ?? '').localeCompare(y.name ?? '') || x.text.localeCompare(y.text));
    return {
      ...base,
      suppressed: false,
      total: scoreOf(sum(all)),
      trend,
      groups: { team: rowsOf('team'), department: rowsOf('department'), location: rowsOf('location') },
      comments,
    };
  });
}
