import { z } from 'zod';
import { zPage } from '../../../http/pagination';
import { type App, principalOf } from '../../../http/types';
import { requestOfferEmails } from '../use-cases/offer-emails';
import * as U from '../use-cases/offers';
import * as S from './schemas-offers';
import { ZExternalIdParams } from './schemas-referrals';

/** Offers: their definitions, a customer's offers (each exposure recorded), e-mails and results against the holdout. */
export async function offerRoutes(app: App) {
  const ctx = app.ctx;
  const tags = ['loyalty'];
  const orgOf = (req: Parameters<typeof principalOf>[0]) => principalOf(req).orgId;

  app.get(
    '/api/v1/loyalty/offers',
    {
      config: { access: 'loyalty:read' },
      schema: {
        tags,
        summary: 'Offers in creation order',
        querystring: S.ZOfferListQuery,
        response: { 200: zPage(S.ZOfferSchema) },
      },
    },
    async (req) => U.listOffers(ctx, orgOf(req), req.query),
  );
  app.post(
    '/api/v1/loyalty/offers',
    {
      config: { access: 'loyalty:write' },
      schema: { tags, body: S.ZCreateOfferRequestSchema, response: { 201: S.ZOfferSchema } },
    },
    async (req, reply) => reply.code(201).send(await U.createOffer(ctx, orgOf(req), req.body)),
  );
  app.get(
    '/api/v1/loyalty/offers/:id',
    {
      config: { access: 'loyalty:read' },
      schema: { tags, params: S.ZOfferParams, response: { 200: S.ZOfferSchema } },
    },
    async (req) => U.getOffer(ctx, orgOf(req), req.params.id),
  );
  app.patch(
    '/api/v1/loyalty/offers/:id',
    {
      config: { access: 'loyalty:write' },
      schema: {
        tags,
        params: S.ZOfferParams,
        body: S.ZUpdateOfferRequestSchema,
        response: { 200: S.ZOfferSchema },
      },
    },
    async (req) => U.changeOffer(ctx, orgOf(req), req.params.id, req.body),
  );
  app.get(
    '/api/v1/loyalty/offers/:id/results',
    {
      config: { access: 'loyalty:read' },
      schema: {
        tags,
        summary:
          'Customers shown the offer against those held out: conversion, incremental conversion (Newcombe) and revenue per customer (Welch), with 95% intervals',
        params: S.ZOfferParams,
        response: { 200: S.ZOfferResultsSchema },
      },
    },
    async (req) => U.offerResults(ctx, orgOf(req), req.params.id),
  );
  app.get(
    '/api/v1/loyalty/offer-results',
    {
      config: { access: 'loyalty:read' },
      schema: {
        tags,
        summary: "Every offer's results, in the offers' creation order",
        querystring: S.ZOfferListQuery,
        response: { 200: zPage(S.ZOfferResultsSchema) },
      },
    },
    async (req) => U.allOfferResults(ctx, orgOf(req), req.query),
  );
  app.post(
    '/api/v1/loyalty/offers/:id/send',
    {
      config: { access: 'loyalty:write', problems: { 409: 'the offer is not running' } },
      schema: {
        tags,
        summary:
          'E-mails the offer to the customers it is for who were not exposed yet (the held-out share is recorded, not e-mailed); in the background',
        params: S.ZOfferParams,
        response: { 202: z.object({ queued: z.boolean() }) },
      },
    },
    async (req, reply) => reply.code(202).send(await requestOfferEmails(ctx, orgOf(req), req.params.id)),
  );
  app.get(
    '/api/v1/customers/:externalId/offers',
    {
      config: { access: 'loyalty:read' },
      schema: {
        tags,
        summary:
          'The offers this customer is eligible for now, ranked; each exposure is recorded once (held-out customers are recorded, not shown)',
        params: ZExternalIdParams,
        querystring: S.ZCustomerOffersQuery,
        response: { 200: S.ZCustomerOffersResponseSchema },
      },
    },
    async (req) => U.offersForCustomer(ctx, orgOf(req), req.params.externalId, req.query.limit),
  );
}
