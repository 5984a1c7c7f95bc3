import { defineEvents } from '../../events/bus';

/** The surveys module's events: their payloads (below) and what each means. */
export const surveyEvents = defineEvents({
  'response.created': { webhook: true, summary: 'A survey response was submitted or imported' },
});

declare module '../../events/bus' {
  interface DomainEvents {
    'response.created': {
      orgId: string;
      responseId: string;
      surveyId: string;
      customerId: string | null;
      audience: string;
      channel: string;
      touchpoint: string | null;
      /** The id of the location it was given at, when known: breakdowns and the leaderboard use it. */
      location?: string | null;
      locale: string;
      submittedAt: Date;
      /** Scored answers by question type: nps 0–10, csat 1–5, ces 1–7. */
      scores: { nps?: number; csat?: number; ces?: number };
      /** Open answers, for text insight and case rules. */
      texts: string[];
      answers: Record<string, unknown>;
      /**
       * Set when the respondent answered "yes, you may contact me": the e-mail and phone they gave
       * (an anonymous respondent can be reached for the closed loop through these).
       */
      contact?: { email: string | null; phone: string | null } | null;
      /** The respondent's team, when known (employee and internal surveys): eNPS breakdowns use it. */
      team?: string | null;
      /** The respondent's department, when known (employee and internal surveys). */
      department?: string | null;
    };
  }
  interface ModuleEvents {
    surveys: typeof surveyEvents;
  }
}
