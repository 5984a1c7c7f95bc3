import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  Employee,
  EmployeeTraining,
  TrainingCompletion,
  TrainingCompletionRequest,
  TrainingCourse,
  TrainingRequirement,
} from '../../../../src/http/api-types';
import { del, get, getAll, post } from '../../api/client';
import { useCan } from '../../api/session';
import { DataTable } from '../../components/data-table';
import { ErrorMessage } from '../../components/error-message';
import { useFormat } from '../../lib/format';

type CourseName = (c: TrainingCourse | undefined) => string;

/** After a change of training records, every training figure on the page is read again. */
function useTrainingChange<T>(fn: (arg: T) => Promise<unknown>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['training'] }),
  });
}

/** Which job role requires which course; those who may change records remove a requirement here. */
export function RequirementsTable({
  requirements,
  courseById,
  courseName,
}: {
  requirements: TrainingRequirement[];
  courseById: Map<string, TrainingCourse>;
  courseName: CourseName;
}) {
  const { t } = useTranslation();
  const canWrite = useCan('people:write');
  const remove = useTrainingChange((id: string) => del(`/training/requirements/${id}`));
  return (
    <>
      {remove.error && <ErrorMessage error={remove.error} />}
      <DataTable
        caption={t('people.training.requirements')}
        rows={requirements}
        rowKey={(r) => r.id}
        exportName="training-requirements"
        empty={t('people.training.nothingRequired')}
        columns={[
          {
            key: 'jobRole',
            header: t('people.jobRole'),
            render: (r) => <span className="free-text">{r.jobRole}</span>,
          },
          {
            key: 'course',
            header: t('people.training.course'),
            render: (r) => courseName(courseById.get(r.courseId)),
          },
          ...(canWrite
            ? [
                {
                  key: 'actions',
                  header: t('common.actions'),
                  render: (r: TrainingRequirement) => (
                    <button type="button" disabled={remove.isPending} onClick={() => remove.mutate(r.id)}>
                      {t('people.training.removeRequirement', { role: r.jobRole })}
                    </button>
                  ),
                },
              ]
            : []),
        ]}
      />
    </>
  );
}

/**
 * One person's training: their required courses with today's status, and the completions on record,
 * which those who may change records add one by one or remove when recorded by mistake.
 */
export function PersonTraining({
  courses,
  courseName,
}: {
  courses: TrainingCourse[];
  courseName: CourseName;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const canWrite = useCan('people:write');
  const [employeeId, setEmployeeId] = useState('');
  const employees = useQuery({
    queryKey: ['employees', 'current'],
    queryFn: () => getAll<Employee>('/employees', { current: 'true' }),
  });
  const status = useQuery({
    queryKey: ['training', 'person', employeeId],
    queryFn: () => get<EmployeeTraining>(`/training/employees/${employeeId}`),
    enabled: employeeId !== '',
  });
  const completions = useQuery({
    queryKey: ['training', 'completions', employeeId],
    queryFn: () => getAll<TrainingCompletion>('/training/completions', { employeeId }),
    enabled: employeeId !== '',
  });
  const remove = useTrainingChange((id: string) => del(`/training/completions/${id}`));
  const courseById = new Map(courses.map((c) => [c.id, c]));
  const error = employees.error ?? status.error ?? completions.error ?? remove.error;
  return (
    <section className="stack" aria-labelledby="person-training">
      <h2 id="person-training">{t('people.training.person')}</h2>
      {error && <ErrorMessage error={error} />}
      <label>
        {t('people.name')}
        <select value={employeeId} onChange={(e) => setEmployeeId(e.target.value)}>
          <option value="">{t('people.training.choosePerson')}</option>
          {(employees.data?.items ?? []).map((e) => (
            <option key={e.id} value={e.id}>
              {e.name}
            </option>
          ))}
        </select>
      </label>
      {employeeId !== '' && (
        <>
          <DataTable
            caption={t('people.training.personRequired', { name: status.data?.employee.name ?? '' })}
            rows={status.data?.required ?? []}
            rowKey={(r) => r.courseId}
            exportName="training-person"
            empty={t('people.training.nothingRequired')}
            columns={[
              {
                key: 'course',
                header: t('people.training.course'),
                render: (r) => courseName(courseById.get(r.courseId)),
              },
              {
                key: 'status',
                header: t('people.training.status'),
                render: (r) => t(`people.training.personStatuses.${r.status}`),
              },
              {
                key: 'completedOn',
                header: t('people.training.completedOn'),
                render: (r) => f.date(r.completedOn),
              },
              {
                key: 'expiresOn',
                header: t('people.training.expiresOn'),
                render: (r) => f.date(r.expiresOn),
              },
            ]}
          />
          <DataTable
            caption={t('people.training.completions')}
            rows={completions.data?.items ?? []}
            rowKey={(c) => c.id}
            exportName="training-completions"
            empty={t('people.training.noCompletions')}
            columns={[
              {
                key: 'course',
                header: t('people.training.course'),
                render: (c) => courseName(courseById.get(c.courseId)),
              },
              {
                key: 'completedOn',
                header: t('people.training.completedOn'),
                render: (c) => f.date(c.completedOn),
              },
              {
                key: 'expiresOn',
                header: t('people.training.expiresOn'),
                render: (c) => f.date(c.expiresOn),
              },
              ...(canWrite
                ? [
                    {
                      key: 'actions',
                      header: t('common.actions'),
                      render: (c: TrainingCompletion) => (
                        <button type="button" disabled={remove.isPending} onClick={() => remove.mutate(c.id)}>
                          {t('people.training.removeCompletion')}
                        </button>
                      ),
                    },
                  ]
                : []),
            ]}
          />
          {canWrite && <CompletionForm employeeId={employeeId} courses={courses} courseName={courseName} />}
        </>
      )}
    </section>
  );
}

function CompletionForm({
  employeeId,
  courses,
  courseName,
}: {
  employeeId: string;
  courses: TrainingCourse[];
  courseName: CourseName;
}) {
  const { t } = useTranslation();
  const [courseId, setCourseId] = useState('');
  const [completedOn, setCompletedOn] = useState('');
  const record = useTrainingChange((body: TrainingCompletionRequest) => post('/training/completions', body));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    record.mutate({ employeeId, courseId, completedOn }, { onSuccess: () => setCourseId('') });
  };
  return (
    <form className="row" onSubmit={submit} aria-label={t('people.training.recordCompletion')}>
      {record.error && <ErrorMessage error={record.error} />}
      <label>
        {t('people.training.course')}
        <select required value={courseId} onChange={(e) => setCourseId(e.target.value)}>
          <option value="" />
          {courses.map((c) => (
            <option key={c.id} value={c.id}>
              {courseName(c)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('people.training.completedOn')}
        <input type="date" required value={completedOn} onChange={(e) => setCompletedOn(e.target.value)} />
      </label>
      <button type="submit" disabled={record.isPending}>
        {t('people.training.recordCompletion')}
      </button>
    </form>
  );
}
