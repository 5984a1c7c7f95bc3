import QRCode from 'qrcode';
import type { AppContext } from '../../../http/types';
import { invalid, notFound } from '../../../lib/errors';
import { findLocationsByCode } from '../../people/api';
import * as repo from '../data/repo-surveys';
import { surveyUrl } from '../http/public-url';

/** The address a QR code at a touchpoint opens: the survey page, marked as the qr channel. */
export async function qrTarget(
  ctx: AppContext,
  orgId: string,
  surveyId: string,
  o: { touchpoint?: string; location?: string; lang?: string },
  baseUrl: string,
) {
  const { survey, known } = await ctx.db.withOrg(orgId, async (tx) => ({
    survey: await repo.findSurvey(tx, orgId, surveyId),
    known: o.location ? await findLocationsByCode(tx, orgId, [o.location]) : new Map(),
  }));
  if (!survey) throw notFound('survey');
  if (o.location && !known.has(o.location))
    throw invalid('query.location', 'no location of the organization has this code');
  const query = new URLSearchParams({ ch: 'qr' });
  if (o.touchpoint) query.set('tp', o.touchpoint);
  if (o.location) query.set('l', o.location);
  if (o.lang) query.set('lang', o.lang);
  return `${surveyUrl(baseUrl, survey.publicId)}?${query}`;
}

// Medium error correction survives a creased receipt or a scratched counter sticker.
const OPTIONS = { errorCorrectionLevel: 'M' as const, margin: 2 };

export const qrSvg = (url: string) => QRCode.toString(url, { ...OPTIONS, type: 'svg' });
export const qrPng = (url: string, size: number) =>
  QRCode.toBuffer(url, { ...OPTIONS, type: 'png', width: size });
