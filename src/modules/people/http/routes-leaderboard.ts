import { type App, principalOf } from '../../../http/types';
import { locationLeaderboard } from '../use-cases/location-leaderboard';
import { ZLeaderboardQuerySchema, ZLeaderboardResponseSchema } from './schemas-leaderboard';

/** The locations side by side on one metric, ranked only as far as their intervals allow. */
export async function leaderboardRoutes(app: App) {
  const ctx = app.ctx;
  app.get(
    '/api/v1/locations/leaderboard',
    {
      config: { access: 'analytics:read' },
      schema: {
        tags: ['people'],
        summary:
          'Locations by NPS, CSAT or CES: score, 95% interval, target met or not, and the ranks each may claim',
        description: ZLeaderboardResponseSchema.description,
        querystring: ZLeaderboardQuerySchema,
        response: { 200: ZLeaderboardResponseSchema },
      },
    },
    async (req) => locationLeaderboard(ctx, principalOf(req).orgId, req.query),
  );
}
