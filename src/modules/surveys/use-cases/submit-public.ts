import type { z } from 'zod';
import type { AppContext } from '../../../http/types';
import { pickLocale } from '../../../i18n/locales';
import { AppError, type FieldError, invalid } from '../../../lib/errors';
import { ensureCustomer } from '../../customers/api';
import { findOrgProfile } from '../../orgs/api';
import { isWidgetSignatureValid } from '../domain/tokens';
import type { ZPublicResponseRequestSchema } from '../http/schemas';
import { resolvePublicId, resolveToken } from './resolve-target';
import { submitResponse } from './submit-response';

type PublicInput = z.output<typeof ZPublicResponseRequestSchema>;

/**
 * POST /api/v1/public/responses: a survey by public id (optionally a widget customer proven by
 * signature; anyone else is anonymous) or a personal token. Outcomes become HTTP answers.
 */
export async function submitPublicResponse(ctx: AppContext, input: PublicInput, acceptLanguage?: string) {
  if (input.website) return { id: null, status: 'discarded' as const, duplicate: false };
  const resolved = input.token
    ? await resolveToken(ctx, input.token)
    : await resolvePublicId(ctx, input.surveyPublicId!);
  const field = input.token ? 'body.token' : 'body.surveyPublicId';
  if (!resolved.ok) {
    if (resolved.reason === 'expired') throw new AppError('gone', `${field}: the survey link has expired`);
    throw new AppError('not_found', `${field}: no survey answers to it`);
  }
  const { orgId, survey, invitation, customer } = resolved.target;
  let customerId = customer?.id ?? null;
  if (!invitation && input.customer) {
    const org = await ctx.db.withOrg(orgId, (tx) => findOrgProfile(tx, orgId));
    if (org && isWidgetSignatureValid(org.widgetSecret, input.customer, input.signature)) {
      customerId = await ctx.db.withOrg(orgId, (tx) => ensureCustomer(ctx, tx, orgId, input.customer!));
    }
  }
  const outcome = await submitResponse(
    ctx,
    orgId,
    { survey, invitation, customerId },
    {
      answers: input.answers,
      nonce: input.nonce,
      final: !input.partial,
      channel: invitation ? (invitation.channel === 'email' ? 'email' : 'link') : input.channel,
      touchpoint: input.touchpoint,
      locationCode: input.locationCode,
      // A widget on a page with a wrong data-location keeps its answers; an API client is told.
      strictLocation: input.channel !== 'widget',
      locale: pickLocale(customer?.locale, input.locale, acceptLanguage, survey.defaultLocale),
    },
  );
  switch (outcome.kind) {
    case 'saved':
      return { id: outcome.id, status: outcome.status, duplicate: outcome.duplicate };
    case 'invalid': {
      const errors: FieldError[] = outcome.errors.map((e) => ({
        field: `body.answers.${e.questionId}`,
        message: e.message,
      }));
      throw new AppError('validation', errors.map((e) => `${e.field}: ${e.message}`).join('; '), errors);
    }
    case 'already_answered':
      throw new AppError('conflict', `${field}: this personal link has already been answered`);
    case 'closed':
      throw new AppError('conflict', `${field}: the survey is not accepting answers`);
    case 'busy':
      throw new AppError(
        'rate_limited',
        `${field}: too many answers to this survey right now; retry in a minute`,
      );
    case 'nonce_conflict':
      throw new AppError('conflict', 'body.nonce: belongs to another response');
    case 'unknown_location':
      throw invalid('body.locationCode', 'no location of the organization has this code');
  }
}
