import type { AppContext } from '../../../http/types';
import { type Locale, pickLocale } from '../../../i18n/locales';
import { findCustomer } from '../../customers/api';
import { findOrgProfile } from '../../orgs/api';
import { findCase, insertTimeline } from '../data/repo-cases';
import { readFollowUpToken, verifyFollowUpToken } from '../domain/follow-up-token';
import { changeCaseInTx } from './change-case';

export type FollowUpState = 'ask' | 'answered' | 'invalid' | 'thanks_yes' | 'thanks_no';

/** A token is good when its signature holds under its organization's secret and it has not expired. */
async function trustedClaim(ctx: AppContext, token: string) {
  const claim = readFollowUpToken(token);
  if (!claim || claim.expiresAt < ctx.clock.now()) return undefined;
  // A public link names its organization: the one sanctioned cross-tenant lookup.
  const org = await ctx.db.asSystem((tx) => findOrgProfile(tx, claim.orgId));
  return org && verifyFollowUpToken(org.widgetSecret, claim) ? { claim, org } : undefined;
}

/**
 * What the "was your issue solved?" page shows, and in which language: the visitor's, else the
 * customer's, else the organization's. With an answer, records it: "yes" closes the case, "no"
 * reopens it. A second answer for the same resolution changes nothing.
 */
export async function followUp(
  ctx: AppContext,
  token: string,
  answer: 'yes' | 'no' | undefined,
  /** The visitor's languages in order: `?lang`, the browser's Accept-Language. */
  asked: (string | undefined)[],
): Promise<{ state: FollowUpState; locale: Locale }> {
  const trusted = await trustedClaim(ctx, token);
  if (!trusted) return { state: 'invalid', locale: pickLocale(...asked) };
  const { claim, org } = trusted;
  return ctx.db.withOrg(claim.orgId, async (tx) => {
    const c = await findCase(tx, claim.orgId, claim.caseId, Boolean(answer));
    if (!c) return { state: 'invalid' as const, locale: pickLocale(...asked, org.defaultLocale) };
    const customer = c.customerId ? await findCustomer(tx, claim.orgId, c.customerId) : undefined;
    const locale = pickLocale(...asked, customer?.locale, org.defaultLocale);
    if (c.cycle !== claim.cycle || c.status !== 'resolved') return { state: 'answered' as const, locale };
    if (!answer) return { state: 'ask' as const, locale };
    await insertTimeline(tx, claim.orgId, {
      caseId: c.id,
      kind: 'follow_up_answered',
      data: { answer, cycle: c.cycle },
      at: ctx.clock.now(),
    });
    await ctx.bus.emit(tx, 'case.follow_up_answered', {
      orgId: claim.orgId,
      caseId: c.id,
      customerId: c.customerId,
      answer,
      ownerId: c.ownerId,
    });
    await changeCaseInTx(
      ctx,
      tx,
      claim.orgId,
      c.id,
      { status: answer === 'yes' ? 'closed' : 'reopened' },
      null,
    );
    return { state: answer === 'yes' ? ('thanks_yes' as const) : ('thanks_no' as const), locale };
  });
}
