import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Locale } from '../../../src/http/api-types';
import { LOCALES } from '../i18n/setup';

export type OrgProfile = { name: string; defaultLocale: Locale; baseCurrency: string; timeZone: string };

type Change = (e: { target: { value: string } }) => void;

const timeZones = () =>
  typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];

/**
 * An organization's name, language, currency and time zone (with the zones the browser knows
 * offered as suggestions): the first-run page and the organization settings ask the same.
 */
export function OrgProfileFields(props: {
  profile: OrgProfile;
  onChange: (key: keyof OrgProfile) => Change;
  onLocale?: Change;
}) {
  const { t } = useTranslation();
  const zonesId = useId();
  const { profile, onChange } = props;
  return (
    <>
      <label>
        {t('settings.orgName')}
        <input required maxLength={200} value={profile.name} onChange={onChange('name')} />
      </label>
      <label>
        {t('settings.defaultLocale')}
        <select value={profile.defaultLocale} onChange={props.onLocale ?? onChange('defaultLocale')}>
          {LOCALES.map((l) => (
            <option key={l} value={l}>
              {t(`locales.${l}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('settings.currency')}
        <input
          required
          pattern="[A-Z]{3}"
          maxLength={3}
          value={profile.baseCurrency}
          onChange={onChange('baseCurrency')}
        />
      </label>
      <label>
        {t('settings.timeZone')}
        <input required list={zonesId} value={profile.timeZone} onChange={onChange('timeZone')} />
        <datalist id={zonesId}>
          {timeZones().map((zone) => (
            <option key={zone} value={zone} />
          ))}
        </datalist>
      </label>
    </>
  );
}
