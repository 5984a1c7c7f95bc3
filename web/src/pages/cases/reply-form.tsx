import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AddNoteRequest, CannedReply, CaseDetail, ReplyObstacle } from '../../../../src/http/api-types';
import { ApiError, getAll, post } from '../../api/client';
import { ErrorMessage } from '../../components/error-message';

/** The text of a canned reply in the first of these languages it has, else in any it has. */
const textIn = (reply: CannedReply, languages: (string | null)[]) =>
  languages.map((l) => (l ? reply.texts[l.split('-')[0]] : undefined)).find(Boolean) ??
  Object.values(reply.texts)[0] ??
  '';

/** The server refused a reply because it cannot reach the customer (422 on body.kind). */
const isRefusedReply = (error: unknown) =>
  error instanceof ApiError &&
  error.status === 422 &&
  (error.problem.errors ?? []).some((e) => e.field === 'body.kind');

/**
 * The reply box: an internal note or a reply e-mailed to the customer, with canned replies in the
 * customer's language. A reply that cannot reach the customer is explained in words, not sent.
 */
export function ReplyForm({ c }: { c: CaseDetail }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const [text, setText] = useState('');
  const [kind, setKind] = useState<AddNoteRequest['kind']>(c.replyBlocked ? 'note' : 'reply');
  const canned = useQuery({
    queryKey: ['canned-replies'],
    queryFn: () => getAll<CannedReply>('/canned-replies'),
  });
  const add = useMutation({
    mutationFn: () => post(`/cases/${c.id}/notes`, { text, kind } satisfies AddNoteRequest),
    onSuccess: () => {
      setText('');
      void queryClient.invalidateQueries({ queryKey: ['case', c.id] });
    },
  });
  const refused: ReplyObstacle | null =
    kind === 'reply' ? (c.replyBlocked ?? (isRefusedReply(add.error) ? 'no_email' : null)) : null;
  const insert = (id: string) => {
    const reply = canned.data?.items.find((r) => r.id === id);
    if (reply)
      setText((before) => (before ? `${before}\n\n` : '') + textIn(reply, [c.customerLocale, i18n.language]));
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    add.mutate();
  };
  const replies = canned.data?.items ?? [];
  return (
    <form className="card stack" onSubmit={submit} data-testid="case-reply">
      <h2>{t('cases.addNote')}</h2>
      {replies.length > 0 && (
        <label>
          {t('cases.cannedReply')}
          <select value="" onChange={(e) => insert(e.target.value)} data-testid="case-canned-reply">
            <option value="">{t('cases.pickCannedReply')}</option>
            {replies.map((r) => (
              <option key={r.id} value={r.id}>
                {r.name}
              </option>
            ))}
          </select>
        </label>
      )}
      <label>
        {t('cases.noteText')}
        <textarea
          required
          rows={4}
          maxLength={10_000}
          value={text}
          onChange={(e) => setText(e.target.value)}
          data-testid="case-reply-text"
        />
      </label>
      <div className="row">
        <label className="check">
          <input type="radio" name="kind" checked={kind === 'note'} onChange={() => setKind('note')} />
          {t('cases.internalNote')}
        </label>
        <label className="check">
          <input
            type="radio"
            name="kind"
            checked={kind === 'reply'}
            onChange={() => setKind('reply')}
            data-testid="case-reply-kind"
          />
          {t('cases.replyToCustomer')}
        </label>
        <button
          type="submit"
          className="primary"
          disabled={add.isPending || Boolean(refused)}
          data-testid="case-reply-submit"
        >
          {kind === 'reply' ? t('cases.sendReply') : t('cases.addNote')}
        </button>
      </div>
      {kind === 'reply' && c.replyTo && (
        <p className="muted" data-testid="case-reply-to">
          {t(c.replyTo.via === 'contact' ? 'cases.replyGoesToContact' : 'cases.replyGoesTo', {
            email: c.replyTo.email,
          })}
        </p>
      )}
      {refused ? (
        <p role="alert" className="error" data-testid="case-reply-refused">
          {t(`cases.replyRefused.${refused}`)}
        </p>
      ) : (
        add.isError && <ErrorMessage error={add.error} />
      )}
    </form>
  );
}
