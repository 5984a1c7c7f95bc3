import { z } from 'zod';
import { ZPageQuery, zPage } from '../../../http/pagination';
import { type App, principalOf } from '../../../http/types';
import { AppError } from '../../../lib/errors';
import { importEmployees, readEmployeeCsv } from '../use-cases/import-employees';
import type { StructureKind } from '../use-cases/structure';
import * as U from '../use-cases/structure';
import * as S from './schemas';

type Crud = {
  kind: StructureKind;
  path: string;
  item: z.ZodType;
  create: z.ZodType;
  update: z.ZodType;
  list?: z.ZodType;
  summary: string;
};

const CRUD: Crud[] = [
  {
    kind: 'location',
    path: '/api/v1/locations',
    item: S.ZLocationSchema,
    create: S.ZCreateLocationRequestSchema,
    update: S.ZUpdateLocationRequestSchema,
    summary: 'Stores, branches and outlets: a dimension of feedback, cases, audits and staff',
  },
  {
    kind: 'department',
    path: '/api/v1/departments',
    item: S.ZDepartmentSchema,
    create: S.ZDepartmentRequestSchema,
    update: S.ZDepartmentRequestSchema.partial().strict(),
    summary: "Departments: each other's internal clients",
  },
  {
    kind: 'team',
    path: '/api/v1/teams',
    item: S.ZTeamSchema,
    create: S.ZCreateTeamRequestSchema,
    update: S.ZUpdateTeamRequestSchema,
    summary:
      'Teams, one concept across the product: cases are assigned to them, staff surveys answer by them',
  },
  {
    kind: 'employee',
    path: '/api/v1/employees',
    item: S.ZEmployeeSchema,
    create: S.ZCreateEmployeeRequestSchema,
    update: S.ZUpdateEmployeeRequestSchema,
    list: S.ZEmployeeListQuery,
    summary: 'Staff: their team, department, location and manager, and their user account when they log in',
  },
];

/** The organization's structure: locations, departments, teams and employees, and HR imports. */
export async function structureRoutes(app: App) {
  const ctx = app.ctx;
  const orgOf = (req: Parameters<typeof principalOf>[0]) => principalOf(req).orgId;
  const read = { access: 'people:read' as const };
  const write = { access: 'people:write' as const };
  const tags = ['people'];

  for (const c of CRUD) {
    app.get(
      c.path,
      {
        config: read,
        schema: {
          tags,
          summary: c.summary,
          querystring: c.list ?? ZPageQuery,
          response: { 200: zPage(c.item) },
        },
      },
      async (req) => {
        const q = req.query as z.infer<typeof S.ZEmployeeListQuery>;
        return U.listStructure(ctx, orgOf(req), c.kind, q, q);
      },
    );
    app.post(
      c.path,
      { config: write, schema: { tags, body: c.create, response: { 201: c.item } } },
      async (req, reply) =>
        reply.code(201).send(await U.createStructure(ctx, orgOf(req), c.kind, req.body as never)),
    );
    app.get(
      `${c.path}/:id`,
      { config: read, schema: { tags, params: S.ZIdParams, response: { 200: c.item } } },
      async (req) => U.getStructure(ctx, orgOf(req), c.kind, (req.params as { id: string }).id),
    );
    app.patch(
      `${c.path}/:id`,
      { config: write, schema: { tags, params: S.ZIdParams, body: c.update, response: { 200: c.item } } },
      async (req) =>
        U.changeStructure(ctx, orgOf(req), c.kind, (req.params as { id: string }).id, req.body as never),
    );
    app.delete(
      `${c.path}/:id`,
      { config: write, schema: { tags, params: S.ZIdParams, response: { 204: z.null() } } },
      async (req, reply) => {
        await U.removeStructure(ctx, orgOf(req), c.kind, (req.params as { id: string }).id);
        return reply.code(204).send(null);
      },
    );
  }

  app.post(
    '/api/v1/employees/batch',
    {
      config: write,
      schema: {
        tags,
        summary:
          'Upsert people by external id; teams and departments by name (created when new), locations by code, managers by external id',
        body: S.ZEmployeeBatchRequestSchema,
        response: { 200: S.ZEmployeeBatchResponseSchema },
      },
    },
    async (req) => importEmployees(ctx, orgOf(req), req.body.employees),
  );

  await app.register(async (scope) => {
    scope.addContentTypeParser(
      'text/csv',
      { parseAs: 'string', bodyLimit: 5 * 1024 * 1024 },
      (_req, body, done) => done(null, body),
    );
    scope.post(
      '/api/v1/employees/import',
      {
        config: write,
        schema: {
          tags,
          summary:
            'Import an HR file (text/csv, a header line of the batch fields); a bad line refuses the file, naming it',
          response: { 200: S.ZEmployeeBatchResponseSchema },
        },
      },
      async (req) => {
        if (typeof req.body !== 'string')
          throw new AppError('unsupported_media_type', 'content-type: send text/csv');
        return importEmployees(ctx, orgOf(req), readEmployeeCsv(req.body), 'body');
      },
    );
  });
}
