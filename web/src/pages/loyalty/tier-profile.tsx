import { useTranslation } from 'react-i18next';
import type { CustomerProfile } from '../../../../src/http/api-types';
import { useFormat } from '../../lib/format';

/** The customer's tier, what they qualified with, what is missing to the next tier, and their latest redemptions. */
export function TierProfile({ profile }: { profile: CustomerProfile }) {
  const { t } = useTranslation();
  const f = useFormat();
  const tier = profile.loyaltyTier;
  const redemptions = profile.loyaltyRedemptions ?? [];
  if (!tier && !redemptions.length) return null;
  const amount = (v: number) =>
    tier?.basis === 'spend' ? f.money(v) : t('loyalty.tiers.points', { count: v });
  return (
    <div className="card">
      <h2>{t('loyalty.tiers.profile.title')}</h2>
      {tier && (
        <dl className="facts">
          <dt>{t('loyalty.tiers.profile.tier')}</dt>
          <dd>
            {tier.tier ? (
              <>
                <span className="free-text">{tier.tier.name}</span>
                {tier.tier.since &&
                  ` · ${t('loyalty.tiers.profile.since', { date: f.date(tier.tier.since) })}`}
              </>
            ) : (
              t('loyalty.tiers.profile.noTier')
            )}
          </dd>
          <dt>{t(`loyalty.tiers.profile.qualification.${tier.basis}`)}</dt>
          <dd>{amount(tier.qualification)}</dd>
          {tier.next && (
            <>
              <dt>{t('loyalty.tiers.profile.next')}</dt>
              <dd>
                <span className="free-text">{tier.next.name}</span>:{' '}
                {t('loyalty.tiers.profile.missing', { amount: amount(tier.next.missing) })}
              </dd>
            </>
          )}
        </dl>
      )}
      {redemptions.length > 0 && (
        <>
          <h3>{t('loyalty.tiers.profile.redemptions')}</h3>
          <ul>
            {redemptions.map((r) => (
              <li key={r.id}>
                {r.rewardName ? (
                  <span className="free-text">{r.rewardName}</span>
                ) : (
                  t('loyalty.rewards.pointsOnly')
                )}
                {' · '}
                {t('loyalty.tiers.points', { count: r.points })} · {f.date(r.redeemedAt)}
                {r.status === 'cancelled' &&
                  ` · ${t('loyalty.rewards.cancelledAt', { date: f.date(r.cancelledAt) })}`}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
