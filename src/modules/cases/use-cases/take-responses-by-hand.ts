import type { Executor } from '../../../db/database';
import type { AppContext } from '../../../http/types';
import { pickLocale } from '../../../i18n/locales';
import {
  findLink,
  findOpenCaseOfCustomer,
  insertLink,
  insertTimeline,
  lockCustomerFeedback,
} from '../data/repo-cases';
import { caseText } from '../messages';
import { openCase } from './open-case';
import { loadCaseSetup } from './setup';

/** A survey response a person chose in the inbox, as the surveys module knows it. */
export type ChosenResponse = {
  responseId: string;
  surveyId: string;
  customerId: string | null;
  scores: { nps?: number; csat?: number; ces?: number };
  comment: string | null;
  answeredAt: Date;
};

export type TakenResponse = { responseId: string; caseId: string; outcome: 'opened' | 'joined' | 'had' };

/**
 * Responses a person put into cases from the inbox, in the caller's transaction: a response that
 * has a case keeps it; otherwise it joins its customer's open case (a timeline entry), else it
 * opens a case of its own, by hand, titled by its score.
 */
export async function takeResponsesIntoCases(
  ctx: AppContext,
  tx: Executor,
  orgId: string,
  responses: ChosenResponse[],
  authorId: string | null,
): Promise<TakenResponse[]> {
  const setup = await loadCaseSetup(ctx, tx, orgId);
  const now = ctx.clock.now();
  const taken: TakenResponse[] = [];
  for (const r of responses) {
    const link = {
      sourceKey: `response:${r.responseId}`,
      kind: 'response' as const,
      occurredAt: r.answeredAt,
    };
    if (r.customerId) await lockCustomerFeedback(tx, orgId, r.customerId);
    const had = await findLink(tx, orgId, link.sourceKey);
    if (had) {
      taken.push({ responseId: r.responseId, caseId: had.caseId, outcome: 'had' });
      continue;
    }
    const open = r.customerId ? await findOpenCaseOfCustomer(tx, orgId, r.customerId) : undefined;
    if (open) {
      await insertLink(tx, orgId, { ...link, caseId: open.id }, now);
      const summary = { responseId: r.responseId, surveyId: r.surveyId, scores: r.scores };
      await insertTimeline(tx, orgId, { caseId: open.id, kind: 'feedback_added', data: summary, at: now });
      await ctx.bus.emit(tx, 'case.updated', {
        orgId,
        caseId: open.id,
        customerId: open.customerId,
        status: open.status,
        changes: ['feedback'],
      });
      taken.push({ responseId: r.responseId, caseId: open.id, outcome: 'joined' });
      continue;
    }
    const metric = (['nps', 'csat', 'ces'] as const).find((m) => r.scores[m] !== undefined);
    const titleParts = metric
      ? {
          key: 'titleResponse' as const,
          params: { metric: metric.toUpperCase(), score: r.scores[metric] ?? '' },
        }
      : null;
    const opened = await openCase(ctx, tx, orgId, {
      title: titleParts
        ? caseText(pickLocale(setup.org.defaultLocale), titleParts.key, titleParts.params)
        : caseText(pickLocale(setup.org.defaultLocale), 'titleResponse', { metric: '', score: '' }),
      titleParts,
      description: r.comment,
      priority: 'normal',
      source: 'manual',
      customerId: r.customerId,
      responseId: r.responseId,
      authorId,
      link,
    });
    taken.push({ responseId: r.responseId, caseId: opened.id, outcome: 'opened' });
  }
  return taken;
}
