import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { BulkCasesRequest, BulkCasesResponse } from '../../../../src/http/api-types';
import { post } from '../../api/client';
import { ErrorMessage } from '../../components/error-message';
import { AssignForm } from './assign-form';

/** Actions on the cases ticked in the queue: assign them (owner, team, or both) or close them, all at once. */
export function BulkBar({ caseIds, onDone }: { caseIds: string[]; onDone: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const run = useMutation({
    mutationFn: (body: BulkCasesRequest) => post<BulkCasesResponse>('/cases/bulk', body),
    onSuccess: () => {
      onDone();
      void queryClient.invalidateQueries({ queryKey: ['cases'] });
    },
  });
  if (!caseIds.length) return null;
  return (
    <div className="card stack" data-testid="case-bulk">
      <p>{t('cases.selected', { count: caseIds.length })}</p>
      <div className="row">
        <AssignForm
          testId="case-bulk-assign"
          initial={{ ownerId: null, teamId: null }}
          busy={run.isPending}
          // In bulk an empty choice leaves that part of each case as it is.
          onAssign={(a) =>
            run.mutate({
              action: 'assign',
              caseIds,
              ...(a.ownerId && { ownerId: a.ownerId }),
              ...(a.teamId && { teamId: a.teamId }),
            })
          }
        />
        <button
          type="button"
          disabled={run.isPending}
          onClick={() => run.mutate({ action: 'close', caseIds })}
          data-testid="case-bulk-close"
        >
          {t('cases.closeSelected')}
        </button>
      </div>
      {run.isError && <ErrorMessage error={run.error} />}
    </div>
  );
}
