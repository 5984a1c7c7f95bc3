import { type App, principalOf } from '../../../http/types';
import { agentScorecards } from '../use-cases/agent-scorecards';
import { ZAgentQuery, ZScorecardsSchema } from './schemas-agents';

/** The agent view: each person's and team's service work, with intervals on the rates. */
export async function agentRoutes(app: App) {
  app.get(
    '/api/v1/agents/scorecards',
    {
      config: { access: 'people:write' },
      schema: {
        tags: ['people'],
        summary:
          'Per person and team: cases handled and resolved, times to first response and resolution, SLA met and solved follow-ups (with intervals), praise, goodwill',
        querystring: ZAgentQuery,
        response: { 200: ZScorecardsSchema },
      },
    },
    async (req) => agentScorecards(app.ctx, principalOf(req).orgId, req.query),
  );
}
