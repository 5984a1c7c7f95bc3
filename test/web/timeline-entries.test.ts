import { describe, expect, it } from 'vitest';
import type { CustomerTimelineItem } from '../../src/http/api-types';
import type { CustomerAnswer } from '../../web/src/pages/customers/customer-answers';
import { timelineEntries } from '../../web/src/pages/customers/timeline-entries';

const event = (id: string, at: string, type: string, data: Record<string, unknown> | null = null) =>
  ({
    kind: 'event',
    id,
    at,
    type,
    fromStage: null,
    amountMinor: null,
    currency: null,
    channel: null,
    touchpoint: null,
    data,
  }) as CustomerTimelineItem;

const answer = (id: string, submittedAt: string) =>
  ({
    survey: { id: 's1', name: 'After a visit' },
    response: { id, submittedAt, scores: { nps: 9 } },
  }) as unknown as CustomerAnswer;

describe("the customer's timeline", () => {
  it('shows each survey answer once, as the answer, newest first', () => {
    const entries = timelineEntries(
      [
        event('e1', '2026-03-01T10:00:00.000Z', 'purchase'),
        event('survey_response:r1', '2026-03-02T10:00:00.000Z', 'survey_response', {
          responseId: 'r1',
          nps: 9,
        }),
        event('survey_response:r2', '2026-03-03T10:00:00.000Z', 'survey_response', {
          responseId: 'r2',
          nps: 3,
        }),
      ],
      [answer('r1', '2026-03-02T10:00:00.000Z')],
      [],
    );
    expect(entries.map((e) => `${e.kind} ${e.key}`)).toEqual([
      // r2 is not among the answers listed (e.g. no access to surveys): its event stays.
      'event event-survey_response:r2',
      'answer answer-r1',
      'event event-e1',
    ]);
  });

  it('orders entries by instant whatever the offset they are written with', () => {
    const entries = timelineEntries(
      [event('a', '2026-03-02T10:00:00+02:00', 'visit'), event('b', '2026-03-02T09:30:00Z', 'visit')],
      [],
      [],
    );
    expect(entries.map((e) => e.key)).toEqual(['event-b', 'event-a']);
  });
});
