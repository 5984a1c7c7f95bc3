import { useTranslation } from 'react-i18next';
import { useSession } from '../api/session';
import { makeFormat } from './make-format';

export { type Format, makeFormat, minorPerMajor } from './make-format';

/** Numbers, money and dates in the chosen language's conventions and the organization's time zone. */
export function useFormat() {
  const { i18n } = useTranslation();
  const me = useSession();
  const locale = i18n.language;
  const timeZone = me.org.timeZone;
  return makeFormat(locale, timeZone, me.org.baseCurrency);
}
