import type { Locale } from '../../../i18n/locales';
import { formatDayNumber } from '../../../lib/day-number';
import { reportText } from '../messages';
import type { DigestPeriod, Frequency } from './periods';

export type DigestScore = {
  metric: 'nps' | 'csat' | 'ces';
  score: number | null;
  n: number;
  ci95: [number, number] | null;
};
export type DigestTopic = { key: string; name: Record<string, string>; detractors: number };
export type DigestMove = { from: string; to: string; count: number };

/** Everything a digest says, gathered from the modules that know it. */
export type DigestFigures = {
  orgName: string;
  frequency: Frequency;
  period: DigestPeriod;
  scores: DigestScore[];
  detractorTopics: DigestTopic[];
  casesPastSla: number;
  stageMoves: DigestMove[];
};

const STAGE_KEYS = {
  potential: 'stage_potential',
  visitor: 'stage_visitor',
  buyer: 'stage_buyer',
  regular: 'stage_regular',
  loyal: 'stage_loyal',
  lost: 'stage_lost',
} as const;

/** A score in its metric's own terms: NPS signed, CSAT a percentage, CES a mean on 1–7. */
function scoreFormat(locale: Locale, metric: DigestScore['metric']) {
  if (metric === 'nps') {
    const f = new Intl.NumberFormat(locale, { maximumFractionDigits: 0, signDisplay: 'exceptZero' });
    return (v: number) => f.format(v);
  }
  if (metric === 'csat') {
    const f = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
    return (v: number) => f.format(v / 100);
  }
  const f = new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  return (v: number) => f.format(v);
}

/** The period's days as the locale writes a range of dates ("30 lis – 6 gru 2026"). */
export function periodLabel(locale: Locale, period: DigestPeriod): string {
  const dateOf = (day: number) => new Date(`${formatDayNumber(day)}T00:00:00Z`);
  const f = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
  return f.formatRange(dateOf(period.startDay), dateOf(period.endDay - 1));
}

const stageName = (locale: Locale, stage: string) =>
  stage in STAGE_KEYS ? reportText(locale, STAGE_KEYS[stage as keyof typeof STAGE_KEYS]) : stage;

/** The e-mail of one digest: subject and plain text, in the reader's language. */
export function renderDigest(
  locale: Locale,
  figures: DigestFigures,
  links: { unsubscribe: string; dashboard?: string },
): { subject: string; text: string } {
  const t = reportText;
  const period = periodLabel(locale, figures.period);
  const who = { frequency: figures.frequency, org: figures.orgName, period };
  const lines = [t(locale, 'intro', who), '', t(locale, 'scores')];
  for (const s of figures.scores) {
    const metric = s.metric.toUpperCase();
    if (s.score === null || !s.ci95) lines.push(`- ${t(locale, 'scoreNone', { metric })}`);
    else {
      const f = scoreFormat(locale, s.metric);
      lines.push(
        `- ${t(locale, 'scoreLine', { metric, score: f(s.score), low: f(s.ci95[0]), high: f(s.ci95[1]), n: s.n })}`,
      );
    }
  }
  lines.push('', t(locale, 'topics'));
  if (!figures.detractorTopics.length) lines.push(`- ${t(locale, 'topicsNone')}`);
  for (const topic of figures.detractorTopics) {
    const name = topic.name[locale] ?? topic.name.en ?? topic.key;
    lines.push(`- ${t(locale, 'topicLine', { topic: name, n: topic.detractors })}`);
  }
  lines.push('', t(locale, 'cases'), `- ${t(locale, 'casesPastSla', { n: figures.casesPastSla })}`);
  lines.push('', t(locale, 'moves'));
  if (!figures.stageMoves.length) lines.push(`- ${t(locale, 'movesNone')}`);
  for (const m of figures.stageMoves)
    lines.push(
      `- ${t(locale, 'moveLine', { from: stageName(locale, m.from), to: stageName(locale, m.to), n: m.count })}`,
    );
  lines.push('');
  if (links.dashboard) lines.push(t(locale, 'dashboard', { link: links.dashboard }));
  lines.push(t(locale, 'unsubscribe', { link: links.unsubscribe }), '');
  return { subject: t(locale, 'subject', who), text: lines.join('\n') };
}
