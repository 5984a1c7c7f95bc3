import { describe, expect, it } from 'vitest';
import { customerFromCsv, eventFromCsv } from './map-csv-row';

describe('CSV rows to batch items', () => {
  it('reads customer columns by loose names, consent flags and attributes', () => {
    expect(
      customerFromCsv({
        external_id: 'c1',
        'E-mail': 'a@b.example',
        Name: '',
        'consent.email': 'Yes',
        'consent.sms': '0',
        'attributes.tier': 'gold',
        city: 'Brno',
      }),
    ).toEqual({
      externalId: 'c1',
      email: 'a@b.example',
      consent: { email: true, sms: false },
      attributes: { tier: 'gold', city: 'Brno' },
    });
    expect(customerFromCsv({ externalId: 'c2', attributes: '{"a":1}', 'consent.push': 'maybe' })).toEqual({
      externalId: 'c2',
      attributes: { a: 1 },
      consent: { push: 'maybe' }, // left as text: validation names consent.push
    });
  });

  it('reads event columns, numbers in amount and data.*, JSON in items', () => {
    expect(
      eventFromCsv({
        id: 'e1',
        type: 'survey_response',
        customer: 'c1',
        occurred_at: '2026-01-01T00:00:00Z',
        amount: '',
        'data.nps': '9',
        'data.comment': 'ok',
        items: '[{"sku":"x"}]',
        store: 'Praha 1',
      }),
    ).toEqual({
      id: 'e1',
      type: 'survey_response',
      customerExternalId: 'c1',
      occurredAt: '2026-01-01T00:00:00Z',
      items: [{ sku: 'x' }],
      data: { nps: 9, comment: 'ok', store: 'Praha 1' },
    });
    expect(eventFromCsv({ amount: '12.5' }).amount).toBe(12.5); // refused later: not minor units
    expect(eventFromCsv({ amount: '12a' }).amount).toBe('12a');
  });
});
