import { useTranslation } from 'react-i18next';
import type { CustomerProfile, CustomerTimelineItem } from '../../../../src/http/api-types';
import { METRICS } from '../../feedback/metric-api';
import { useFormat } from '../../lib/format';
import { useLabels } from '../../lib/labels';
import { Link } from '../../lib/router';
import { SlaTimer } from '../cases/sla-timer';
import { textAnswers } from '../surveys/responses-list';
import type { CustomerAnswer } from './customer-answers';
import { timelineEntries } from './timeline-entries';

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
  const labels = useLabels();
  const entries = timelineEntries(items, answers, cases);
  if (!entries.length) return <p className="muted">{t('common.empty')}</p>;
  return (
    <ol className="timeline">
      {entries.map((e) => (
        <li key={e.key}>
          <time dateTime={e.at}>{f.dateTime(e.at)}</time>
          {e.kind === 'event' && <EventBody item={e.item} />}
          {e.kind === 'answer' && <AnswerBody answer={e.answer} />}
          {e.kind === 'case' && (
            <span>
              <strong>{t('customers.caseOpened')}</strong>{' '}
              <Link to={`/cases/${e.openCase.id}`} className="free-text">
                {e.openCase.title}
              </Link>{' '}
              · {labels.caseStatus(e.openCase.status)} <SlaTimer due={e.openCase.nextDueAt} />
            </span>
          )}
        </li>
      ))}
    </ol>
  );
}

const NAME_SLOT = '\u0001';

function AnswerBody({ answer: { survey, response } }: { answer: CustomerAnswer }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const comment = textAnswers(survey, response);
  // The survey's name is people's text inside a translated sentence: marked apart from it.
  const [before, after = ''] = t('customers.answered', { survey: NAME_SLOT }).split(NAME_SLOT);
  return (
    <span>
      <strong>
        {before}
        <span className="free-text">{survey.name}</span>
        {after}
      </strong>
      {METRICS.map((m) =>
        response.scores[m] === undefined ? null : (
          <span key={m}>
            {' '}
            · {labels.metric(m)} {response.scores[m]}
          </span>
        ),
      )}
      {comment && <q className="free-text">{comment}</q>}
    </span>
  );
}

function EventBody({ item }: { item: CustomerTimelineItem }) {
  const { t } = useTranslation();
  const f = useFormat();
  const labels = useLabels();
  return (
    <>
      {item.kind === 'stage_change' ? (
        <span>
          {t('customers.stageChanged', {
            from: labels.stage(item.fromStage),
            to: labels.stage(item.type),
          })}
        </span>
      ) : (
        <span>
          <strong>{labels.eventType(item.type)}</strong>
          {item.amountMinor !== null && <> · {f.money(item.amountMinor, item.currency ?? undefined)}</>}
          {item.channel && <> · {labels.channel(item.channel)}</>}
          {item.touchpoint && <> · {labels.touchpoint(item.touchpoint)}</>}
          {typeof item.data?.nps === 'number' && <> · NPS {item.data.nps}</>}
          {typeof item.data?.comment === 'string' && <q className="free-text">{item.data.comment}</q>}
        </span>
      )}
    </>
  );
}
