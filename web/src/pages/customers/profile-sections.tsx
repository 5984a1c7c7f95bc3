import { useTranslation } from 'react-i18next';
import type { CustomerProfile } from '../../../../src/http/api-types';
import { useFormat } from '../../lib/format';
import { useLabels } from '../../lib/labels';
import { Link } from '../../lib/router';
import { BasketRecommendations } from '../loyalty/basket-recommendations';
import { ReferralOfferProfile } from '../loyalty/referral-offer-profile';
import { TierProfile } from '../loyalty/tier-profile';

/** Loyalty points, a section of a module this server does not carry: its shape is not known here. */
type PointsSection = { balance?: unknown };

/** Sections other modules add to the profile (value, points, …), shown when present. */
export function ProfileSections({ profile }: { profile: CustomerProfile }) {
  const { t } = useTranslation();
  const f = useFormat();
  const labels = useLabels();
  const value = profile.value;
  const points = profile.points as PointsSection | null | undefined;
  const latestEntries = Object.entries(profile.latestFeedback ?? {});
  return (
    <>
      {latestEntries.length > 0 && (
        <div className="card">
          <h2>{t('customers.latestFeedback')}</h2>
          <dl className="facts">
            {latestEntries.map(([metric, v]) => (
              <Fact
                key={metric}
                label={labels.metric(metric)}
                value={`${f.num(v.value)} · ${f.date(v.at)}`}
              />
            ))}
          </dl>
        </div>
      )}
      {(value || profile.serviceTier) && (
        <div className="card">
          <h2>{t('customers.value')}</h2>
          <dl className="facts">
            <dt>{t('customers.tier')}</dt>
            <dd>{labels.tier(value?.tier ?? profile.serviceTier)}</dd>
            {value && (
              <>
                <dt>{t('value.clv')}</dt>
                <dd>{f.money(value.clvMinor)}</dd>
                <dt>{t('value.profitability')}</dt>
                <dd>{f.money(value.profitabilityMinor)}</dd>
                <dt>{t('value.pAlive')}</dt>
                <dd>{f.pct(value.aliveProbability)}</dd>
                <dt>{t('value.expectedPurchases')}</dt>
                <dd>{f.num(value.expectedPurchases)}</dd>
              </>
            )}
          </dl>
        </div>
      )}
      {(profile.goodwill?.length ?? 0) > 0 && (
        <div className="card">
          <h2>{t('goodwill.title')}</h2>
          <ul>
            {profile.goodwill?.map((g) => (
              <li key={g.id}>
                <Link to={`/cases/${g.caseId}`}>{t(`goodwill.kinds.${g.kind}`)}</Link>:{' '}
                {f.money(g.amountMinor)} · {f.date(g.grantedAt)}
              </li>
            ))}
          </ul>
        </div>
      )}
      <TierProfile profile={profile} />
      <ReferralOfferProfile profile={profile} />
      <BasketRecommendations items={profile.basketRecommendations} />
      {points && typeof points.balance === 'number' && (
        <div className="card">
          <h2>{t('customers.points')}</h2>
          <p className="kpi-inline">{f.int(points.balance)}</p>
        </div>
      )}
    </>
  );
}

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </>
  );
}
