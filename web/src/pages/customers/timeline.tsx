import { useTranslation } from 'react-i18next';
import { useFormat } from '../../lib/format';

export type TimelineItem = {
  kind: 'event' | 'stage_change' | string;
  at: string;
  id: string;
  type: string;
  fromStage: string | null;
  amountMinor: number | null;
  currency: string | null;
  channel: string | null;
  touchpoint: string | null;
  data: Record<string, unknown> | null;
};

/** Purchases, visits, answers, cases and stage changes, newest first; free text shown as text. */
export function Timeline({ items }: { items: TimelineItem[] }) {
  const { t } = useTranslation();
  const f = useFormat();
  if (!items.length) return <p className="muted">{t('common.empty')}</p>;
  return (
    <ol className="timeline">
      {items.map((item) => (
        <li key={`${item.kind}-${item.id}`}>
          <time dateTime={item.at}>{f.dateTime(item.at)}</time>
          {item.kind === 'stage_change' ? (
            <span>
              {t('customers.stageChanged', {
                from: item.fromStage ? t(`stages.${item.fromStage}`) : '—',
                to: t(`stages.${item.type}`),
              })}
            </span>
          ) : (
            <span>
              <strong>{t(`events.${item.type}`, { defaultValue: item.type })}</strong>
              {item.amountMinor !== null && <> · {f.money(item.amountMinor, item.currency ?? undefined)}</>}
              {item.touchpoint && <> · {item.touchpoint}</>}
              {typeof item.data?.nps === 'number' && <> · NPS {item.data.nps}</>}
              {typeof item.data?.comment === 'string' && <q className="free-text">{item.data.comment}</q>}
            </span>
          )}
        </li>
      ))}
    </ol>
  );
}
