import { LOCALES, type Locale } from '../../../../i18n/locales';
import { html, type SafeHtml } from '../../../../lib/html';
import { surveyText } from '../../messages';

export const STYLESHEET_PATH = '/s/assets/survey.css';
export const SCRIPT_PATH = '/s/assets/survey.js';

const LANGUAGE_NAMES: Record<string, string> = { en: 'English', pl: 'Polski', cs: 'Čeština', ru: 'Русский' };

/** The page around every respondent view: language, viewport, stylesheet, the optional script. */
export function layout(o: {
  locale: Locale;
  title: string;
  body: SafeHtml;
  languageHref?: (locale: string) => string;
  languages?: readonly string[];
}) {
  const offered = LOCALES.filter((l) => !o.languages || o.languages.includes(l));
  const languages =
    o.languageHref && offered.length > 1
      ? html`<nav class="langs" aria-label="${surveyText(o.locale, 'survey.language')}">${offered.map((l) =>
          l === o.locale
            ? html`<a href="${o.languageHref!(l)}" lang="${l}" aria-current="true">${LANGUAGE_NAMES[l]}</a>`
            : html`<a href="${o.languageHref!(l)}" lang="${l}" hreflang="${l}">${LANGUAGE_NAMES[l]}</a>`,
        )}</nav>`
      : '';
  return html`<!doctype html>
<html lang="${o.locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${o.title}</title>
<link rel="stylesheet" href="${STYLESHEET_PATH}">
<script src="${SCRIPT_PATH}" defer></script>
</head>
<body>
<main>
${languages}
${o.body}
</main>
</body>
</html>`.value;
}

/** A page with a heading and one paragraph: thanks, closed, expired, already answered. */
export const messagePage = (locale: Locale, title: string, text: string) =>
  layout({ locale, title, body: html`<h1>${title}</h1><p>${text}</p>` });
