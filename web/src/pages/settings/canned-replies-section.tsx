import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CannedReply, CreateCannedReplyRequest, Locale } from '../../../../src/http/api-types';
import { del, getAll, patch, post } from '../../api/client';
import { useCan } from '../../api/session';
import { DataTable } from '../../components/data-table';
import { ErrorMessage } from '../../components/error-message';
import { LOCALES } from '../../i18n/setup';

type Texts = Record<Locale, string>;
const NO_TEXTS = Object.fromEntries(LOCALES.map((l) => [l, ''])) as Texts;

/** Canned replies: ready answers an agent inserts in the reply box, each in the languages it is written in. */
export default function CannedRepliesSection() {
  const { t } = useTranslation();
  const canWrite = useCan('settings:write');
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState<CannedReply | null>(null);
  const replies = useQuery({
    queryKey: ['canned-replies'],
    queryFn: () => getAll<CannedReply>('/canned-replies'),
  });
  const remove = useMutation({
    mutationFn: (id: string) => del(`/canned-replies/${id}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['canned-replies'] }),
  });
  return (
    <div className="stack">
      <p>{t('canned.help')}</p>
      {canWrite && (
        <CannedReplyForm key={editing?.id ?? 'new'} reply={editing} onDone={() => setEditing(null)} />
      )}
      {(replies.isError || remove.isError) && <ErrorMessage error={replies.error ?? remove.error} />}
      <DataTable
        caption={t('settings.cannedReplies')}
        rows={replies.data?.items ?? []}
        rowKey={(r) => r.id}
        columns={[
          {
            key: 'name',
            header: t('canned.name'),
            render: (r: CannedReply) => <span className="free-text">{r.name}</span>,
          },
          ...LOCALES.map((l) => ({
            key: l,
            header: t(`locales.${l}`),
            value: (r: CannedReply) => r.texts[l] ?? '',
            render: (r: CannedReply) => <span className="free-text">{r.texts[l] ?? '—'}</span>,
          })),
          ...(canWrite
            ? [
                {
                  key: 'actions',
                  header: t('common.actions'),
                  value: () => '',
                  render: (r: CannedReply) => (
                    <span className="row">
                      <button type="button" onClick={() => setEditing(r)}>
                        {t('common.edit')}
                      </button>
                      <button type="button" onClick={() => remove.mutate(r.id)}>
                        {t('common.delete')}
                      </button>
                    </span>
                  ),
                },
              ]
            : []),
        ]}
      />
    </div>
  );
}

function CannedReplyForm({ reply, onDone }: { reply: CannedReply | null; onDone: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [name, setName] = useState(reply?.name ?? '');
  const [texts, setTexts] = useState<Texts>({ ...NO_TEXTS, ...reply?.texts });
  const save = useMutation({
    mutationFn: () => {
      // Only the languages written in are sent: a reply may exist in one language only.
      const body = {
        name,
        texts: Object.fromEntries(Object.entries(texts).filter(([, v]) => v.trim())),
      } satisfies CreateCannedReplyRequest;
      return reply ? patch(`/canned-replies/${reply.id}`, body) : post('/canned-replies', body);
    },
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['canned-replies'] });
      setName('');
      setTexts(NO_TEXTS);
      onDone();
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  return (
    <form className="card stack" onSubmit={submit} data-testid="canned-reply-form">
      <label>
        {t('canned.name')}
        <input required maxLength={100} value={name} onChange={(e) => setName(e.target.value)} />
      </label>
      {LOCALES.map((l) => (
        <label key={l}>
          {t(`locales.${l}`)}
          <textarea
            rows={3}
            maxLength={10_000}
            value={texts[l]}
            onChange={(e) => setTexts({ ...texts, [l]: e.target.value })}
          />
        </label>
      ))}
      <div className="row">
        <button type="submit" className="primary" disabled={save.isPending}>
          {reply ? t('common.save') : t('canned.add')}
        </button>
        {reply && (
          <button type="button" onClick={onDone}>
            {t('common.cancel')}
          </button>
        )}
      </div>
      {save.isError && <ErrorMessage error={save.error} />}
    </form>
  );
}
