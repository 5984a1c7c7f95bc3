/** The customer registry over HTTP: batches of customers and events, the list, the profile, the GDPR export and erasure. */
import { z } from 'zod';
import { ZPageQuery, zPage } from '../../../http/pagination';
import { type App, principalOf } from '../../../http/types';
import { AppError } from '../../../lib/errors';
import { ingestEvents } from '../use-cases/ingest-events';
import { listCustomerPage } from '../use-cases/list-customers';
import { eraseCustomer, exportCustomer } from '../use-cases/privacy';
import { changeCustomer, getProfile, getTimeline } from '../use-cases/profile';
import { repeatedExternalIds, upsertCustomers } from '../use-cases/upsert-customers';
import * as S from './schemas';

const TAGS = ['customers'];

export async function customerRoutes(app: App) {
  const { ctx } = app;

  app.post(
    '/api/v1/customers/batch',
    {
      config: { access: 'customers:write' },
      schema: {
        tags: TAGS,
        summary: 'Upsert up to 10,000 customers by externalId',
        body: S.ZUpsertCustomersRequestSchema,
        response: { 200: S.ZUpsertCustomersResponseSchema },
      },
    },
    async (req) => {
      const repeated = repeatedExternalIds(req.body.customers);
      if (repeated.length) {
        const errors = repeated.map((i) => ({
          field: `body.customers.${i}.externalId`,
          message: 'appears earlier in the batch; send one row per customer',
        }));
        throw new AppError('validation', `${errors[0].field}: ${errors[0].message}`, errors);
      }
      return upsertCustomers(ctx, principalOf(req).orgId, req.body.customers);
    },
  );

  app.post(
    '/api/v1/events/batch',
    {
      config: { access: 'customers:write' },
      schema: {
        tags: TAGS,
        summary: 'Record up to 10,000 interaction events; ids already stored are skipped',
        body: S.ZRecordEventsRequestSchema,
        response: { 200: S.ZRecordEventsResponseSchema },
      },
    },
    async (req) => {
      const result = await ingestEvents(ctx, principalOf(req).orgId, req.body.events);
      if (result.errors.length) {
        const errors = result.errors.map((e) => ({
          field: `body.events.${e.index}.${e.field}`,
          message: e.message,
        }));
        throw new AppError('unprocessable', `${errors[0].field}: ${errors[0].message}`, errors);
      }
      return {
        received: req.body.events.length,
        stored: result.stored,
        duplicates: result.duplicates,
        customersCreated: result.customersCreated,
      };
    },
  );

  app.get(
    '/api/v1/customers',
    {
      config: { access: 'customers:read' },
      schema: {
        tags: TAGS,
        summary: 'List and search customers',
        querystring: S.ZListCustomersQuery,
        response: { 200: zPage(S.ZCustomerListItemSchema) },
      },
    },
    async (req) => {
      const page = await listCustomerPage(ctx, principalOf(req).orgId, req.query);
      return page as { items: z.infer<typeof S.ZCustomerListItemSchema>[]; nextCursor: string | null };
    },
  );

  app.get(
    '/api/v1/customers/:externalId',
    {
      config: { access: 'customers:read' },
      schema: {
        tags: TAGS,
        summary: 'The customer profile',
        params: S.ZExternalIdParams,
        response: { 200: S.ZProfileSchema },
      },
    },
    async (req) =>
      (await getProfile(ctx, principalOf(req).orgId, req.params.externalId)) as z.infer<
        typeof S.ZProfileSchema
      >,
  );

  app.patch(
    '/api/v1/customers/:externalId',
    {
      config: { access: 'customers:write' },
      schema: {
        tags: TAGS,
        summary: 'Change fields, owner or consent of a customer',
        params: S.ZExternalIdParams,
        body: S.ZUpdateCustomerRequestSchema,
        response: { 200: S.ZCustomerSchema },
      },
    },
    async (req) => {
      const customer = await changeCustomer(ctx, principalOf(req).orgId, req.params.externalId, req.body);
      return customer as z.infer<typeof S.ZCustomerSchema>;
    },
  );

  app.get(
    '/api/v1/customers/:externalId/timeline',
    {
      config: { access: 'customers:read' },
      schema: {
        tags: TAGS,
        summary: 'Everything that happened to the customer, newest first',
        params: S.ZExternalIdParams,
        querystring: ZPageQuery,
        response: { 200: zPage(S.ZTimelineItem) },
      },
    },
    async (req) => {
      const page = await getTimeline(ctx, principalOf(req).orgId, req.params.externalId, req.query);
      return page as { items: z.infer<typeof S.ZTimelineItem>[]; nextCursor: string | null };
    },
  );

  app.get(
    '/api/v1/customers/:externalId/export',
    {
      config: { access: 'customers:read' },
      schema: {
        tags: TAGS,
        summary: 'Everything held about the person (GDPR access request)',
        params: S.ZExternalIdParams,
        response: { 200: z.looseObject({ exportedAt: z.date() }) },
      },
    },
    async (req) => exportCustomer(ctx, principalOf(req).orgId, req.params.externalId),
  );

  app.delete(
    '/api/v1/customers/:externalId',
    {
      config: { access: 'customers:write' },
      schema: {
        tags: TAGS,
        summary: 'Erase the person (GDPR): personal data goes, anonymous aggregates stay',
        params: S.ZExternalIdParams,
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      await eraseCustomer(ctx, principalOf(req).orgId, req.params.externalId);
      return reply.code(204).send(null);
    },
  );
}
