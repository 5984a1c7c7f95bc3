import { createHmac } from 'node:crypto';
import { safeEqual } from '../../../lib/crypto';

/** How long a customer's link to rate the person who served them answers. */
export const SOCO_LINK_TTL_MS = 14 * 24 * 60 * 60 * 1000;

export type SocoLinkClaim = { orgId: string; linkId: string };

// Binary claim: organization (16 bytes) and link (16); expiry and use are kept with the link.
const CLAIM_BYTES = 32;

const uuidBytes = (uuid: string) => Buffer.from(uuid.replace(/-/g, ''), 'hex');
const uuidOf = (bytes: Buffer) =>
  bytes.toString('hex').replace(/^(.{8})(.{4})(.{4})(.{4})(.{12})$/, '$1-$2-$3-$4-$5');

/** 128 bits of HMAC-SHA256 under the organization's secret. */
const sign = (secret: string, payload: string) =>
  createHmac('sha256', secret)
    .update(`soco-rating:${payload}`)
    .digest()
    .subarray(0, 16)
    .toString('base64url');

/** A link's token: the claim (base64url, 43 characters) and its signature (22). */
export function signSocoLinkToken(secret: string, claim: SocoLinkClaim): string {
  const bytes = Buffer.alloc(CLAIM_BYTES);
  uuidBytes(claim.orgId).copy(bytes, 0);
  uuidBytes(claim.linkId).copy(bytes, 16);
  const payload = bytes.toString('base64url');
  return `${payload}.${sign(secret, payload)}`;
}

/** The claim a token makes, not yet trusted; undefined when it is not shaped like one. */
export function readSocoLinkToken(
  token: string,
): (SocoLinkClaim & { payload: string; sig: string }) | undefined {
  const [payload, sig, extra] = token.split('.');
  if (!payload || !sig || extra !== undefined || !/^[\w-]{43}$/.test(payload) || !/^[\w-]{22}$/.test(sig)) {
    return undefined;
  }
  const bytes = Buffer.from(payload, 'base64url');
  if (bytes.length !== CLAIM_BYTES) return undefined;
  return { orgId: uuidOf(bytes.subarray(0, 16)), linkId: uuidOf(bytes.subarray(16, 32)), payload, sig };
}

export const verifySocoLinkToken = (secret: string, claim: { payload: string; sig: string }) =>
  safeEqual(sign(secret, claim.payload), claim.sig);
