import { isLocale, type Locale, negotiateLocale } from '../../i18n/locales';

/**
 * The respondent's language: the customer's own (personal links), else `?lang`, else the
 * browser's Accept-Language, else the survey's default.
 */
export function respondentLocale(o: {
  customerLocale?: string | null;
  lang?: string | null;
  acceptLanguage?: string;
  surveyDefault: string;
}): Locale {
  const own = o.customerLocale?.slice(0, 2).toLowerCase();
  if (isLocale(own)) return own;
  const asked = o.lang?.slice(0, 2).toLowerCase();
  if (isLocale(asked)) return asked;
  return negotiateLocale(o.acceptLanguage) ?? (isLocale(o.surveyDefault) ? o.surveyDefault : 'en');
}
