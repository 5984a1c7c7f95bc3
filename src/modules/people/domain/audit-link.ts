import { createHmac, timingSafeEqual } from 'node:crypto';

// A mystery shopper's link: organization (16 bytes), visit (16) and expiry in Unix seconds (4),
// signed with HMAC-SHA256 under the visit's own secret, so a link opens that one visit only.
const CLAIM_BYTES = 36;

export type ShopperClaim = { orgId: string; visitId: string; expiresAt: Date };

const uuidBytes = (uuid: string) => Buffer.from(uuid.replace(/-/g, ''), 'hex');
const uuidOf = (bytes: Buffer) =>
  bytes.toString('hex').replace(/^(.{8})(.{4})(.{4})(.{4})(.{12})$/, '$1-$2-$3-$4-$5');
const sign = (secret: string, payload: string) =>
  createHmac('sha256', secret)
    .update(`audit-visit:${payload}`)
    .digest()
    .subarray(0, 16)
    .toString('base64url');

export function signShopperToken(secret: string, claim: ShopperClaim): string {
  const bytes = Buffer.alloc(CLAIM_BYTES);
  uuidBytes(claim.orgId).copy(bytes, 0);
  uuidBytes(claim.visitId).copy(bytes, 16);
  bytes.writeUInt32BE(Math.floor(claim.expiresAt.getTime() / 1000), 32);
  const payload = bytes.toString('base64url');
  return `${payload}.${sign(secret, payload)}`;
}

/** The claim a token makes, not yet trusted; undefined when it is not shaped like one. */
export function readShopperToken(
  token: string,
): (ShopperClaim & { payload: string; sig: string }) | undefined {
  const [payload, sig, extra] = token.split('.');
  if (!payload || !sig || extra !== undefined || !/^[\w-]{48}$/.test(payload) || !/^[\w-]{22}$/.test(sig))
    return undefined;
  const bytes = Buffer.from(payload, 'base64url');
  if (bytes.length !== CLAIM_BYTES) return undefined;
  return {
    orgId: uuidOf(bytes.subarray(0, 16)),
    visitId: uuidOf(bytes.subarray(16, 32)),
    expiresAt: new Date(bytes.readUInt32BE(32) * 1000),
    payload,
    sig,
  };
}

export function verifyShopperToken(secret: string, claim: { payload: string; sig: string }) {
  const a = Buffer.from(sign(secret, claim.payload));
  const b = Buffer.from(claim.sig);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Images a visit may carry, told by their first bytes (not by what the sender claims). */
export function imageTypeOf(bytes: Uint8Array): 'image/jpeg' | 'image/png' | 'image/webp' | undefined {
  const at = (i: number, ...b: number[]) => b.every((x, k) => bytes[i + k] === x);
  if (bytes.length >= 3 && at(0, 0xff, 0xd8, 0xff)) return 'image/jpeg';
  if (bytes.length >= 8 && at(0, 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'image/png';
  if (bytes.length >= 12 && at(0, 0x52, 0x49, 0x46, 0x46) && at(8, 0x57, 0x45, 0x42, 0x50))
    return 'image/webp';
  return undefined;
}

/** A photo's largest size. */
export const PHOTO_MAX_BYTES = 5 * 1024 * 1024;
