import { createHmac, hkdfSync } from 'node:crypto';
import { safeEqual } from '../../../lib/crypto';

/** What a signed token is for; part of the signed bytes, so one kind never passes for another. */
export const TOKEN_KINDS = { invitation: 1, unsubscribe: 2 } as const;
export type TokenKind = keyof typeof TOKEN_KINDS;

const VERSION = 1;
const MAC_BYTES = 16;

/** A key for one purpose, derived from the instance secret (HKDF-SHA256). */
export const deriveKey = (secret: string, purpose: string) =>
  Buffer.from(hkdfSync('sha256', secret, 'orientir', purpose, 32));

const uuidBytes = (id: string) => Buffer.from(id.replace(/-/g, ''), 'hex');
const uuidOf = (b: Buffer) => {
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
};

/**
 * A compact URL-safe token: version, kind, the ids, expiry (unix seconds) and a truncated
 * HMAC-SHA256 (128 bits) over all of them.
 */
export function signToken(key: Buffer, kind: TokenKind, ids: string[], expiresAt: Date): string {
  const exp = Buffer.alloc(4);
  exp.writeUInt32BE(Math.min(0xffffffff, Math.floor(expiresAt.getTime() / 1000)));
  const body = Buffer.concat([Buffer.from([VERSION, TOKEN_KINDS[kind]]), ...ids.map(uuidBytes), exp]);
  const mac = createHmac('sha256', key).update(body).digest().subarray(0, MAC_BYTES);
  return Buffer.concat([body, mac]).toString('base64url');
}

export type VerifiedToken = { ids: string[]; expiresAt: Date };

/** The ids and expiry of a token of `kind` signed with `key`; undefined when forged or malformed. */
export function verifyToken(
  key: Buffer,
  kind: TokenKind,
  idCount: number,
  token: string,
): VerifiedToken | undefined {
  if (!/^[A-Za-z0-9_-]{1,400}$/.test(token)) return undefined;
  const raw = Buffer.from(token, 'base64url');
  const bodyLength = 2 + idCount * 16 + 4;
  if (raw.length !== bodyLength + MAC_BYTES || raw[0] !== VERSION || raw[1] !== TOKEN_KINDS[kind])
    return undefined;
  const body = raw.subarray(0, bodyLength);
  const mac = createHmac('sha256', key).update(body).digest().subarray(0, MAC_BYTES);
  if (!safeEqual(mac.toString('hex'), raw.subarray(bodyLength).toString('hex'))) return undefined;
  const ids = Array.from({ length: idCount }, (_, i) => uuidOf(raw.subarray(2 + i * 16, 18 + i * 16)));
  return { ids, expiresAt: new Date(raw.readUInt32BE(2 + idCount * 16) * 1000) };
}

/** The widget's proof that the site signed in this customer: hex HMAC-SHA256(widget secret, externalId). */
export const widgetSignature = (widgetSecret: string, externalId: string) =>
  createHmac('sha256', widgetSecret).update(externalId).digest('hex');

export function isWidgetSignatureValid(
  widgetSecret: string,
  externalId: string,
  signature: string | undefined,
) {
  return Boolean(signature) && safeEqual(widgetSignature(widgetSecret, externalId), signature!.toLowerCase());
}
