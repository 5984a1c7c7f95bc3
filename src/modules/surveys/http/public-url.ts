import type { FastifyRequest } from 'fastify';
import type { AppContext } from '../../../http/types';

/**
 * The address respondents reach the instance at: PUBLIC_URL when set, else the address of
 * the request, else (jobs without a request) the local port.
 */
export function publicBaseUrl(ctx: AppContext, req?: FastifyRequest): string {
  if (ctx.config.publicUrl) return ctx.config.publicUrl;
  if (req) return `${req.protocol}://${req.host}`;
  return `http://localhost:${ctx.config.port}`;
}

export const surveyUrl = (base: string, publicId: string) => `${base}/s/${publicId}`;
export const tokenUrl = (base: string, token: string) => `${base}/s/t/${token}`;
export const unsubscribeUrl = (base: string, token: string) => `${base}/s/u/${token}`;
