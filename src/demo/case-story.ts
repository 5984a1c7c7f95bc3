import type { Random } from '../lib/seeded-random';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** What happens to one demo case, and when. */
export type CaseStory = {
  openedAt: Date;
  /** The first reply to the customer; absent while nobody has answered yet. */
  repliedAt?: Date;
  /** Waiting for the customer's answer after the reply. */
  waiting?: boolean;
  resolvedAt?: Date;
  closedAt?: Date;
  replyMinutes: number;
  workMinutes: number;
};

/** A log-normal duration in hours around `median`: most quick, a few very late (SLA breaches). */
const hours = (rnd: Random, median: number, spread: number) =>
  Math.exp(Math.log(median) + spread * rnd.normal());

/**
 * A case opened for a detractor's answer: answered within hours (a few much later), resolved a
 * day or two after, closed a few days later. Cases of the last days are still open in every state.
 */
export function caseStory(rnd: Random, answeredAt: Date, now: Date): CaseStory {
  const openedAt = new Date(answeredAt.getTime() + 10 * 60_000);
  const story: CaseStory = {
    openedAt,
    replyMinutes: 10 + Math.floor(rnd.next() * 20),
    workMinutes: 15 + Math.floor(rnd.next() * 75),
  };
  const at = (h: number) => new Date(openedAt.getTime() + h * HOUR_MS);
  const firstReply = hours(rnd, 3, 1.1);
  if (at(firstReply) >= now) return story;
  story.repliedAt = at(firstReply);
  const resolution = firstReply + hours(rnd, 30, 0.9);
  // Cases of the last two weeks: some still in progress or waiting for the customer.
  if (at(resolution) >= now || (now.getTime() - openedAt.getTime() < 14 * DAY_MS && rnd.next() < 0.5)) {
    story.waiting = rnd.next() < 0.4;
    return story;
  }
  story.resolvedAt = at(resolution);
  const closing = resolution + 24 * (2 + rnd.next() * 5);
  if (at(closing) < now && rnd.next() < 0.7) story.closedAt = at(closing);
  return story;
}
