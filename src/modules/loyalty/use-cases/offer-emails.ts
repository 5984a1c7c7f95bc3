/** Offers by e-mail: the send to the customers an offer is for, exposures recorded, the held-out share not mailed. */
import { z } from 'zod';
import type { AppContext } from '../../../http/types';
import { pickLocale } from '../../../i18n/locales';
import { defineJob } from '../../../jobs/queue';
import { AppError, notFound } from '../../../lib/errors';
import { findCustomers } from '../../customers/api';
import { findOrgProfile } from '../../orgs/api';
import * as repo from '../data/repo-offers';
import { isRunning } from '../domain/offer-targeting';
import { offerText } from '../messages-referrals';
import { exposeOffersInTx, type ShownOffer } from './offers';

/** Customers read per transaction of a send. */
const PAGE = 500;

type Mail = { to: string; subject: string; text: string };

function composeMail(
  lang: string | null,
  defaultLocale: string | null,
  org: string,
  name: string | null,
  shown: ShownOffer,
): Omit<Mail, 'to'> {
  const locale = pickLocale(lang, defaultLocale);
  const lines = [
    offerText(locale, 'greeting', { name: name?.trim() || 'none' }),
    '',
    shown.name,
    ...(shown.description ? ['', shown.description] : []),
    ...(shown.items.length
      ? ['', offerText(locale, 'items'), ...shown.items.map((i) => `- ${i.name ?? i.sku}`)]
      : []),
    '',
    org,
    '',
    offerText(locale, 'footer', { org }),
  ];
  return { subject: offerText(locale, 'subject', { org, offer: shown.name }), text: lines.join('\n') };
}

/**
 * Sends the offer by e-mail to every customer it is for who has an address and has not refused
 * e-mail, and who was not exposed to it before: each is recorded as an exposure of the `email`
 * channel, shown or held out by the offer's draw; only those shown get the e-mail (through the
 * instance's mailer, after the exposures are stored). Returns how many were exposed and e-mailed.
 */
export async function sendOfferEmails(ctx: AppContext, orgId: string, offerId: string) {
  let after: string | undefined;
  let exposed = 0;
  let emailed = 0;
  let failed = 0;
  for (;;) {
    const round = await ctx.db.withOrg(orgId, async (tx) => {
      const offer = await repo.findOffer(tx, orgId, offerId);
      if (!offer || !isRunning(offer, ctx.clock.now())) return undefined;
      const org = await findOrgProfile(tx, orgId);
      const ids = await repo.pageCustomerIds(tx, orgId, {}, PAGE, after);
      const people = await findCustomers(tx, orgId, ids);
      const tiers = await repo.loyaltyTiersOf(tx, orgId, ids);
      const before = new Set((await repo.exposedAmong(tx, orgId, offerId, ids)).map((r) => r.customerId));
      const mails: Mail[] = [];
      for (const id of ids) {
        const c = people.get(id);
        if (!c || c.erasedAt || !c.email || before.has(id)) continue;
        if (c.consent.email === false || c.consent.marketing === false) continue;
        const { shown, fresh } = await exposeOffersInTx(ctx, tx, orgId, c, {
          limit: 1,
          channel: 'email',
          offers: [offer],
          tier: tiers.get(id) ?? null,
        });
        exposed += fresh;
        if (shown[0])
          mails.push({
            to: c.email,
            ...composeMail(c.locale, org?.defaultLocale ?? null, org?.name ?? '', c.name, shown[0]),
          });
      }
      return { ids, mails };
    });
    if (!round) break;
    for (const mail of round.mails) {
      try {
        if (!ctx.mailer.configured) throw new Error('no mailer');
        await ctx.mailer.send(mail);
        emailed += 1;
      } catch {
        failed += 1;
      }
    }
    if (round.ids.length < PAGE) break;
    after = round.ids[round.ids.length - 1];
  }
  return { exposed, emailed, failed };
}

/** The send of one offer's e-mails, in the background. */
export const OFFER_EMAIL_JOB = defineJob({
  name: 'loyalty.offer-emails',
  scope: 'org',
  payload: z.object({ offerId: z.string().uuid() }),
  handle: async (ctx, { offerId }, job) => {
    await sendOfferEmails(ctx, job.orgId, offerId);
  },
});

/** POST /loyalty/offers/{id}/send: queues the e-mails; the offer must be running. */
export async function requestOfferEmails(ctx: AppContext, orgId: string, offerId: string) {
  await ctx.db.withOrg(orgId, async (tx) => {
    const offer = await repo.findOffer(tx, orgId, offerId);
    if (!offer) throw notFound('offer');
    if (!isRunning(offer, ctx.clock.now()))
      throw new AppError('conflict', 'the offer is not running: it is inactive, not started or ended');
    await ctx.jobs.enqueue(OFFER_EMAIL_JOB, { orgId, payload: { offerId } }, tx);
  });
  return { queued: true };
}
