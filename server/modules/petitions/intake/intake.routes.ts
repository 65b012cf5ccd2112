/** The route of intake: a petition arrives. */
import type { App } from '../../../app.ts';
import type { AppContext } from '../../../platform/context.ts';
import { submitPetition } from './submitPetition.ts';
import { IntakeBody, IntakeResult } from '../petitions.schema.ts';
import { routesOf } from '../../../platform/routes.ts';

/** Submitting a petition. */
export function intakeRoutes(app: App, ctx: AppContext) {
  const routes = routesOf(app, 'petitions');

  routes.post(
    '/api/v1/petitions',
    {
      access: 'public',
      summary: 'Submit a petition (anyone), or record one on a resident\'s behalf (officials, any channel)',
      description:
        'Residents and anonymous callers get the channel "web". An official may answer a question, suggestion or help request on the spot with `answerNow`: it goes received → answered in this call. Complaints and denunciations need the resident\'s name and a phone number, e-mail or address unless the unit\'s policy allows them anonymous.',
      body: IntakeBody,
      response: { 201: IntakeResult },
    },
    async (request, reply) => {
      const r = await submitPetition(ctx, request.actor, request.body);
      reply.status(201);
      return { ...r, dueAt: r.dueAt.toISOString(), ackDueAt: r.ackDueAt.toISOString() };
    },
  );
}
