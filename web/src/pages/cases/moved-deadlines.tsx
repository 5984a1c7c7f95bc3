import { useTranslation } from 'react-i18next';
import { useFormat } from '../../lib/format';

const DEADLINES = ['firstResponseDueAt', 'resolutionDueAt'] as const;

/** What a change of the SLA policy or business hours did to a case's deadlines: each one's new time. */
export function MovedDeadlines({ data }: { data: Record<string, unknown> }) {
  const { t } = useTranslation();
  const f = useFormat();
  const reason = data.reason === 'business_hours' ? 'business_hours' : 'sla_policy';
  return (
    <span>
      {' '}
      ({t(`cases.retimedBy.${reason}`)})
      {DEADLINES.map((field) => {
        const moved = data[field] as { from?: string; to?: string } | undefined;
        if (!moved?.from || !moved.to) return null;
        return (
          <span key={field} className="muted">
            {' '}
            {t(field === 'firstResponseDueAt' ? 'cases.firstResponseDue' : 'cases.resolutionDue')}:{' '}
            {f.dateTime(moved.from)} → {f.dateTime(moved.to)}
          </span>
        );
      })}
    </span>
  );
}
