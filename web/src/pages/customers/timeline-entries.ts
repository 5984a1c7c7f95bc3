import type { CustomerProfile, CustomerTimelineItem } from '../../../../src/http/api-types';
import type { CustomerAnswer } from './customer-answers';

type OpenCase = NonNullable<CustomerProfile['openCases']>[number];

export type TimelineEntry =
  | { kind: 'event'; key: string; at: string; item: CustomerTimelineItem }
  | { kind: 'answer'; key: string; at: string; answer: CustomerAnswer }
  | { kind: 'case'; key: string; at: string; openCase: OpenCase };

/** The response a `survey_response` event records, when it names one. */
const responseIdOf = (item: CustomerTimelineItem) =>
  item.type === 'survey_response' && typeof item.data?.responseId === 'string' ? item.data.responseId : null;

/**
 * One entry per thing that happened, newest first. An answer is both a survey response and the
 * `survey_response` event it recorded on the customer: shown once, as the answer (it has the survey
 * and the comment); the event stays only for answers not listed here.
 */
export function timelineEntries(
  items: readonly CustomerTimelineItem[],
  answers: readonly CustomerAnswer[],
  cases: readonly OpenCase[],
): TimelineEntry[] {
  const answered = new Set(answers.map((a) => a.response.id));
  const entries: TimelineEntry[] = [
    ...items
      .filter((item) => !answered.has(responseIdOf(item) ?? ''))
      .map((item) => ({ kind: 'event' as const, key: `${item.kind}-${item.id}`, at: item.at, item })),
    ...answers
      .filter((a) => a.response.submittedAt)
      .map((answer) => ({
        kind: 'answer' as const,
        key: `answer-${answer.response.id}`,
        at: answer.response.submittedAt!,
        answer,
      })),
    ...cases.map((openCase) => ({
      kind: 'case' as const,
      key: `case-${openCase.id}`,
      at: openCase.createdAt,
      openCase,
    })),
  ];
  return entries.sort((a, b) => Date.parse(b.at) - Date.parse(a.at));
}
