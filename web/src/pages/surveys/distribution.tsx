import { useMutation, useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  CreateInvitationsRequest,
  CreateInvitationsResponse,
  CreateLinkRequest,
  CreateLinkResponse,
  DeliveryStatus,
  Survey,
  WidgetSetup,
} from '../../../../src/http/api-types';
import { get, post } from '../../api/client';
import { useCan } from '../../api/session';
import { ErrorMessage } from '../../components/error-message';
import { InvitationsList } from './invitations-list';

/** Every way to reach respondents: the public link, QR codes, personal links, e-mail, the widget. */
export function Distribution({ survey }: { survey: Survey }) {
  const { t } = useTranslation();
  const canWrite = useCan('surveys:write');
  const canSettings = useCan('settings:write');
  const [touchpoint, setTouchpoint] = useState('');
  const qr = `/api/v1/surveys/${survey.id}/qr`;
  const qs = touchpoint ? `?touchpoint=${encodeURIComponent(touchpoint)}` : '';
  const delivery = useQuery({
    queryKey: ['survey-delivery'],
    queryFn: () => get<DeliveryStatus>('/survey-settings/delivery'),
  });
  return (
    <div className="stack">
      {delivery.data?.emailConfigured === false && (
        <p className="warning" role="status" data-testid="no-email-warning">
          {t('surveyBuilder.noEmail')}
        </p>
      )}
      <div className="grid">
        <section className="card stack">
          <h2>{t('surveys.publicLink')}</h2>
          <p>
            <a href={survey.url} target="_blank" rel="noreferrer" data-testid="public-link">
              {survey.url}
            </a>
          </p>
          <button type="button" onClick={() => void navigator.clipboard?.writeText(survey.url)}>
            {t('common.copy')}
          </button>
        </section>
        <section className="card stack">
          <h2>{t('surveys.qr')}</h2>
          <label>
            {t('surveys.touchpoint')}
            <input
              value={touchpoint}
              maxLength={100}
              onChange={(e) => setTouchpoint(e.target.value.trim())}
            />
          </label>
          <img className="qr" src={`${qr}.svg${qs}`} alt={t('surveys.qrAlt', { name: survey.name })} />
          <a href={`${qr}.png${qs}${qs ? '&' : '?'}size=1024`} download={`survey-${survey.publicId}.png`}>
            {t('surveys.downloadPng')}
          </a>
        </section>
        {canWrite && <PersonalLink survey={survey} />}
        {canWrite && <Invitations survey={survey} />}
        {canSettings && <WidgetSnippet />}
      </div>
      <InvitationsList survey={survey} />
    </div>
  );
}

function PersonalLink({ survey }: { survey: Survey }) {
  const { t } = useTranslation();
  const [customer, setCustomer] = useState('');
  const create = useMutation({
    mutationFn: () =>
      post<CreateLinkResponse>(`/surveys/${survey.id}/links`, {
        customerExternalId: customer,
      } satisfies CreateLinkRequest),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate();
  };
  return (
    <form className="card stack" onSubmit={submit}>
      <h2>{t('surveys.personalLink')}</h2>
      <label>
        {t('surveys.customerId')}
        <input required maxLength={200} value={customer} onChange={(e) => setCustomer(e.target.value)} />
      </label>
      <button type="submit" disabled={create.isPending}>
        {t('surveys.createLink')}
      </button>
      {create.isError && <ErrorMessage error={create.error} />}
      {create.data && (
        <p>
          <code>{create.data.url}</code>
        </p>
      )}
    </form>
  );
}

function Invitations({ survey }: { survey: Survey }) {
  const { t } = useTranslation();
  const [ids, setIds] = useState('');
  const send = useMutation({
    mutationFn: () =>
      post<CreateInvitationsResponse>(`/surveys/${survey.id}/invitations`, {
        customerExternalIds: [...new Set(ids.split(/[\s,;]+/).filter(Boolean))].slice(0, 1000),
      } satisfies CreateInvitationsRequest),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    send.mutate();
  };
  const skipped = send.data?.results.filter((r) => r.status === 'skipped') ?? [];
  return (
    <form className="card stack" onSubmit={submit}>
      <h2>{t('surveys.invitations')}</h2>
      <label>
        {t('surveys.invitationIds')}
        <textarea required rows={3} value={ids} onChange={(e) => setIds(e.target.value)} />
      </label>
      <button type="submit" disabled={send.isPending}>
        {t('surveys.sendInvitations')}
      </button>
      {send.isError && <ErrorMessage error={send.error} />}
      {send.data && (
        <div role="status">
          <p>{t('surveys.invitationsResult', { queued: send.data.queued, skipped: send.data.skipped })}</p>
          {skipped.length > 0 && (
            <ul>
              {skipped.slice(0, 20).map((r) => (
                <li key={r.customerExternalId}>
                  {r.customerExternalId}: {t(`skipReasons.${r.reason ?? 'unknown_customer'}`)}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </form>
  );
}

function WidgetSnippet() {
  const { t } = useTranslation();
  const setup = useQuery({
    queryKey: ['widget-setup'],
    queryFn: () => get<WidgetSetup>('/survey-settings/widget'),
  });
  return (
    <section className="card stack">
      <h2>{t('surveys.widget')}</h2>
      <p className="muted">{t('surveys.widgetHelp')}</p>
      {setup.isError && <ErrorMessage error={setup.error} />}
      {setup.data && (
        <>
          <pre className="snippet">
            <code>{setup.data.snippet}</code>
          </pre>
          <button type="button" onClick={() => void navigator.clipboard?.writeText(setup.data.snippet)}>
            {t('common.copy')}
          </button>
        </>
      )}
    </section>
  );
}
