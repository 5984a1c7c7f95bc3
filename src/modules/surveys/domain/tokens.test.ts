import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deriveKey, isWidgetSignatureValid, signToken, verifyToken, widgetSignature } from './tokens';

const key = deriveKey('test-secret-0123456789abcdef', 'survey-tokens');
const exp = new Date('2026-04-01T00:00:00Z');

describe('survey tokens', () => {
  it('round-trips ids and expiry', () => {
    fc.assert(
      fc.property(fc.array(fc.uuid(), { minLength: 1, maxLength: 4 }), (ids) => {
        const token = signToken(key, 'invitation', ids, exp);
        expect(verifyToken(key, 'invitation', ids.length, token)).toEqual({ ids, expiresAt: exp });
      }),
    );
  });

  it('refuses a changed byte, another kind, another key and garbage', () => {
    const ids = ['2f1c0a52-5b7e-4c1e-9f6e-0b2a3c4d5e6f', '7a8b9c0d-1e2f-4a3b-8c4d-5e6f7a8b9c0d'];
    const token = signToken(key, 'invitation', ids, exp);
    const raw = Buffer.from(token, 'base64url');
    for (let i = 0; i < raw.length; i++) {
      const changed = Buffer.from(raw);
      changed[i] ^= 1;
      expect(verifyToken(key, 'invitation', 2, changed.toString('base64url'))).toBeUndefined();
    }
    expect(verifyToken(key, 'unsubscribe', 2, token)).toBeUndefined();
    expect(
      verifyToken(deriveKey('another-secret-0123456789', 'survey-tokens'), 'invitation', 2, token),
    ).toBeUndefined();
    fc.assert(fc.property(fc.string(), (s) => verifyToken(key, 'invitation', 2, s) === undefined));
  });

  it('checks widget signatures in constant form', () => {
    const sig = widgetSignature('widget-secret', 'cust-1');
    expect(isWidgetSignatureValid('widget-secret', 'cust-1', sig)).toBe(true);
    expect(isWidgetSignatureValid('widget-secret', 'cust-2', sig)).toBe(false);
    expect(isWidgetSignatureValid('widget-secret', 'cust-1', undefined)).toBe(false);
    expect(isWidgetSignatureValid('widget-secret', 'cust-1', 'abc')).toBe(false);
  });
});
