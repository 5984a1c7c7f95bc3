import { useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Survey, SurveyInvitation } from '../../../../src/http/api-types';
import { get, type Page } from '../../api/client';
import { DataTable } from '../../components/data-table';
import { ErrorMessage } from '../../components/error-message';
import { useFormat } from '../../lib/format';
import { Link } from '../../lib/router';

/** A survey's invitations, newest first, with what became of each: sent, opened, answered, bounced… */
export function InvitationsList({ survey }: { survey: Survey }) {
  const { t } = useTranslation();
  const f = useFormat();
  const list = useInfiniteQuery({
    queryKey: ['survey', survey.id, 'invitations'],
    queryFn: ({ pageParam }) =>
      get<Page<SurveyInvitation>>(`/surveys/${survey.id}/invitations`, { limit: 50, cursor: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];
  const status = (i: SurveyInvitation) => t(`invitationStatus.${i.status}`);
  const reason = (i: SurveyInvitation) => (i.reason ? t(`skipReasons.${i.reason}`) : '');
  return (
    <section className="card stack" data-testid="invitations-list">
      <h2>{t('surveyBuilder.invitationsList')}</h2>
      {list.isError && <ErrorMessage error={list.error} />}
      <DataTable
        caption={t('surveyBuilder.invitationsList')}
        captionHidden
        rows={rows}
        rowKey={(i) => i.id}
        exportName={`invitations-${survey.publicId}`}
        columns={[
          {
            key: 'customerExternalId',
            header: t('surveyBuilder.invitation.customer'),
            render: (i) =>
              i.customerExternalId ? (
                <Link to={`/customers/${encodeURIComponent(i.customerExternalId)}`}>
                  {i.customerExternalId}
                </Link>
              ) : (
                '—'
              ),
          },
          {
            key: 'channel',
            header: t('surveyBuilder.invitation.channel'),
            value: (i) => t(`surveyBuilder.invitationChannel.${i.channel}`),
            render: (i) => t(`surveyBuilder.invitationChannel.${i.channel}`),
          },
          {
            key: 'status',
            header: t('surveyBuilder.invitation.status'),
            value: status,
            render: (i) => <span className={`badge invitation-${i.status}`}>{status(i)}</span>,
          },
          { key: 'reason', header: t('surveyBuilder.invitation.reason'), value: reason, render: reason },
          {
            key: 'createdAt',
            header: t('surveyBuilder.invitation.created'),
            value: (i) => f.dateTime(i.createdAt),
            render: (i) => f.dateTime(i.createdAt),
          },
          {
            key: 'sentAt',
            header: t('surveyBuilder.invitation.sent'),
            value: (i) => f.dateTime(i.sentAt),
            render: (i) => f.dateTime(i.sentAt),
          },
          {
            key: 'openedAt',
            header: t('surveyBuilder.invitation.opened'),
            value: (i) => f.dateTime(i.openedAt),
            render: (i) => f.dateTime(i.openedAt),
          },
          {
            key: 'answeredAt',
            header: t('surveyBuilder.invitation.answered'),
            value: (i) => f.dateTime(i.answeredAt),
            render: (i) => f.dateTime(i.answeredAt),
          },
        ]}
      />
      {list.hasNextPage && (
        <button type="button" onClick={() => void list.fetchNextPage()} disabled={list.isFetchingNextPage}>
          {t('common.more')}
        </button>
      )}
    </section>
  );
}
