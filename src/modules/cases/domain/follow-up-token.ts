import { createHmac } from 'node:crypto';
import { safeEqual } from '../../../lib/crypto';

/** How long a resolved case's "was it solved?" link answers. */
export const FOLLOW_UP_TTL_MS = 30 * 24 * 60 * 60 * 1000;

export type FollowUpClaim = { orgId: string; caseId: string; cycle: number; expiresAt: Date };

// Binary claim: organization (16 bytes), case (16), cycle (2), expiry in Unix seconds (4).
const CLAIM_BYTES = 38;

const uuidBytes = (uuid: string) => Buffer.from(uuid.replace(/-/g, ''), 'hex');
const uuidOf = (bytes: Buffer) =>
  bytes.toString('hex').replace(/^(.{8})(.{4})(.{4})(.{4})(.{12})$/, '$1-$2-$3-$4-$5');

/** 128 bits of HMAC-SHA256 under the organization's secret. */
const sign = (secret: string, payload: string) =>
  createHmac('sha256', secret)
    .update(`case-follow-up:${payload}`)
    .digest()
    .subarray(0, 16)
    .toString('base64url');

/**
 * A personal link token: the claim (base64url) and its signature. Compact on purpose: it is one
 * URL path segment (74 characters), short enough for mail clients and the router.
 */
export function signFollowUpToken(secret: string, claim: FollowUpClaim): string {
  const bytes = Buffer.alloc(CLAIM_BYTES);
  uuidBytes(claim.orgId).copy(bytes, 0);
  uuidBytes(claim.caseId).copy(bytes, 16);
  bytes.writeUInt16BE(claim.cycle, 32);
  bytes.writeUInt32BE(Math.floor(claim.expiresAt.getTime() / 1000), 34);
  const payload = bytes.toString('base64url');
  return `${payload}.${sign(secret, payload)}`;
}

/** The claim a token makes, not yet trusted; undefined when it is not shaped like one. */
export function readFollowUpToken(
  token: string,
): (FollowUpClaim & { payload: string; sig: string }) | undefined {
  const [payload, sig, extra] = token.split('.');
  if (!payload || !sig || extra !== undefined || !/^[\w-]{51}$/.test(payload) || !/^[\w-]{22}$/.test(sig)) {
    return undefined;
  }
  const bytes = Buffer.from(payload, 'base64url');
  if (bytes.length !== CLAIM_BYTES) return undefined;
  return {
    orgId: uuidOf(bytes.subarray(0, 16)),
    caseId: uuidOf(bytes.subarray(16, 32)),
    cycle: bytes.readUInt16BE(32),
    expiresAt: new Date(bytes.readUInt32BE(34) * 1000),
    payload,
    sig,
  };
}

export const verifyFollowUpToken = (secret: string, claim: { payload: string; sig: string }) =>
  safeEqual(sign(secret, claim.payload), claim.sig);
