import Router from '@koa/router';
import { z } from 'zod';
import type { CampaignClickDto } from '@toyclub/shared';
import type { AppContextExtras, AppState } from '../app/appTypes';
import { rateLimit } from '../app/rateLimit';
import { validate } from '../app/validate';
import { campaignClickRecorder } from './campaignClickRecorder';
import { withClickErrorPage } from './clickErrorPage';

const TOKEN = z.string().trim().min(10).max(2048);
const RedirectSchema = z.object({ params: z.object({ token: TOKEN }) });
const PageClickSchema = z.object({ body: z.object({ token: TOKEN }) });

/**
 * Click tracking: `GET /r/:token` (web links in campaign messages) records the click and
 * redirects to the signed target; `POST /api/mp/campaign-clicks` does the same for a
 * mini-program page opened with `ctk=<token>`. The token is the credential: a message
 * may be opened before the member signs in, or in a browser outside WeChat.
 */
export function campaignClickRoutes(): Router<AppState, AppContextExtras> {
  const router = new Router<AppState, AppContextExtras>();
  // Generous per IP: a campaign makes many parents click at once, often behind one carrier NAT.
  const limit = rateLimit({ name: 'campaign-clicks', points: 600, durationSeconds: 60 });

  router.get(
    '/r/:token',
    limit,
    validate(RedirectSchema, (ctx) =>
      withClickErrorPage(ctx, async () => {
        const click = await campaignClickRecorder({ system: ctx.system, token: ctx.input.params.token, via: 'link', now: new Date() });
        // Every opening must reach us again to be counted.
        ctx.set('Cache-Control', 'no-store');
        ctx.redirect(click.target!);
      }),
    ),
  );

  router.post(
    '/api/mp/campaign-clicks',
    limit,
    validate(PageClickSchema, async (ctx) => {
      const click = await campaignClickRecorder({ system: ctx.system, token: ctx.input.body.token, via: 'page', now: new Date() });
      ctx.body = { recorded: true, clickCount: click.clickCount } satisfies CampaignClickDto;
    }),
  );
  return router;
}
