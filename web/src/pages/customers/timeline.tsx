import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerProfile, CustomerTimelineItem } from '../../../../src/http/api-types';
import { METRICS } from '../../feedback/metric-api';
import { useFormat } from '../../lib/format';
import { Link } from '../../lib/router';
import { SlaTimer } from '../cases/sla-timer';
import { textAnswers } from '../surveys/responses-list';
import type { CustomerAnswer } from './customer-answers';

type Entry = { key: string; at: string; body: ReactNode };

/** Purchases, visits, answers, open cases and stage changes, newest first; free text shown as text. */
export function Timeline({
  items,
  answers,
  cases,
}: {
  items: CustomerTimelineItem[];
  answers: CustomerAnswer[];
  cases: NonNullable<CustomerProfile['openCases']>;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const entries: Entry[] = [
    ...items.map((item) => ({
      key: `${item.kind}-${item.id}`,
      at: item.at,
      body: <EventBody item={item} />,
    })),
    ...answers
      .filter((a) => a.response.submittedAt)
      .map(({ survey, response }) => ({
        key: `answer-${response.id}`,
        at: response.submittedAt!,
        body: (
          <span>
            <strong>{t('customers.answered', { survey: survey.name })}</strong>
            {METRICS.map((m) =>
              response.scores[m] === undefined ? null : (
                <span key={m}>
                  {' '}
                  · {t(`metrics.${m}`)} {response.scores[m]}
                </span>
              ),
            )}
            {textAnswers(survey, response) && <q className="free-text">{textAnswers(survey, response)}</q>}
          </span>
        ),
      })),
    ...cases.map((c) => ({
      key: `case-${c.id}`,
      at: c.createdAt,
      body: (
        <span>
          <strong>{t('customers.caseOpened')}</strong> <Link to={`/cases/${c.id}`}>{c.title}</Link> ·{' '}
          {t(`caseStatus.${c.status}`)} <SlaTimer due={c.nextDueAt} />
        </span>
      ),
    })),
  ].sort((a, b) => (a.at < b.at ? 1 : -1));
  if (!entries.length) return <p className="muted">{t('common.empty')}</p>;
  return (
    <ol className="timeline">
      {entries.map((e) => (
        <li key={e.key}>
          <time dateTime={e.at}>{f.dateTime(e.at)}</time>
          {e.body}
        </li>
      ))}
    </ol>
  );
}

function EventBody({ item }: { item: CustomerTimelineItem }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <>
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
    </>
  );
}
