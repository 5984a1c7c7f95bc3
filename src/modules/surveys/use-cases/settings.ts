import type { z } from 'zod';
import type { AppContext } from '../../../http/types';
import { notFound } from '../../../lib/errors';
import { findOrgProfile } from '../../orgs/api';
import { findSettings, type SurveySettings, saveSettings } from '../data/repo-settings';
import type { ZSurveySettingsSchema, ZUpdateSurveySettingsRequestSchema } from '../http/schemas';

type SettingsDto = z.infer<typeof ZSurveySettingsSchema>;

const toDto = (s: SurveySettings): SettingsDto => ({
  contactCap: { maxContacts: s.contactCapMax, windowDays: s.contactCapDays },
  reminders: { afterHours: s.reminderAfterHours, max: s.remindersMax },
  linkValidDays: s.linkValidDays,
});

export const getSettings = (ctx: AppContext, orgId: string) =>
  ctx.db.withOrg(orgId, async (tx) => toDto(await findSettings(tx, orgId)));

/** Changes the named settings; the rest keep their values. */
export function updateSettings(
  ctx: AppContext,
  orgId: string,
  patch: z.output<typeof ZUpdateSurveySettingsRequestSchema>,
) {
  return ctx.db.withOrg(orgId, async (tx) => {
    const s = await findSettings(tx, orgId);
    const next: SurveySettings = {
      contactCapMax: patch.contactCap?.maxContacts ?? s.contactCapMax,
      contactCapDays: patch.contactCap?.windowDays ?? s.contactCapDays,
      reminderAfterHours: patch.reminders?.afterHours ?? s.reminderAfterHours,
      remindersMax: patch.reminders?.max ?? s.remindersMax,
      linkValidDays: patch.linkValidDays ?? s.linkValidDays,
    };
    await saveSettings(tx, orgId, next, ctx.clock.now());
    return toDto(next);
  });
}

/** What the organization's web site needs to embed the widget and sign its customers. */
export async function widgetSetup(ctx: AppContext, orgId: string, baseUrl: string) {
  const org = await ctx.db.withOrg(orgId, (tx) => findOrgProfile(tx, orgId));
  if (!org) throw notFound('organization');
  const scriptUrl = `${baseUrl}/widget.js`;
  return {
    scriptUrl,
    widgetSecret: org.widgetSecret,
    snippet: `<script src="${scriptUrl}" data-survey="PUBLIC_ID" data-customer="EXTERNAL_ID" data-signature="HMAC_SHA256_HEX" async></script>`,
  };
}
