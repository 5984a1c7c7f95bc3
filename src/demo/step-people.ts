import { createRandom } from '../lib/seeded-random';
import { DEMO_LOCATION_TARGETS } from './demo-locations';
import type { DemoStaff } from './step-cases';
import type { DemoStep } from './steps';

/** What the structure step leaves for the people module's other steps (`ctx.state.people`). */
export type DemoPeople = {
  locations: { id: string; code: string; name: string }[];
  departments: { id: string; name: string }[];
  teams: { id: string; name: string; departmentId: string | null; locationId: string | null }[];
  employees: {
    id: string;
    externalId: string;
    name: string;
    jobRole: string;
    teamId: string | null;
    departmentId: string | null;
    locationId: string | null;
    managerId: string | null;
    userId: string | null;
  }[];
};

const LOCATIONS = [
  { code: 'WAW-MOK', name: 'Kompas Mokotów', city: 'Warszawa', address: 'ul. Puławska 12' },
  { code: 'WAW-SRO', name: 'Kompas Śródmieście', city: 'Warszawa', address: 'ul. Marszałkowska 84' },
  { code: 'KRK-KAZ', name: 'Kompas Kazimierz', city: 'Kraków', address: 'ul. Józefa 5' },
  { code: 'GDA-OLI', name: 'Kompas Oliwa', city: 'Gdańsk', address: 'ul. Opacka 3' },
  { code: 'ONLINE', name: 'Sklep internetowy', city: 'Warszawa', address: '', kind: 'online' as const },
];

/** Teams: a floor team per café (of different sizes), the bakery, the support desk and delivery. */
const TEAMS: { name: string; department: string; location: string | null; staff: number; role: string }[] = [
  { name: 'Sala Mokotów', department: 'Kawiarnie', location: 'WAW-MOK', staff: 9, role: 'barista' },
  { name: 'Sala Śródmieście', department: 'Kawiarnie', location: 'WAW-SRO', staff: 8, role: 'barista' },
  { name: 'Sala Kazimierz', department: 'Kawiarnie', location: 'KRK-KAZ', staff: 6, role: 'barista' },
  { name: 'Sala Oliwa', department: 'Kawiarnie', location: 'GDA-OLI', staff: 4, role: 'barista' },
  { name: 'Piekarnia centralna', department: 'Piekarnia', location: 'WAW-MOK', staff: 6, role: 'piekarz' },
  {
    name: 'Biuro obsługi klienta',
    department: 'Obsługa klienta',
    location: 'ONLINE',
    staff: 3,
    role: 'konsultant',
  },
  { name: 'Dostawy', department: 'Dostawy', location: null, staff: 4, role: 'kierowca' },
];

const FIRST = [
  'Anna',
  'Piotr',
  'Katarzyna',
  'Tomasz',
  'Magdalena',
  'Paweł',
  'Agnieszka',
  'Michał',
  'Joanna',
  'Krzysztof',
  'Ewa',
  'Jakub',
  'Monika',
  'Marcin',
  'Aleksandra',
  'Łukasz',
  'Natalia',
  'Bartosz',
  'Karolina',
  'Wojciech',
];
const LAST = [
  'Kowalska',
  'Wiśniewski',
  'Wójcik',
  'Kamiński',
  'Lewandowska',
  'Zieliński',
  'Szymańska',
  'Woźniak',
  'Dąbrowska',
  'Kozłowski',
  'Jankowska',
  'Mazur',
  'Kwiatkowska',
  'Krawczyk',
  'Piotrowska',
  'Grabowski',
];

/**
 * The café chain's structure: its cafés, bakery and online shop, departments, teams, and the people
 * in them with their managers; the support desk's users are its agents, so cases and staff meet.
 */
export const peopleStep: DemoStep = {
  name: 'people',
  available: ({ api }) => api.has('POST', '/api/v1/employees/batch'),
  async run(ctx) {
    const { api } = ctx;
    const random = createRandom(4242);
    const rnd = () => random.next();
    const locations: DemoPeople['locations'] = [];
    for (const l of LOCATIONS) {
      const row = await api.call('POST', '/api/v1/locations', {
        ...l,
        kind: l.kind ?? 'store',
        country: 'PL',
        timeZone: 'Europe/Warsaw',
        targets: DEMO_LOCATION_TARGETS[l.code] ?? {},
      });
      locations.push({ id: row.id, code: row.code, name: row.name });
    }
    const users = (ctx.state.staff as DemoStaff | undefined)?.users ?? [];
    const manager = users.find((u) => u.role === 'manager');
    const rows: Record<string, unknown>[] = [
      {
        externalId: 'K-001',
        name: 'Barbara Kompas',
        jobRole: 'dyrektor operacyjny',
        department: 'Kawiarnie',
        hiredOn: '2015-03-01',
      },
    ];
    // No two people of one location share a first name, so customers' praise can tell them apart.
    const taken = new Map<string | null, Set<string>>();
    const firstAt = (location: string | null) => {
      const used = taken.get(location) ?? new Set<string>();
      taken.set(location, used);
      const free = FIRST.filter((f) => !used.has(f));
      const first = pick(rnd, free.length ? free : FIRST);
      used.add(first);
      return first;
    };
    let n = 2;
    const id = () => `K-${String(n++).padStart(3, '0')}`;
    for (const team of TEAMS) {
      const lead = id();
      const isDesk = team.department === 'Obsługa klienta';
      rows.push({
        externalId: lead,
        name: isDesk && manager ? manager.name : `${firstAt(team.location)} ${pick(rnd, LAST)}`,
        email: isDesk && manager ? manager.email : null,
        jobRole: 'kierownik zmiany',
        team: team.name,
        department: team.department,
        locationCode: team.location,
        managerExternalId: 'K-001',
        hiredOn: dayOf(2016 + Math.floor(rnd() * 6), rnd),
      });
      for (let i = 0; i < team.staff; i++) {
        const agent = isDesk ? users.filter((u) => u.role === 'agent')[i] : undefined;
        rows.push({
          externalId: id(),
          name: agent?.name ?? `${firstAt(team.location)} ${pick(rnd, LAST)}`,
          email: agent?.email ?? null,
          jobRole: team.role,
          team: team.name,
          department: team.department,
          locationCode: team.location,
          managerExternalId: lead,
          hiredOn: dayOf(2019 + Math.floor(rnd() * 6), rnd),
          // One in twelve has left: they stay in history, out of the current staff.
          leftOn: rnd() < 1 / 12 ? dayOf(2025 + Math.floor(rnd() * 1), rnd) : null,
        });
      }
    }
    rows.push({
      externalId: id(),
      name: 'Iga Marketingowa',
      jobRole: 'specjalista ds. marketingu',
      department: 'Marketing',
      managerExternalId: 'K-001',
      hiredOn: '2022-09-01',
    });
    await api.call('POST', '/api/v1/employees/batch', { employees: rows });

    const all = async <T>(url: string) => (await api.call<{ items: T[] }>('GET', `${url}?limit=500`)).items;
    const departments = await all<DemoPeople['departments'][number]>('/api/v1/departments');
    const teams = await all<DemoPeople['teams'][number]>('/api/v1/teams');
    const employees = await all<DemoPeople['employees'][number]>('/api/v1/employees');
    // The support desk's people log in: link them to their user accounts, and the desk's manager to the team.
    for (const e of employees) {
      const user = users.find((u) => u.name === e.name);
      if (user) {
        await api.call('PATCH', `/api/v1/employees/${e.id}`, { userId: user.id });
        e.userId = user.id;
      }
    }
    const desk = teams.find((t) => t.name === 'Biuro obsługi klienta');
    if (desk && manager) await api.call('PATCH', `/api/v1/teams/${desk.id}`, { managerId: manager.id });
    ctx.state.people = { locations, departments, teams, employees } satisfies DemoPeople;
    ctx.counts.employees = employees.length;
    ctx.counts.locations = locations.length;
  },
};

const pick = <T>(rnd: () => number, list: readonly T[]) => list[Math.floor(rnd() * list.length)];
const dayOf = (year: number, rnd: () => number) =>
  `${year}-${String(1 + Math.floor(rnd() * 12)).padStart(2, '0')}-${String(1 + Math.floor(rnd() * 28)).padStart(2, '0')}`;
