import type { FastifyReply } from 'fastify';
import type { AppContext } from '../../../http/types';
import { isLocale, type Locale } from '../../../i18n/locales';
import { randomToken } from '../../../lib/crypto';
import { writtenLocales } from '../domain/check-questions';
import type { Question } from '../domain/questions';
import { surveyText } from '../messages';
import type { PublicTarget, ResponseRow } from '../use-cases/resolve-target';
import { submitResponse } from '../use-cases/submit-response';
import { readQuestions } from '../use-cases/surveys';
import type { readSurveyForm } from './form-input';
import { type FormPage, renderForm } from './page/render-form';
import { sendHtml, sendMessage } from './respondent-view';

export type PageContext = {
  ctx: AppContext;
  target: PublicTarget;
  locale: Locale;
  /** Where the form posts, and where the thank-you page is. */
  action: string;
  fields: Record<string, string | undefined>;
  languageHref?: (locale: string) => string;
  /** Keeps (or forgets) the nonce of a partial response so the respondent can come back. */
  remember?: (reply: FastifyReply, nonce: string | undefined) => void;
};

/**
 * The page speaks a language the survey is written in: the one chosen when its questions are
 * (a text still missing falls back to the default's), else the survey's default — a
 * Polish-only survey is shown in Polish, buttons included.
 */
function speakSurvey(p: PageContext, questions: Question[]): PageContext & { languages: string[] } {
  const languages = writtenLocales(questions);
  const { defaultLocale } = p.target.survey;
  const fits = languages.includes(p.locale) || !isLocale(defaultLocale);
  return { ...p, locale: fits ? p.locale : defaultLocale, languages };
}

/** Shows the form, filled with a partial response when there is one. */
export async function showForm(reply: FastifyReply, page: PageContext, partial?: ResponseRow) {
  const { orgId, survey } = page.target;
  const version = partial?.version ?? survey.currentVersion;
  const questions = await readQuestions(page.ctx, orgId, survey.id, version);
  const p = speakSurvey(page, questions);
  return sendHtml(
    reply,
    200,
    renderForm({
      locale: p.locale,
      survey,
      questions,
      answers: partial?.answers ?? {},
      action: p.action,
      nonce: partial?.nonce ?? randomToken(18),
      fields: p.fields,
      languageHref: p.languageHref,
      languages: p.languages,
    }),
  );
}

/** Stores a posted form and answers with the next view: thanks, a follow-up step, errors, or a message. */
export async function handleForm(
  reply: FastifyReply,
  page: PageContext,
  form: ReturnType<typeof readSurveyForm>,
) {
  const { orgId, survey, invitation, customer } = page.target;
  const p = speakSurvey(page, await readQuestions(page.ctx, orgId, survey.id, survey.currentVersion));
  if (form.honeypot) return sendMessage(reply, 200, p.locale, 'thanks');
  const nonce = form.nonce ?? randomToken(18);
  const outcome = await submitResponse(
    p.ctx,
    orgId,
    { survey, invitation, customerId: customer?.id },
    {
      answers: form.answers,
      nonce,
      final: form.final,
      presented: form.presented,
      channel: invitation ? (invitation.channel === 'email' ? 'email' : 'link') : form.channel,
      touchpoint: form.touchpoint,
      locationCode: form.locationCode,
      locale: p.locale,
    },
  );
  const render = async (
    status: number,
    version: number,
    view: Pick<FormPage, 'answers' | 'only' | 'notice' | 'errors'>,
  ) => {
    const questions = await readQuestions(p.ctx, orgId, survey.id, version);
    const page = {
      locale: p.locale,
      survey,
      questions,
      action: p.action,
      nonce,
      fields: p.fields,
      languageHref: p.languageHref,
      languages: p.languages,
    };
    return sendHtml(reply, status, renderForm({ ...page, ...view }));
  };
  switch (outcome.kind) {
    case 'saved':
      if (outcome.status === 'complete') {
        p.remember?.(reply, undefined);
        return reply.redirect(`${p.action}/thanks?lang=${p.locale}`, 303);
      }
      p.remember?.(reply, nonce);
      if (form.final && outcome.pending.length)
        return render(200, outcome.version, { answers: outcome.answers, only: outcome.pending });
      return render(200, outcome.version, {
        answers: outcome.answers,
        notice: surveyText(p.locale, 'survey.saved'),
      });
    case 'invalid':
      return render(400, outcome.version, { answers: outcome.answers, errors: outcome.errors });
    case 'already_answered':
      return sendMessage(reply, 409, p.locale, 'already');
    case 'closed':
      return sendMessage(reply, 410, p.locale, 'closed');
    case 'busy':
      return sendMessage(reply, 429, p.locale, 'busy');
    case 'nonce_conflict':
    case 'unknown_location':
      return showForm(reply, p);
  }
}
