import Koa from 'koa';
import type Router from '@koa/router';
import { bodyParser } from '@koa/bodyparser';
import helmet from 'koa-helmet';
import type { System } from '../system/System';
import type { AppContextExtras, AppState } from './appTypes';
import { errorRenderer } from './errorRenderer';
import { requestContext } from './requestContext';
import { healthRoutes } from '../health/healthRoutes';
import { serveH5 } from '../h5/serveH5';
import { serveConsole } from '../console/serveConsole';
import { posRoutes } from '../pos/posRoutes';
import { memberRoutes } from '../members/memberRoutes';
import { rewardRoutes } from '../rewards/rewardRoutes';
import { adminSessionRoutes } from '../staff/adminSessionRoutes';
import { staffRoutes } from '../staff/staffRoutes';
import { mpStaffRoutes } from '../staff/mpStaffRoutes';
import { adminMemberRoutes } from '../members/adminMemberRoutes';
import { auditRoutes } from '../audit/auditRoutes';
import { adminRewardRoutes } from '../rewards/adminRewardRoutes';
import { adminStoreRoutes } from '../stores/adminStoreRoutes';
import { storeRoutes } from '../stores/storeRoutes';
import { privacyRoutes } from '../privacy/privacyRoutes';
import { childRoutes } from '../children/childRoutes';
import { inStoreRoutes } from '../checkins/inStoreRoutes';
import { sessionRoutes } from '../members/sessionRoutes';
import { simulatorLoginRoutes } from '../members/simulatorLoginRoutes';
import { officialAccountRoutes } from '../officialAccount/officialAccountRoutes';
import { oaBindingRoutes } from '../officialAccount/followers/oaBindingRoutes';
import { oaAdminRoutes } from '../officialAccount/admin/oaAdminRoutes';
import { catalogueRoutes } from '../catalogue/catalogueRoutes';
import { autoReplyRoutes } from '../autoReplies/autoReplyRoutes';
import { segmentRoutes } from '../segments/segmentRoutes';
import { campaignResultRoutes } from '../campaignResults/campaignResultRoutes';
import { campaignClickRoutes } from '../campaignResults/campaignClickRoutes';
import { campaignRoutes } from '../campaigns/campaignRoutes';
import { journeyRoutes } from '../journeys/journeyRoutes';
import { tagRoutes } from '../tags/tagRoutes';
import { tierRoutes } from '../tiers/tierRoutes';

/** Options for {@link createApp}. */
export interface CreateAppOptions {
  /** Extra routers mounted after the product's own (tests use this for probe routes). */
  extraRouters?: Array<Router<AppState, AppContextExtras>>;
}

/** Paths whose raw body is read by their own handler (co-wechat reads the XML itself). */
const RAW_BODY_PATHS = [/^\/wechat(\/|$)/];

/**
 * The Koa application: request id and logging, the one error renderer, security headers,
 * body limits, the H5 build at `/h5/`, and every feature's routes.
 */
export function createApp(system: System, options: CreateAppOptions = {}): Koa<AppState, AppContextExtras> {
  const app = new Koa<AppState, AppContextExtras>({ proxy: system.config.http.trustProxy });
  app.context.system = system;
  app.silent = true;

  app.use(requestContext());
  app.use(errorRenderer());
  // WeChat's servers, not browsers, call /wechat, many times a second: it is routed before
  // the security headers, the H5 files, the body parser and the twenty-odd other routers,
  // none of which it needs and all of which every push used to pass through.
  const callback = officialAccountRoutes(system.config);
  app.use(callback.routes());
  app.use(callback.allowedMethods());
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          imgSrc: ["'self'", 'data:', 'blob:'],
          styleSrc: ["'self'", "'unsafe-inline'"],
          scriptSrc: ["'self'"],
          connectSrc: ["'self'"],
          frameAncestors: ["'none'"],
        },
      },
      crossOriginEmbedderPolicy: false,
    }),
  );
  app.use(serveH5(system.config));
  app.use(serveConsole());

  const parseBody = bodyParser({
    enableTypes: ['json', 'form'],
    jsonLimit: system.config.http.bodyLimit,
    formLimit: system.config.http.bodyLimit,
    jsonStrict: true,
  });
  app.use(async (ctx, next) => {
    if (RAW_BODY_PATHS.some((pattern) => pattern.test(ctx.path))) return next();
    return parseBody(ctx, next);
  });

  const routers = [
    healthRoutes(),
    posRoutes(),
    sessionRoutes(),
    simulatorLoginRoutes(),
    memberRoutes(),
    rewardRoutes(),
    privacyRoutes(),
    childRoutes(),
    inStoreRoutes(),
    mpStaffRoutes(),
    adminSessionRoutes(),
    staffRoutes(),
    adminMemberRoutes(),
    auditRoutes(),
    adminRewardRoutes(),
    storeRoutes(),
    adminStoreRoutes(),
    oaBindingRoutes(),
    oaAdminRoutes(),
    catalogueRoutes(),
    autoReplyRoutes(),
    segmentRoutes(),
    campaignResultRoutes(),
    campaignClickRoutes(),
    campaignRoutes(),
    journeyRoutes(),
    tagRoutes(),
    tierRoutes(),
    ...(options.extraRouters ?? []),
  ];
  for (const router of routers) {
    app.use(router.routes());
    app.use(router.allowedMethods());
  }
  return app;
}
