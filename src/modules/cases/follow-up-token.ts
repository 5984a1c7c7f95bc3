import { hmacSha256, safeEqual } from '../../lib/crypto';

/** How long a resolved case's "was it solved?" link answers. */
export const FOLLOW_UP_TTL_MS = 30 * 24 * 60 * 60 * 1000;

export type FollowUpClaim = { orgId: string; caseId: string; cycle: number; expiresAt: Date };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const sign = (secret: string, payload: string) => hmacSha256(secret, `case-follow-up:${payload}`);

/** A personal link token: the claim in clear (base64url) and its HMAC under the organization's secret. */
export function signFollowUpToken(secret: string, claim: FollowUpClaim): string {
  const payload = `${claim.orgId}.${claim.caseId}.${claim.cycle}.${Math.floor(claim.expiresAt.getTime() / 1000)}`;
  return `${Buffer.from(payload).toString('base64url')}.${sign(secret, payload)}`;
}

/** The claim a token makes, not yet trusted; undefined when it is not shaped like one. */
export function readFollowUpToken(
  token: string,
): (FollowUpClaim & { payload: string; sig: string }) | undefined {
  const [encoded, sig, extra] = token.split('.');
  if (!encoded || !sig || extra !== undefined || !/^[0-9a-f]{64}$/.test(sig)) return undefined;
  const payload = Buffer.from(encoded, 'base64url').toString('utf8');
  const [orgId, caseId, cycle, exp] = payload.split('.');
  if (
    !UUID.test(orgId ?? '') ||
    !UUID.test(caseId ?? '') ||
    !/^\d{1,6}$/.test(cycle ?? '') ||
    !/^\d{1,12}$/.test(exp ?? '')
  )
    return undefined;
  return { orgId, caseId, cycle: Number(cycle), expiresAt: new Date(Number(exp) * 1000), payload, sig };
}

export const verifyFollowUpToken = (secret: string, claim: { payload: string; sig: string }) =>
  safeEqual(sign(secret, claim.payload), claim.sig);
