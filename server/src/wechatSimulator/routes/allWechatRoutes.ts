import type { SimContext } from '../SimContext';
import type { WechatRoute } from '../api/WechatRoute';
import { customRoutes } from './customRoutes';
import { massRoutes } from './massRoutes';
import { menuRoutes } from './menuRoutes';
import { mpLoginRoutes } from './mpLoginRoutes';
import { qrcodeRoutes } from './qrcodeRoutes';
import { quotaRoutes } from './quotaRoutes';
import { securityRoutes } from './securityRoutes';
import { subscribeRoutes } from './subscribeRoutes';
import { tagRoutes } from './tagRoutes';
import { templateRoutes } from './templateRoutes';
import { tokenRoutes } from './tokenRoutes';
import { userRoutes } from './userRoutes';
import { wxacodeRoutes } from './wxacodeRoutes';

/** Every WeChat API endpoint the simulator serves. */
export function allWechatRoutes(context: SimContext): WechatRoute[] {
  const routes: WechatRoute[] = [
    ...tokenRoutes(context),
    ...templateRoutes(context),
    ...customRoutes(context),
    ...subscribeRoutes(context),
    ...tagRoutes(context),
    ...userRoutes(context),
    ...qrcodeRoutes(context),
    ...menuRoutes(context),
    ...massRoutes(context),
    ...mpLoginRoutes(context),
    ...wxacodeRoutes(context),
    ...securityRoutes(context),
  ];
  const known = (): Set<string> => new Set(routes.map((route) => route.path));
  routes.push(...quotaRoutes(context, known));
  return routes;
}
