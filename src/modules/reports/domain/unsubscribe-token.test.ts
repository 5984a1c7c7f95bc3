import { describe, expect, it } from 'vitest';
import { isUnsubscribeTokenValid, readUnsubscribeToken, signUnsubscribeToken } from './unsubscribe-token';

const ORG = '3f1c2b7e-0a4d-4e8b-9c1d-2e3f4a5b6c7d';
const SUB = '8a9b0c1d-2e3f-4a5b-8c7d-9e0f1a2b3c4d';

describe('unsubscribe tokens', () => {
  it('name their subscription and verify under its secret only', () => {
    const token = signUnsubscribeToken(ORG, SUB, 'secret-one');
    expect(readUnsubscribeToken(token)).toEqual({ orgId: ORG, subscriptionId: SUB });
    expect(isUnsubscribeTokenValid(token, 'secret-one')).toBe(true);
    expect(isUnsubscribeTokenValid(token, 'secret-two')).toBe(false);
  });

  it('refuse a token whose ids were changed or whose shape is wrong', () => {
    const token = signUnsubscribeToken(ORG, SUB, 'secret-one');
    const other = signUnsubscribeToken(ORG, SUB.replace('8a9b', '8a9c'), 'x');
    const forged = other.slice(0, 43) + token.slice(43);
    expect(isUnsubscribeTokenValid(forged, 'secret-one')).toBe(false);
    expect(readUnsubscribeToken('short')).toBeUndefined();
    expect(readUnsubscribeToken(`${token}A`)).toBeUndefined();
  });
});
