import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  CreateTrainingCourseRequest,
  TrainingCompletionImport,
  TrainingCourse,
  TrainingGaps,
  TrainingMatrix,
  TrainingRequirement,
  TrainingSkill,
} from '../../../../src/http/api-types';
import { api, get, getAll, post } from '../../api/client';
import { useCan } from '../../api/session';
import { DataTable } from '../../components/data-table';
import { ErrorMessage } from '../../components/error-message';
import { keysOf } from '../../lib/domain';
import { useFormat } from '../../lib/format';
import { PersonTraining, RequirementsTable } from './training-records';

const SKILLS = keysOf<TrainingSkill>({
  empathy: true,
  personalization: true,
  problem_solving: true,
  feedback_openness: true,
  product_knowledge: true,
  complaint_handling: true,
  communication: true,
  hygiene_and_safety: true,
});

type Group = 'team' | 'location';
type GapRow = TrainingGaps['items'][number]['gaps'][number] & {
  employeeId: string;
  name: string;
  jobRole: string;
};

/** A course's name in the user's language, else in any language it has. */
function useCourseName() {
  const { i18n } = useTranslation();
  return (c: TrainingCourse | undefined) => {
    if (!c) return '—';
    const names = c.names as Record<string, string | undefined>;
    return names[i18n.language.slice(0, 2)] ?? Object.values(names).find(Boolean) ?? '—';
  };
}

/**
 * Training: the matrix per team or location (required, done, expired and missing courses with the
 * coverage), each person's gaps, the courses with the job roles that require them, one person's
 * courses and completions, and for those who may change people's records, forms to add a course or a
 * completion, removal of a requirement or a completion, and a CSV import of completions.
 */
export default function TrainingTab() {
  const { t } = useTranslation();
  const f = useFormat();
  const canWrite = useCan('people:write');
  const courseName = useCourseName();
  const [by, setBy] = useState<Group>('team');
  const matrix = useQuery({
    queryKey: ['training', 'matrix', by],
    queryFn: () => get<TrainingMatrix>('/training/matrix', { by }),
  });
  const gaps = useQuery({
    queryKey: ['training', 'gaps'],
    queryFn: () => getAll<TrainingGaps['items'][number]>('/training/gaps'),
  });
  const courses = useQuery({
    queryKey: ['training', 'courses'],
    queryFn: () => getAll<TrainingCourse>('/training/courses'),
  });
  const requirements = useQuery({
    queryKey: ['training', 'requirements'],
    queryFn: () => getAll<TrainingRequirement>('/training/requirements'),
  });
  const courseById = new Map((courses.data?.items ?? []).map((c) => [c.id, c]));
  const gapRows: GapRow[] = (gaps.data?.items ?? []).flatMap((p) =>
    p.gaps.map((g) => ({ ...g, employeeId: p.employeeId, name: p.name, jobRole: p.jobRole })),
  );
  const rolesOf = (courseId: string) =>
    (requirements.data?.items ?? [])
      .filter((r) => r.courseId === courseId)
      .map((r) => r.jobRole)
      .join(', ');
  const error = matrix.error ?? gaps.error ?? courses.error ?? requirements.error;
  return (
    <div className="stack">
      <p>{t('people.training.help')}</p>
      {error && <ErrorMessage error={error} />}
      <fieldset className="row">
        <legend>{t('people.training.matrixBy')}</legend>
        {(['team', 'location'] as const).map((g) => (
          <label key={g}>
            <input type="radio" name="training-by" checked={by === g} onChange={() => setBy(g)} />
            {t(g === 'team' ? 'people.team' : 'people.location')}
          </label>
        ))}
      </fieldset>
      <DataTable
        caption={t('people.training.matrix', { today: f.date(matrix.data?.today ?? null) })}
        rows={matrix.data?.rows ?? []}
        rowKey={(r) => r.id ?? 'none'}
        exportName={`training-matrix-${by}`}
        empty={t('people.training.nothingRequired')}
        columns={[
          {
            key: 'name',
            header: t(by === 'team' ? 'people.team' : 'people.location'),
            render: (r) => r.name ?? t('people.training.none'),
          },
          {
            key: 'required',
            header: t('people.training.required'),
            numeric: true,
            render: (r) => f.int(r.required),
          },
          { key: 'done', header: t('people.training.done'), numeric: true, render: (r) => f.int(r.done) },
          {
            key: 'expired',
            header: t('people.training.expired'),
            numeric: true,
            render: (r) => f.int(r.expired),
          },
          {
            key: 'missing',
            header: t('people.training.missing'),
            numeric: true,
            render: (r) => f.int(r.missing),
          },
          {
            key: 'coverage',
            header: t('people.training.coverage'),
            numeric: true,
            render: (r) => f.pct(r.coverage === null ? null : r.coverage / 100),
          },
        ]}
      />
      <DataTable
        caption={t('people.training.gaps')}
        rows={gapRows}
        rowKey={(g) => `${g.employeeId}-${g.courseId}`}
        exportName="training-gaps"
        empty={t('people.training.noGaps')}
        columns={[
          { key: 'name', header: t('people.name'), render: (g) => g.name },
          { key: 'jobRole', header: t('people.jobRole'), render: (g) => g.jobRole || '—' },
          {
            key: 'course',
            header: t('people.training.course'),
            render: (g) => courseName(courseById.get(g.courseId)),
          },
          {
            key: 'status',
            header: t('people.training.status'),
            render: (g) => t(`people.training.statuses.${g.status}`),
          },
          { key: 'expiresOn', header: t('people.training.expiredOn'), render: (g) => f.date(g.expiresOn) },
        ]}
      />
      <DataTable
        caption={t('people.training.courses')}
        rows={courses.data?.items ?? []}
        rowKey={(c) => c.id}
        exportName="training-courses"
        empty={t('people.training.noCourses')}
        columns={[
          { key: 'name', header: t('people.training.course'), render: (c) => courseName(c) },
          {
            key: 'builds',
            header: t('people.training.builds'),
            render: (c) => t(`people.training.skills.${c.builds}`),
          },
          {
            key: 'validity',
            header: t('people.training.validity'),
            render: (c) =>
              c.validityMonths === null
                ? t('people.training.forever')
                : t('people.training.months', { count: c.validityMonths }),
          },
          { key: 'roles', header: t('people.training.requiredFor'), render: (c) => rolesOf(c.id) || '—' },
        ]}
      />
      <RequirementsTable
        requirements={requirements.data?.items ?? []}
        courseById={courseById}
        courseName={courseName}
      />
      {canWrite && <CourseForm />}
      <PersonTraining courses={courses.data?.items ?? []} courseName={courseName} />
      {canWrite && <CompletionsImport />}
    </div>
  );
}

function CourseForm() {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const [form, setForm] = useState({ name: '', builds: 'empathy' as TrainingSkill, validity: '', roles: '' });
  const save = useMutation({
    mutationFn: async () => {
      const course = await post<TrainingCourse>('/training/courses', {
        names: { [i18n.language.slice(0, 2)]: form.name },
        builds: form.builds,
        validityMonths: form.validity ? Number(form.validity) : null,
      } satisfies CreateTrainingCourseRequest);
      for (const jobRole of form.roles
        .split(',')
        .map((r) => r.trim())
        .filter(Boolean)) {
        await post('/training/requirements', { jobRole, courseId: course.id });
      }
    },
    onSuccess: () => {
      setForm({ ...form, name: '', validity: '', roles: '' });
      void queryClient.invalidateQueries({ queryKey: ['training'] });
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  return (
    <form className="card form inline" onSubmit={submit}>
      <h2>{t('people.training.addCourse')}</h2>
      <label>
        {t('people.training.course')}
        <input
          required
          maxLength={200}
          value={form.name}
          onChange={(e) => setForm({ ...form, name: e.target.value })}
        />
      </label>
      <label>
        {t('people.training.builds')}
        <select
          value={form.builds}
          onChange={(e) => setForm({ ...form, builds: e.target.value as TrainingSkill })}
        >
          {SKILLS.map((s) => (
            <option key={s} value={s}>
              {t(`people.training.skills.${s}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('people.training.validityMonths')}
        <input
          type="number"
          min={1}
          max={600}
          value={form.validity}
          onChange={(e) => setForm({ ...form, validity: e.target.value })}
        />
      </label>
      <label>
        {t('people.training.requiredFor')}
        <input
          value={form.roles}
          placeholder={t('people.training.rolesHint')}
          onChange={(e) => setForm({ ...form, roles: e.target.value })}
        />
      </label>
      <button type="submit" disabled={save.isPending}>
        {t('common.save')}
      </button>
      {save.isError && <ErrorMessage error={save.error} />}
    </form>
  );
}

function CompletionsImport() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const send = useMutation({
    mutationFn: async (file: File) =>
      api<TrainingCompletionImport>('POST', '/training/completions/import', {
        raw: { text: await file.text(), contentType: 'text/csv' },
      }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['training'] }),
  });
  return (
    <div className="card stack">
      <h2>{t('people.training.importTitle')}</h2>
      <p>{t('people.training.importHelp')}</p>
      <label>
        {t('people.training.importFile')}
        <input
          type="file"
          accept=".csv,text/csv"
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) send.mutate(file);
          }}
        />
      </label>
      {send.isError && <ErrorMessage error={send.error} />}
      {send.data && (
        <p role="status">
          {t('people.training.imported', {
            recorded: send.data.recorded,
            already: send.data.alreadyRecorded,
          })}
        </p>
      )}
    </div>
  );
}
