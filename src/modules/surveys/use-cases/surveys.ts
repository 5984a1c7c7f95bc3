import { randomInt } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import type { z } from 'zod';
import type { AppContext } from '../../../http/types';
import { AppError, type FieldError, notFound } from '../../../lib/errors';
import { findOrgProfile } from '../../orgs/api';
import type { SurveyRow, Trigger } from '../data/repo-surveys';
import * as repo from '../data/repo-surveys';
import { checkQuestions, effectiveLocale } from '../domain/check-questions';
import type { Question } from '../domain/questions';
import { surveyUrl } from '../http/public-url';
import type { ZCreateSurveyRequestSchema, ZSurveySchema, ZUpdateSurveyRequestSchema } from '../http/schemas';

export type SurveyDto = z.infer<typeof ZSurveySchema>;
type CreateInput = z.output<typeof ZCreateSurveyRequestSchema>;
type UpdateInput = z.output<typeof ZUpdateSurveyRequestSchema>;

/** The questions of one version of a survey; none for a version it does not have. */
export const readQuestions = (ctx: AppContext, orgId: string, surveyId: string, version: number) =>
  ctx.db.withOrg(orgId, async (tx) => (await repo.findQuestions(tx, orgId, surveyId, version)) ?? []);

// No look-alike characters: public ids are typed from receipts and read from QR codes.
const PUBLIC_ID_ALPHABET = 'abcdefghijkmnpqrstuvwxyz23456789';
const newPublicId = () => Array.from({ length: 12 }, () => PUBLIC_ID_ALPHABET[randomInt(32)]).join('');

function rejectQuestions(errors: FieldError[]) {
  if (!errors.length) return;
  const named = errors.map((e) => ({ field: `body.${e.field}`, message: e.message }));
  throw new AppError('validation', named.map((e) => `${e.field}: ${e.message}`).join('; '), named);
}

export function toSurveyDto(
  s: SurveyRow,
  extra: { questions: Question[]; triggers: Trigger[]; responseCount: number; baseUrl: string },
): SurveyDto {
  return {
    id: s.id,
    publicId: s.publicId,
    name: s.name,
    audience: s.audience as SurveyDto['audience'],
    status: s.status as SurveyDto['status'],
    defaultLocale: s.defaultLocale,
    version: s.currentVersion,
    questions: extra.questions as SurveyDto['questions'],
    touchpoints: s.touchpoints,
    channels: s.channels,
    triggers: extra.triggers,
    texts: s.texts,
    url: surveyUrl(extra.baseUrl, s.publicId),
    responseCount: extra.responseCount,
    createdAt: s.createdAt,
    updatedAt: s.updatedAt,
  };
}

/**
 * Creates a survey. Its texts may be written in any one locale; its default locale is the one
 * asked for when every text is in it, else the one the texts are written in.
 */
export async function createSurvey(ctx: AppContext, orgId: string, input: CreateInput, baseUrl: string) {
  const questions = input.questions as Question[];
  rejectQuestions(checkQuestions(questions, input.defaultLocale));
  return ctx.db.withOrg(orgId, async (tx) => {
    const asked = input.defaultLocale ?? (await findOrgProfile(tx, orgId))?.defaultLocale;
    const defaultLocale = effectiveLocale(questions, asked)!;
    const id = await repo.insertSurvey(tx, orgId, {
      publicId: newPublicId(),
      name: input.name,
      audience: input.audience,
      status: input.status,
      defaultLocale,
      touchpoints: [...new Set(input.touchpoints)],
      channels: [...new Set(input.channels)],
      texts: input.texts,
      now: ctx.clock.now(),
    });
    await repo.insertVersion(tx, orgId, id, 1, input.questions as Question[]);
    await repo.replaceTriggers(tx, orgId, id, input.triggers);
    return loadSurvey(tx, orgId, id, baseUrl);
  });
}

async function loadSurvey(
  tx: Parameters<typeof repo.findSurvey>[0],
  orgId: string,
  id: string,
  baseUrl: string,
) {
  const s = await repo.findSurvey(tx, orgId, id);
  if (!s) throw notFound('survey');
  return toSurveyDto(s, {
    questions: (await repo.findQuestions(tx, orgId, id, s.currentVersion)) ?? [],
    triggers: await repo.listTriggers(tx, orgId, id),
    responseCount: await repo.countResponses(tx, orgId, id),
    baseUrl,
  });
}

export const getSurvey = (ctx: AppContext, orgId: string, id: string, baseUrl: string) =>
  ctx.db.withOrg(orgId, (tx) => loadSurvey(tx, orgId, id, baseUrl));

/**
 * Applies a change. New questions replace the current version's while it has no responses;
 * once it has, they become a new version, so every response keeps the questions it answered.
 */
export async function updateSurvey(
  ctx: AppContext,
  orgId: string,
  id: string,
  input: UpdateInput,
  baseUrl: string,
) {
  return ctx.db.withOrg(orgId, async (tx) => {
    const s = await repo.findSurvey(tx, orgId, id);
    if (!s) throw notFound('survey');
    const current = (await repo.findQuestions(tx, orgId, id, s.currentVersion)) ?? [];
    const questions = (input.questions as Question[] | undefined) ?? current;
    rejectQuestions(checkQuestions(questions, input.defaultLocale ?? s.defaultLocale));
    const locale = effectiveLocale(questions, input.defaultLocale ?? s.defaultLocale)!;
    let version = s.currentVersion;
    if (input.questions && !isDeepStrictEqual(questions, current)) {
      if ((await repo.countResponses(tx, orgId, id, version)) > 0) {
        version += 1;
        await repo.insertVersion(tx, orgId, id, version, questions);
      } else {
        await repo.replaceVersionQuestions(tx, orgId, id, version, questions);
      }
    }
    if (input.triggers) await repo.replaceTriggers(tx, orgId, id, input.triggers);
    await repo.updateSurvey(tx, orgId, id, {
      ...(input.name !== undefined && { name: input.name }),
      ...(input.status !== undefined && { status: input.status }),
      ...(locale !== s.defaultLocale && { defaultLocale: locale }),
      ...(input.touchpoints !== undefined && { touchpoints: [...new Set(input.touchpoints)] }),
      ...(input.channels !== undefined && { channels: [...new Set(input.channels)] }),
      ...(input.texts !== undefined && { texts: input.texts }),
      currentVersion: version,
      updatedAt: ctx.clock.now(),
    });
    return loadSurvey(tx, orgId, id, baseUrl);
  });
}

export async function listSurveys(
  ctx: AppContext,
  orgId: string,
  q: { limit: number; after?: [string, string]; status?: string; audience?: string },
  baseUrl: string,
) {
  return ctx.db.withOrg(orgId, async (tx) => {
    const rows = await repo.listSurveys(tx, orgId, q);
    const counts = await repo.countResponsesBySurvey(
      tx,
      orgId,
      rows.map((r) => r.id),
    );
    return rows.map((s) => {
      const {
        questions: _q,
        triggers: _t,
        texts: _x,
        ...summary
      } = toSurveyDto(s, {
        questions: [],
        triggers: [],
        responseCount: counts.get(s.id) ?? 0,
        baseUrl,
      });
      return summary;
    });
  });
}
