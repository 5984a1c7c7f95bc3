import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signWebhook, verifyWebhook } from './sign';

describe('webhook signatures', () => {
  const secret = 'whsec_test';
  const body = '{"type":"case.created"}';

  it('signs the timestamp and body with HMAC-SHA256', () => {
    const expected = createHmac('sha256', secret).update(`1767225600.${body}`).digest('hex');
    expect(signWebhook(secret, 1767225600, body)).toBe(`t=1767225600,v1=${expected}`);
  });

  it('verifies its own signature and refuses changed bodies, other secrets and old timestamps', () => {
    const header = signWebhook(secret, 1000, body);
    expect(verifyWebhook(secret, header, body, 1100)).toBe(true);
    expect(verifyWebhook(secret, header, `${body} `, 1100)).toBe(false);
    expect(verifyWebhook('other', header, body, 1100)).toBe(false);
    expect(verifyWebhook(secret, header, body, 1000 + 301)).toBe(false);
    expect(verifyWebhook(secret, 'garbage', body, 1000)).toBe(false);
  });
});
