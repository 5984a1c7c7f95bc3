import { randomBytes } from 'node:crypto';
import QRCode from 'qrcode';
import type { Executor } from '../../../db/database';
import { decodeCursor, type PageQuery, pageOf } from '../../../http/pagination';
import type { AppContext } from '../../../http/types';
import { type Locale, pickLocale } from '../../../i18n/locales';
import { AppError, invalid, notFound } from '../../../lib/errors';
import { openCorrectiveCaseInTx } from '../../cases/api';
import { findOrgLocaleSettings, findUserRef } from '../../orgs/api';
import * as repo from '../data/repo-audits';
import {
  imageTypeOf,
  PHOTO_MAX_BYTES,
  readShopperToken,
  signShopperToken,
  verifyShopperToken,
} from '../domain/audit-link';
import { type AuditItem, type AuditResult, itemText, scoreVisit } from '../domain/audit-scoring';
import { auditText } from '../messages';

// Service audits: checklists, visits by an auditor or a mystery shopper, their scores and the
// corrective-action case a failed critical item opens.

export type AuditChecklist = Omit<repo.AuditChecklistRow, 'orgId'>;
export type AuditAnswer = { itemId: string; result: AuditResult; note?: string | null };
/** A photo of a visit as it arrives: its bytes and the item it shows (if any). */
export type PhotoUpload = { bytes: Buffer; itemId?: string | null };

const MAX_PHOTOS_PER_VISIT = 40;
const LINK_DAYS_DEFAULT = 14;

type ItemInput = Omit<AuditItem, 'id'> & { id?: string };

/** Items get a short id of their own when the client gives none; ids are unique in a checklist. */
function itemsWithIds(items: ItemInput[], field = 'body.items'): AuditItem[] {
  const seen = new Set<string>();
  return items.map((item, i) => {
    const id = item.id ?? `i${randomBytes(4).toString('hex')}`;
    if (seen.has(id)) throw invalid(`${field}.${i}.id`, `repeats the id "${id}"`);
    seen.add(id);
    return { ...item, id };
  });
}

async function checkChecklistRefs(
  tx: Executor,
  orgId: string,
  b: { locationId?: string | null; ownerId?: string | null },
) {
  if (b.locationId && !(await repo.findLocationName(tx, orgId, b.locationId)))
    throw invalid('body.locationId', 'is not a location of this organization');
  if (b.ownerId && !(await findUserRef(tx, orgId, b.ownerId)))
    throw invalid('body.ownerId', 'is not a user of this organization');
}

const nameTaken = (name: string) =>
  new AppError('conflict', `name: a checklist named "${name}" already exists`, [
    { field: 'body.name', message: 'is taken' },
  ]);

const publicChecklist = ({ orgId: _o, ...c }: repo.AuditChecklistRow): AuditChecklist => c;

export const listAuditChecklists = (ctx: AppContext, orgId: string) =>
  ctx.db.withOrg(orgId, async (tx) => ({
    items: (await repo.listChecklists(tx, orgId)).map(publicChecklist),
  }));

export async function getAuditChecklist(ctx: AppContext, orgId: string, id: string) {
  const row = await ctx.db.withOrg(orgId, (tx) => repo.findChecklist(tx, orgId, id));
  if (!row) throw notFound('checklist');
  return publicChecklist(row);
}

export type ChecklistInput = {
  name: string;
  locationId?: string | null;
  channel?: string | null;
  items: ItemInput[];
  ownerId?: string | null;
  dueDays?: number;
  active?: boolean;
};

export function createAuditChecklist(ctx: AppContext, orgId: string, b: ChecklistInput) {
  return ctx.db.withOrg(orgId, async (tx) => {
    await checkChecklistRefs(tx, orgId, b);
    const now = ctx.clock.now();
    const row = await repo.insertChecklist(tx, orgId, {
      name: b.name,
      locationId: b.locationId ?? null,
      channel: b.channel ?? null,
      items: itemsWithIds(b.items),
      version: 1,
      ownerId: b.ownerId ?? null,
      dueDays: b.dueDays ?? 7,
      active: b.active ?? true,
      createdAt: now,
      updatedAt: now,
    });
    if (!row) throw nameTaken(b.name);
    return publicChecklist(row);
  });
}

/**
 * Changes a checklist. New items raise its version; visits already planned keep the items they
 * were planned with, so their scores never change.
 */
export function changeAuditChecklist(
  ctx: AppContext,
  orgId: string,
  id: string,
  patch: Partial<ChecklistInput>,
) {
  return ctx.db.withOrg(orgId, async (tx) => {
    const current = await repo.findChecklist(tx, orgId, id, true);
    if (!current) throw notFound('checklist');
    await checkChecklistRefs(tx, orgId, patch);
    if (patch.name && patch.name !== current.name) {
      const holder = await repo.findChecklistByName(tx, orgId, patch.name);
      if (holder && holder.id !== id) throw nameTaken(patch.name);
    }
    const { items, ...rest } = patch;
    const row = await repo.updateChecklist(tx, orgId, id, {
      ...rest,
      ...(items && { items: itemsWithIds(items), version: current.version + 1 }),
      updatedAt: ctx.clock.now(),
    });
    return publicChecklist(row!);
  });
}

/** A checklist without visits is deleted; one with visits is kept for their history (409: deactivate it). */
export function removeAuditChecklist(ctx: AppContext, orgId: string, id: string) {
  return ctx.db.withOrg(orgId, async (tx) => {
    if (!(await repo.findChecklist(tx, orgId, id, true))) throw notFound('checklist');
    if (await repo.hasVisits(tx, orgId, id))
      throw new AppError('conflict', 'id: this checklist has visits; set active to false instead');
    await repo.deleteChecklist(tx, orgId, id);
  });
}

// Visits

const visitSummary = ({ orgId: _o, secret: _s, items: _i, ...v }: repo.AuditVisitRow) => v;
export type AuditVisitSummary = ReturnType<typeof visitSummary>;

export async function listAuditVisits(
  ctx: AppContext,
  orgId: string,
  page: PageQuery,
  filter: repo.VisitFilter,
) {
  const [at, id] = decodeCursor(page.cursor, ['instant', 'uuid']) ?? [];
  const rows = await ctx.db.withOrg(orgId, (tx) =>
    repo.pageVisits(tx, orgId, page.limit, at && id ? [at, id] : undefined, filter),
  );
  return pageOf(rows.map(visitSummary), page.limit, (r) => [r.scheduledAt.toISOString(), r.id]);
}

async function visitDetail(tx: Executor, orgId: string, v: repo.AuditVisitRow) {
  return {
    ...visitSummary(v),
    items: v.items,
    answers: await repo.listAnswers(tx, orgId, v.id),
    photos: await repo.listPhotos(tx, orgId, v.id),
  };
}
export type AuditVisitDetail = Awaited<ReturnType<typeof visitDetail>>;

export function getAuditVisit(ctx: AppContext, orgId: string, id: string) {
  return ctx.db.withOrg(orgId, async (tx) => {
    const v = await repo.findVisit(tx, orgId, id);
    if (!v) throw notFound('audit visit');
    return visitDetail(tx, orgId, v);
  });
}

export type VisitInput = {
  checklistId: string;
  locationId?: string;
  kind: 'auditor' | 'shopper';
  auditorId?: string | null;
  shopperName?: string | null;
  locale?: Locale;
  scheduledAt?: Date;
};

export function createAuditVisit(ctx: AppContext, orgId: string, b: VisitInput) {
  return ctx.db.withOrg(orgId, async (tx) => {
    const checklist = await repo.findChecklist(tx, orgId, b.checklistId);
    if (!checklist) throw invalid('body.checklistId', 'is not a checklist of this organization');
    if (!checklist.active) throw invalid('body.checklistId', 'is not active');
    const locationId = b.locationId ?? checklist.locationId;
    if (!locationId)
      throw invalid('body.locationId', 'is required: the checklist is not bound to a location');
    if (!(await repo.findLocationName(tx, orgId, locationId)))
      throw invalid('body.locationId', 'is not a location of this organization');
    if (b.auditorId && !(await findUserRef(tx, orgId, b.auditorId)))
      throw invalid('body.auditorId', 'is not a user of this organization');
    const settings = await findOrgLocaleSettings(tx, orgId);
    const now = ctx.clock.now();
    const row = await repo.insertVisit(tx, orgId, {
      checklistId: checklist.id,
      checklistVersion: checklist.version,
      items: checklist.items,
      locationId,
      kind: b.kind,
      auditorId: b.auditorId ?? null,
      shopperName: b.shopperName ?? null,
      locale: b.locale ?? pickLocale(settings.defaultLocale),
      status: 'scheduled',
      scheduledAt: b.scheduledAt ?? now,
      secret: randomBytes(32).toString('base64url'),
      componentScores: {},
      createdAt: now,
    });
    return visitDetail(tx, orgId, row);
  });
}

/** A visit not yet done may be deleted; a done one is history. */
export function removeAuditVisit(ctx: AppContext, orgId: string, id: string) {
  return ctx.db.withOrg(orgId, async (tx) => {
    const v = await repo.findVisit(tx, orgId, id, true);
    if (!v) throw notFound('audit visit');
    if (v.status === 'done') throw new AppError('conflict', 'id: a done visit is kept');
    await repo.deleteVisit(tx, orgId, id);
  });
}

/**
 * Records a visit's answers, once: the visit row is locked, so of two submits (even at the same
 * moment) the second finds it done and is refused. Scores it; a failed critical item opens one
 * corrective-action case, owned by the location's team manager or the checklist's owner.
 */
async function submitInTx(
  ctx: AppContext,
  tx: Executor,
  orgId: string,
  id: string,
  answers: AuditAnswer[],
  photos: PhotoUpload[],
  field: string,
) {
  const v = await repo.findVisit(tx, orgId, id, true);
  if (!v) throw notFound('audit visit');
  if (v.status === 'done') throw new AppError('conflict', 'id: this visit has already been submitted');
  const known = new Map(v.items.map((item) => [item.id, item]));
  const results: Record<string, AuditResult> = {};
  answers.forEach((a, i) => {
    if (!known.has(a.itemId)) throw invalid(`${field}.${i}.itemId`, 'is not an item of this visit');
    if (results[a.itemId]) throw invalid(`${field}.${i}.itemId`, 'is answered twice');
    results[a.itemId] = a.result;
  });
  const missing = v.items.filter((item) => !results[item.id]);
  if (missing.length) throw invalid(field, `leaves ${missing.map((m) => m.id).join(', ')} unanswered`);
  for (const [i, p] of photos.entries()) await addPhotoInTx(ctx, tx, orgId, v, p, `photos.${i}`);
  await repo.insertAnswers(
    tx,
    orgId,
    id,
    answers.map((a) => ({ itemId: a.itemId, result: a.result, note: a.note?.trim() || null })),
  );
  const s = scoreVisit(v.items, results);
  const now = ctx.clock.now();
  let caseId: string | null = null;
  if (s.failed) caseId = await openCorrective(ctx, tx, orgId, v, s, now);
  const done = await repo.updateVisit(tx, orgId, id, {
    status: 'done',
    doneAt: now,
    score: s.score,
    componentScores: s.components,
    failed: s.failed,
    caseId,
  });
  await ctx.bus.emit(tx, 'audit.completed', {
    orgId,
    visitId: id,
    checklistId: v.checklistId,
    locationId: v.locationId,
    kind: v.kind,
    score: s.score,
    components: s.components,
    failed: s.failed,
    caseId,
  });
  return visitDetail(tx, orgId, done!);
}

async function openCorrective(
  ctx: AppContext,
  tx: Executor,
  orgId: string,
  v: repo.AuditVisitRow,
  s: ReturnType<typeof scoreVisit>,
  now: Date,
) {
  const checklist = await repo.findChecklist(tx, orgId, v.checklistId);
  const location = await repo.findLocationName(tx, orgId, v.locationId);
  const manager = await repo.findLocationManager(tx, orgId, v.locationId);
  const settings = await findOrgLocaleSettings(tx, orgId);
  const locale = pickLocale(settings.defaultLocale);
  const failedItems = v.items.filter((i) => s.failedCritical.includes(i.id)).map((i) => itemText(i, locale));
  const dueDays = checklist?.dueDays ?? 7;
  const { caseId } = await openCorrectiveCaseInTx(ctx, tx, orgId, {
    title: auditText(locale, 'caseTitle', { location: location?.name ?? '', item: failedItems[0] }).slice(
      0,
      200,
    ),
    description: auditText(locale, 'caseBody', {
      checklist: checklist?.name ?? '',
      date: now.toISOString().slice(0, 10),
      score: s.score ?? '—',
      items: failedItems.join('; '),
      visit: v.id,
    }),
    priority: 'high',
    ownerId: manager?.managerId ?? checklist?.ownerId ?? null,
    teamId: manager?.teamId ?? null,
    locationId: v.locationId,
    dueAt: new Date(now.getTime() + dueDays * 24 * 60 * 60 * 1000),
    sourceKey: `audit:${v.id}`,
    occurredAt: now,
  });
  return caseId;
}

export function submitAuditVisit(ctx: AppContext, orgId: string, id: string, answers: AuditAnswer[]) {
  return ctx.db.withOrg(orgId, (tx) => submitInTx(ctx, tx, orgId, id, answers, [], 'body.answers'));
}

// Photos

async function addPhotoInTx(
  ctx: AppContext,
  tx: Executor,
  orgId: string,
  v: repo.AuditVisitRow,
  p: PhotoUpload,
  field: string,
) {
  if (p.bytes.length === 0) throw invalid(field, 'is empty');
  if (p.bytes.length > PHOTO_MAX_BYTES)
    throw new AppError('payload_too_large', `${field}: a photo may have up to 5 MB`, [
      { field, message: 'is larger than 5 MB' },
    ]);
  const type = imageTypeOf(p.bytes);
  if (!type) throw invalid(field, 'is not a JPEG, PNG or WebP image');
  if (p.itemId && !v.items.some((i) => i.id === p.itemId))
    throw invalid(field === 'body' ? 'query.itemId' : `${field}.itemId`, 'is not an item of this visit');
  if ((await repo.countPhotos(tx, orgId, v.id)) >= MAX_PHOTOS_PER_VISIT)
    throw new AppError('conflict', `${field}: a visit holds up to ${MAX_PHOTOS_PER_VISIT} photos`);
  return repo.insertPhoto(tx, orgId, {
    visitId: v.id,
    itemId: p.itemId ?? null,
    contentType: type,
    size: p.bytes.length,
    data: p.bytes,
    createdAt: ctx.clock.now(),
  });
}

/** A photo sent as the body of a request; `bytes` is undefined when the body was not an image type. */
export function addAuditPhoto(
  ctx: AppContext,
  orgId: string,
  visitId: string,
  p: { bytes: Buffer | undefined; itemId?: string },
) {
  return ctx.db.withOrg(orgId, async (tx) => {
    const v = await repo.findVisit(tx, orgId, visitId, true);
    if (!v) throw notFound('audit visit');
    if (!p.bytes)
      throw new AppError('unsupported_media_type', 'content-type: send image/jpeg, image/png or image/webp');
    return addPhotoInTx(ctx, tx, orgId, v, { bytes: p.bytes, itemId: p.itemId }, 'body');
  });
}

export async function getAuditPhoto(ctx: AppContext, orgId: string, visitId: string, id: string) {
  const photo = await ctx.db.withOrg(orgId, (tx) => repo.findPhoto(tx, orgId, visitId, id));
  if (!photo) throw notFound('photo');
  return photo;
}

// The mystery shopper's link and page

export async function createShopperLink(
  ctx: AppContext,
  orgId: string,
  id: string,
  b: { expiresInDays?: number; locale?: Locale },
  baseUrl: string,
) {
  return ctx.db.withOrg(orgId, async (tx) => {
    const v = await repo.findVisit(tx, orgId, id, true);
    if (!v) throw notFound('audit visit');
    if (v.status === 'done') throw new AppError('conflict', 'id: this visit is already done');
    if (b.locale && b.locale !== v.locale) await repo.updateVisit(tx, orgId, id, { locale: b.locale });
    const expiresAt = new Date(
      ctx.clock.now().getTime() + (b.expiresInDays ?? LINK_DAYS_DEFAULT) * 86_400_000,
    );
    const token = signShopperToken(v.secret, { orgId, visitId: id, expiresAt });
    const url = `${baseUrl}/m/${token}`;
    const qrSvg = await QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
    return { url, token, expiresAt, qrSvg };
  });
}

export type ShopperView =
  | { state: 'invalid' | 'done' | 'thanks'; locale: Locale }
  | {
      state: 'ask';
      locale: Locale;
      location: string;
      items: AuditItem[];
      error?: 'missing' | 'badPhoto';
      missing?: number;
    };

/**
 * A link is good when it is shaped like one, has not expired, and its signature holds under the
 * secret of the visit it names: a link of another visit, a changed one or an old one opens nothing.
 */
async function trustedVisit(ctx: AppContext, tx: Executor, token: string, lock: boolean) {
  const claim = readShopperToken(token);
  if (!claim || claim.expiresAt < ctx.clock.now()) return undefined;
  const v = await repo.findVisit(tx, claim.orgId, claim.visitId, lock);
  return v && verifyShopperToken(v.secret, claim) ? v : undefined;
}

const orgOfToken = (token: string) => readShopperToken(token)?.orgId;

async function askView(tx: Executor, v: repo.AuditVisitRow, locale: Locale): Promise<ShopperView> {
  const location = await repo.findLocationName(tx, v.orgId, v.locationId);
  return { state: 'ask', locale, location: location?.name ?? '', items: v.items };
}

/** What the shopper's page shows: in the language of `?lang`, else the visit's, else the browser's (`asked`: those two). */
export async function shopperView(
  ctx: AppContext,
  token: string,
  asked: (string | undefined)[],
): Promise<ShopperView> {
  const orgId = orgOfToken(token);
  if (!orgId) return { state: 'invalid', locale: pickLocale(...asked) };
  return ctx.db.withOrg(orgId, async (tx) => {
    const v = await trustedVisit(ctx, tx, token, false);
    if (!v) return { state: 'invalid' as const, locale: pickLocale(...asked) };
    const locale = pickLocale(asked[0], v.locale, ...asked.slice(1));
    if (v.status === 'done') return { state: 'done' as const, locale };
    return askView(tx, v, locale);
  });
}

/**
 * The shopper's report: every item marked, notes and photos; once. A bad form shows the page again
 * with what is missing; nothing of it is kept.
 */
export async function submitShopperReport(
  ctx: AppContext,
  token: string,
  answers: AuditAnswer[],
  photos: PhotoUpload[],
  asked: (string | undefined)[],
): Promise<ShopperView> {
  const orgId = orgOfToken(token);
  if (!orgId) return { state: 'invalid', locale: pickLocale(...asked) };
  try {
    return await ctx.db.withOrg(orgId, async (tx) => {
      const v = await trustedVisit(ctx, tx, token, true);
      if (!v) return { state: 'invalid' as const, locale: pickLocale(...asked) };
      const locale = pickLocale(asked[0], v.locale, ...asked.slice(1));
      if (v.status === 'done') return { state: 'done' as const, locale };
      const marked = new Set(answers.map((a) => a.itemId));
      const missing = v.items.filter((i) => !marked.has(i.id)).length;
      if (missing) return { ...(await askView(tx, v, locale)), error: 'missing' as const, missing };
      const known = new Set(v.items.map((i) => i.id));
      await submitInTx(
        ctx,
        tx,
        orgId,
        v.id,
        answers.filter((a) => known.has(a.itemId)),
        photos.filter((p) => !p.itemId || known.has(p.itemId)),
        'answers',
      );
      return { state: 'thanks' as const, locale };
    });
  } catch (err) {
    if (err instanceof AppError && err.code === 'validation') {
      // Only a photo can still be refused here; show the page again.
      const view = await shopperView(ctx, token, asked);
      return view.state === 'ask' ? { ...view, error: 'badPhoto' } : view;
    }
    if (err instanceof AppError && err.code === 'payload_too_large') {
      const view = await shopperView(ctx, token, asked);
      return view.state === 'ask' ? { ...view, error: 'badPhoto' } : view;
    }
    throw err;
  }
}

// Trends

export async function auditTrends(
  ctx: AppContext,
  orgId: string,
  q: { from?: string; to?: string; locationId?: string },
) {
  const now = ctx.clock.now();
  const to = q.to ? new Date(`${q.to}T00:00:00Z`) : new Date(now.getTime() + 86_400_000);
  const from = q.from ? new Date(`${q.from}T00:00:00Z`) : new Date(to.getTime() - 366 * 86_400_000);
  if (from >= to) throw invalid('query.from', 'must be before to');
  return ctx.db.withOrg(orgId, async (tx) => {
    const { timeZone } = await findOrgLocaleSettings(tx, orgId);
    return { items: await repo.auditTrends(tx, orgId, timeZone, from, to, q.locationId) };
  });
}
