import { useTranslation } from 'react-i18next';
import type { BasketRecommendation } from '../../../../src/http/api-types';
import { useFormat } from '../../lib/format';

/** The profile's recommended items, each with the basket rule behind it. */
export function BasketRecommendations({ items }: { items: readonly BasketRecommendation[] | undefined }) {
  const { t } = useTranslation();
  const f = useFormat();
  if (!items?.length) return null;
  return (
    <div className="card">
      <h2>{t('loyalty.basket.recommended')}</h2>
      <ul>
        {items.map((r) => (
          <li key={r.item}>
            <strong className="free-text">{r.name}</strong> · {t('loyalty.basket.after')}{' '}
            <span className="free-text">{r.rule.antecedentNames.join(' + ')}</span>{' '}
            <span className="muted">
              (
              {t('loyalty.basket.ruleFigures', {
                confidence: f.pct(r.rule.confidence),
                liftLower: f.num(r.rule.liftLower),
              })}
              )
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
