import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  CreateEmployeeRequest,
  CreateLocationRequest,
  CreateTeamRequest,
  Department,
  Employee,
  EmployeeBatchResponse,
  Location,
  Team,
} from '../../../../src/http/api-types';
import { api, getAll, post } from '../../api/client';
import { useCan } from '../../api/session';
import { DataTable } from '../../components/data-table';
import { ErrorMessage } from '../../components/error-message';

const KINDS = ['store', 'branch', 'outlet', 'office', 'online'] as const;
/** The columns of an HR file, as the file writes them. */
const HR_COLUMNS =
  'externalId,name,email,jobRole,team,department,locationCode,managerExternalId,hiredOn,leftOn';

/** Every location, department, team and person, with forms to add them and an HR file import. */
export default function StructureTab() {
  const { t } = useTranslation();
  const canWrite = useCan('people:write');
  const locations = useQuery({ queryKey: ['locations'], queryFn: () => getAll<Location>('/locations') });
  const departments = useQuery({
    queryKey: ['departments'],
    queryFn: () => getAll<Department>('/departments'),
  });
  const teams = useQuery({ queryKey: ['teams'], queryFn: () => getAll<Team>('/teams') });
  const employees = useQuery({ queryKey: ['employees'], queryFn: () => getAll<Employee>('/employees') });
  const nameOf = (list: { id: string; name: string }[] | undefined, id: string | null) =>
    list?.find((x) => x.id === id)?.name ?? '—';
  const error = locations.error ?? departments.error ?? teams.error ?? employees.error;
  return (
    <div className="stack">
      {error && <ErrorMessage error={error} />}
      {canWrite && <LocationForm />}
      <DataTable
        caption={t('people.locations')}
        rows={locations.data?.items ?? []}
        rowKey={(l) => l.id}
        exportName="locations"
        columns={[
          { key: 'code', header: t('people.code') },
          { key: 'name', header: t('people.name') },
          { key: 'kind', header: t('people.kind'), render: (l) => t(`people.kinds.${l.kind}`) },
          { key: 'city', header: t('people.city') },
          { key: 'timeZone', header: t('people.timeZone') },
        ]}
      />
      {canWrite && (
        <TeamForm departments={departments.data?.items ?? []} locations={locations.data?.items ?? []} />
      )}
      <DataTable
        caption={t('people.teams')}
        rows={teams.data?.items ?? []}
        rowKey={(x) => x.id}
        exportName="teams"
        columns={[
          { key: 'name', header: t('people.name') },
          {
            key: 'department',
            header: t('people.department'),
            render: (x) => nameOf(departments.data?.items, x.departmentId),
          },
          {
            key: 'location',
            header: t('people.location'),
            render: (x) => nameOf(locations.data?.items, x.locationId),
          },
          {
            key: 'size',
            header: t('people.members'),
            numeric: true,
            render: (x) => (employees.data?.items ?? []).filter((e) => e.teamId === x.id).length,
          },
        ]}
      />
      {canWrite && <EmployeeImport />}
      <DataTable
        caption={t('people.employees')}
        rows={employees.data?.items ?? []}
        rowKey={(e) => e.id}
        exportName="employees"
        columns={[
          { key: 'name', header: t('people.name') },
          { key: 'jobRole', header: t('people.jobRole') },
          { key: 'team', header: t('people.team'), render: (e) => nameOf(teams.data?.items, e.teamId) },
          {
            key: 'location',
            header: t('people.location'),
            render: (e) => nameOf(locations.data?.items, e.locationId),
          },
          {
            key: 'manager',
            header: t('people.manager'),
            render: (e) => nameOf(employees.data?.items, e.managerId),
          },
        ]}
      />
    </div>
  );
}

function useSaved(key: string) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: [key] });
}

function LocationForm() {
  const { t } = useTranslation();
  const saved = useSaved('locations');
  const [form, setForm] = useState({ code: '', name: '', kind: 'store' as (typeof KINDS)[number], city: '' });
  const save = useMutation({
    mutationFn: () => post<Location>('/locations', form satisfies CreateLocationRequest),
    onSuccess: () => {
      setForm({ code: '', name: '', kind: 'store', city: '' });
      void saved();
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  return (
    <form className="card form inline" onSubmit={submit}>
      <h2>{t('people.addLocation')}</h2>
      <label>
        {t('people.code')}
        <input required value={form.code} onChange={(e) => setForm({ ...form, code: e.target.value })} />
      </label>
      <label>
        {t('people.name')}
        <input required value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} />
      </label>
      <label>
        {t('people.kind')}
        <select
          value={form.kind}
          onChange={(e) => setForm({ ...form, kind: e.target.value as (typeof KINDS)[number] })}
        >
          {KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`people.kinds.${k}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('people.city')}
        <input value={form.city} onChange={(e) => setForm({ ...form, city: e.target.value })} />
      </label>
      <button type="submit" disabled={save.isPending}>
        {t('common.save')}
      </button>
      {save.isError && <ErrorMessage error={save.error} />}
    </form>
  );
}

function TeamForm({ departments, locations }: { departments: Department[]; locations: Location[] }) {
  const { t } = useTranslation();
  const saved = useSaved('teams');
  const [name, setName] = useState('');
  const [departmentId, setDepartmentId] = useState('');
  const [locationId, setLocationId] = useState('');
  const save = useMutation({
    mutationFn: () =>
      post<Team>('/teams', {
        name,
        departmentId: departmentId || null,
        locationId: locationId || null,
      } satisfies CreateTeamRequest),
    onSuccess: () => {
      setName('');
      void saved();
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  return (
    <form className="card form inline" onSubmit={submit}>
      <h2>{t('people.addTeam')}</h2>
      <label>
        {t('people.name')}
        <input required value={name} onChange={(e) => setName(e.target.value)} />
      </label>
      <label>
        {t('people.department')}
        <select value={departmentId} onChange={(e) => setDepartmentId(e.target.value)}>
          <option value="">{t('common.none')}</option>
          {departments.map((d) => (
            <option key={d.id} value={d.id}>
              {d.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('people.location')}
        <select value={locationId} onChange={(e) => setLocationId(e.target.value)}>
          <option value="">{t('common.none')}</option>
          {locations.map((l) => (
            <option key={l.id} value={l.id}>
              {l.name}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" disabled={save.isPending}>
        {t('common.save')}
      </button>
      {save.isError && <ErrorMessage error={save.error} />}
    </form>
  );
}

/** An HR file (CSV with a header line) or one person typed in. */
function EmployeeImport() {
  const { t } = useTranslation();
  const saved = useSaved('employees');
  const [person, setPerson] = useState({ externalId: '', name: '', jobRole: '' });
  const add = useMutation({
    mutationFn: () => post<Employee>('/employees', person satisfies CreateEmployeeRequest),
    onSuccess: () => {
      setPerson({ externalId: '', name: '', jobRole: '' });
      void saved();
    },
  });
  const upload = useMutation({
    mutationFn: async (file: File) =>
      api<EmployeeBatchResponse>('POST', '/employees/import', {
        raw: { text: await file.text(), contentType: 'text/csv' },
      }),
    onSuccess: () => saved(),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    add.mutate();
  };
  return (
    <div className="card stack">
      <h2>{t('people.addEmployee')}</h2>
      <form className="form inline" onSubmit={submit}>
        <label>
          {t('people.externalId')}
          <input
            required
            value={person.externalId}
            onChange={(e) => setPerson({ ...person, externalId: e.target.value })}
          />
        </label>
        <label>
          {t('people.name')}
          <input
            required
            value={person.name}
            onChange={(e) => setPerson({ ...person, name: e.target.value })}
          />
        </label>
        <label>
          {t('people.jobRole')}
          <input value={person.jobRole} onChange={(e) => setPerson({ ...person, jobRole: e.target.value })} />
        </label>
        <button type="submit" disabled={add.isPending}>
          {t('common.save')}
        </button>
      </form>
      <label>
        {t('people.importFile')}
        <input
          type="file"
          accept=".csv,text/csv"
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) upload.mutate(file);
          }}
        />
      </label>
      <p className="muted">{t('people.importHelp')}</p>
      <code>{HR_COLUMNS}</code>
      {upload.data && <p role="status">{t('people.imported', upload.data)}</p>}
      {(add.isError || upload.isError) && <ErrorMessage error={add.error ?? upload.error} />}
    </div>
  );
}
