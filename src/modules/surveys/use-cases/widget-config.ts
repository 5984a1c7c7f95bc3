import type { AppContext } from '../../../http/types';
import { pickLocale } from '../../../i18n/locales';
import { randomToken } from '../../../lib/crypto';
import { findCustomerByExternalId } from '../../customers/api';
import { findOrgProfile } from '../../orgs/api';
import * as repo from '../data/repo-surveys';
import {
  localize,
  type Question,
  SCORED_TYPES,
  type ScoredType,
  type ShowIf,
  scaleOf,
} from '../domain/questions';
import { isWidgetSignatureValid } from '../domain/tokens';
import { surveyText } from '../messages';
import { claimContact } from './contact-cap';
import { resolvePublicId } from './resolve-target';

export type WidgetRequest = { customer?: string; signature?: string; lang?: string; acceptLanguage?: string };

const isScored = (q: Question) => (SCORED_TYPES as readonly string[]).includes(q.type) && !q.showIf;

/** The scores a branch on a scale question shows its question for; undefined for other conditions. */
function bandOf(showIf: ShowIf, range: { min: number; max: number }) {
  const values = (Array.isArray(showIf.value) ? showIf.value : [showIf.value]).map(Number);
  switch (showIf.op) {
    case 'lte':
      return { min: range.min, max: values[0] };
    case 'gte':
      return { min: values[0], max: range.max };
    case 'between':
      return { min: values[0], max: values[1] };
    case 'eq':
      return { min: values[0], max: values[0] };
    default:
      return undefined;
  }
}

/**
 * What the widget shows: the survey's first NPS, CSAT or CES question, an optional comment and
 * the follow-ups its score's band asks instead,
 * or `{show: false}`. A customer counts as identified only with a valid signature; an
 * identified customer is asked only within the organization's contact cap.
 */
export async function widgetConfig(ctx: AppContext, publicId: string, r: WidgetRequest) {
  const resolved = await resolvePublicId(ctx, publicId);
  if (!resolved.ok) return undefined;
  const { orgId, survey } = resolved.target;
  const hidden = { show: false as const };
  if (survey.status !== 'active') return hidden;
  return ctx.db.withOrg(orgId, async (tx) => {
    const questions = (await repo.findQuestions(tx, orgId, survey.id, survey.currentVersion)) ?? [];
    const question = questions.find(isScored);
    if (!question) return hidden;
    const org = await findOrgProfile(tx, orgId);
    const identified = Boolean(
      org && r.customer && isWidgetSignatureValid(org.widgetSecret, r.customer, r.signature),
    );
    const customer = identified ? await findCustomerByExternalId(tx, orgId, r.customer!) : undefined;
    if (customer?.erasedAt) return hidden;
    if (customer) {
      const now = ctx.clock.now();
      if (
        !(await claimContact(tx, orgId, {
          customerId: customer.id,
          surveyId: survey.id,
          channel: 'widget',
          now,
        }))
      ) {
        return hidden;
      }
    }
    const locale = pickLocale(customer?.locale, r.lang, r.acceptLanguage, survey.defaultLocale);
    const range = scaleOf(question)!;
    const type = question.type as ScoredType;
    const comment = questions.find((q) => q.type === 'text' && !q.showIf);
    // Text questions branched on the score's band: the widget asks the one the score picked.
    const followUps = questions.flatMap((q) => {
      const band =
        q.type === 'text' && q.showIf?.questionId === question.id ? bandOf(q.showIf, range) : undefined;
      return band ? [{ id: q.id, text: localize(q.text, locale, survey.defaultLocale), ...band }] : [];
    });
    return {
      show: true as const,
      surveyPublicId: survey.publicId,
      locale,
      question: {
        id: question.id,
        type,
        text: localize(question.text, locale, survey.defaultLocale),
        min: range.min,
        max: range.max,
        low: surveyText(locale, `survey.${type}.low`),
        high: surveyText(locale, `survey.${type}.high`),
      },
      comment: comment
        ? { id: comment.id, text: localize(comment.text, locale, survey.defaultLocale) }
        : null,
      followUps,
      strings: {
        close: surveyText(locale, 'widget.close'),
        send: surveyText(locale, 'widget.send'),
        thanks: surveyText(locale, 'widget.thanks'),
      },
      nonce: randomToken(18),
    };
  });
}
