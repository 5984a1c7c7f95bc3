import { useTranslation } from 'react-i18next';
import type { CustomerProfile } from '../../../../src/http/api-types';
import { useFormat } from '../../lib/format';

/** The customer's referrals and offers on their profile: the code, referrals made, offers shown and taken. */
export function ReferralOfferProfile({ profile }: { profile: CustomerProfile }) {
  const { t } = useTranslation();
  const f = useFormat();
  const referrals = profile.referrals;
  const offers = profile.offers ?? [];
  return (
    <>
      {referrals && (referrals.code || referrals.made.length > 0 || referrals.referredBy) && (
        <div className="card">
          <h2>{t('loyalty.referrals.profileTitle')}</h2>
          {referrals.code && (
            <p>
              {t('loyalty.referrals.profileCode')} <code>{referrals.code}</code>
            </p>
          )}
          {referrals.referredBy && (
            <p>
              {t('loyalty.referrals.profileReferredBy', {
                status: t(`loyalty.referrals.status.${referrals.referredBy.status}`),
              })}
            </p>
          )}
          {referrals.made.length > 0 && (
            <ul>
              {referrals.made.map((r) => (
                <li key={r.id}>
                  {f.date(r.claimedAt)} · {t(`loyalty.referrals.status.${r.status}`)}
                  {r.reason && ` · ${t(`loyalty.referrals.reason.${r.reason}`)}`}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      {offers.length > 0 && (
        <div className="card">
          <h2>{t('loyalty.offers.profileTitle')}</h2>
          <ul>
            {offers.map((o) => (
              <li key={o.offerId}>
                <span className="free-text">{o.name}</span> · {f.date(o.exposedAt)} ·{' '}
                {o.heldOut
                  ? t('loyalty.offers.profileHeldOut')
                  : o.taken
                    ? t('loyalty.offers.profileTaken', { date: f.date(o.takenAt) })
                    : t('loyalty.offers.profileShown')}
              </li>
            ))}
          </ul>
        </div>
      )}
    </>
  );
}
