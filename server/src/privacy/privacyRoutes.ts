import Router from '@koa/router';
import { z } from 'zod';
import type { OwnPhoneDto } from '@toyclub/shared';
import type { AppContextExtras, AppState } from '../app/appTypes';
import { rateLimit } from '../app/rateLimit';
import { validate } from '../app/validate';
import { Child } from '../children/Child';
import { runInTransaction } from '../db/runInTransaction';
import { lockMember } from '../members/lockMember';
import { Member } from '../members/Member';
import { byMember, currentMember, memberAuth } from '../members/memberAuth';
import { presentMe } from '../members/presentMe';
import { PhoneVault } from '../security/phoneNumbers';
import { consentRecorder } from './consentRecorder';
import { memberDataExporter } from './memberDataExporter';
import { memberEraser } from './memberEraser';

const ConsentSchema = z.object({
  body: z.object({ policyVersion: z.string().trim().min(1).max(32), kind: z.enum(['privacy', 'guardian']).default('privacy') }),
});

/** 隐私与授权: consent, the guardian's consent, the member's own phone, export and deletion. */
export function privacyRoutes(): Router<AppState, AppContextExtras> {
  const router = new Router<AppState, AppContextExtras>({ prefix: '/api/mp' });
  const limit = rateLimit({ name: 'mp-privacy', points: 30, durationSeconds: 60, key: byMember });

  router.post(
    '/consent',
    limit,
    memberAuth(),
    validate(ConsentSchema, async (ctx) => {
      const { policyVersion, kind } = ctx.input.body;
      const member = await consentRecorder({ system: ctx.system, memberId: currentMember(ctx).id, kind, policyVersion, ip: ctx.ip, now: new Date() });
      ctx.body = await presentMe(ctx.system, member);
    }),
  );

  // Withdrawing the guardian's consent deletes the children's data with it.
  router.delete('/consent/guardian', limit, memberAuth(), async (ctx) => {
    const memberId = currentMember(ctx).id;
    await runInTransaction(ctx.system.dataSource, async (manager) => {
      await lockMember(manager, memberId);
      await manager.getRepository(Child).delete({ memberId });
      await manager.getRepository(Member).update({ id: memberId }, { guardianPolicyVersion: null, guardianConsentedAt: null });
    });
    const member = await ctx.system.dataSource.getRepository(Member).findOneByOrFail({ id: memberId });
    ctx.body = await presentMe(ctx.system, member);
  });

  router.get('/me/phone', limit, memberAuth(), async (ctx) => {
    const member = currentMember(ctx);
    ctx.set('Cache-Control', 'no-store');
    ctx.body = { phone: member.phoneSealed ? new PhoneVault(ctx.system.config.security.signingSecret).reveal(member.phoneSealed) : null } satisfies OwnPhoneDto;
  });

  router.get('/me/export', rateLimit({ name: 'mp-export', points: 5, durationSeconds: 3600, key: byMember }), memberAuth(), async (ctx) => {
    ctx.set('Cache-Control', 'no-store');
    ctx.set('Content-Disposition', 'attachment; filename="toyclub-my-data.json"');
    ctx.body = await memberDataExporter(ctx.system, currentMember(ctx));
  });

  router.delete('/me', limit, memberAuth(), async (ctx) => {
    await memberEraser({ system: ctx.system, memberId: currentMember(ctx).id, now: new Date() });
    ctx.status = 204;
  });
  return router;
}
