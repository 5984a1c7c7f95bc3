import { useTranslation } from 'react-i18next';
import { useNow } from '../../lib/use-now';

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
  ['second', 1000],
];

/** Time left to a deadline, live: "in 2 hours", "5 minutes ago" (overdue, in red), in the reader's language. */
export function SlaTimer({ due, stopped }: { due: string | null; stopped?: boolean }) {
  const { t, i18n } = useTranslation();
  const now = useNow();
  if (!due) return <span className="muted">—</span>;
  const left = new Date(due).getTime() - now;
  const [unit, ms] = UNITS.find(([, size]) => Math.abs(left) >= size) ?? UNITS[UNITS.length - 1];
  const text = new Intl.RelativeTimeFormat(i18n.language, { numeric: 'always' }).format(
    Math.trunc(left / ms),
    unit,
  );
  const tone = stopped ? '' : left < 0 ? 'bad' : left < 3_600_000 ? 'warn' : 'good';
  return (
    <time dateTime={due} className={`badge ${tone}`} title={new Date(due).toLocaleString(i18n.language)}>
      {left < 0 && !stopped ? t('cases.overdue', { time: text }) : text}
    </time>
  );
}
