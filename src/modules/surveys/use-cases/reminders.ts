import type { AppContext } from '../../../http/types';
import { defineJob, NO_PAYLOAD } from '../../../jobs/queue';
import { findDueReminders } from '../data/repo-invitations';
import { DEFAULT_SETTINGS } from '../data/repo-settings';
import { SEND_INVITATION_JOB } from './send-invitation';

const BATCH = 500;

/** Queues a reminder for each unanswered e-mail invitation whose organization's delay has passed. */
export const SEND_REMINDERS_JOB = defineJob({
  name: 'surveys.send-reminders',
  scope: 'system',
  payload: NO_PAYLOAD,
  handle: (ctx) => queueReminders(ctx),
});

async function queueReminders(ctx: AppContext) {
  const due = await ctx.db.asSystem((tx) =>
    findDueReminders(
      tx,
      ctx.clock.now(),
      { afterHours: DEFAULT_SETTINGS.reminderAfterHours, max: DEFAULT_SETTINGS.remindersMax },
      BATCH,
    ),
  );
  for (const inv of due) {
    await ctx.jobs.enqueue(SEND_INVITATION_JOB, {
      orgId: inv.orgId,
      payload: { invitationId: inv.id, kind: 'reminder' },
      // one job per reminder number: a second pass before it is sent queues nothing new
      dedupeKey: `survey-reminder:${inv.id}:${inv.remindersSent + 1}`,
    });
  }
  return due.length;
}
