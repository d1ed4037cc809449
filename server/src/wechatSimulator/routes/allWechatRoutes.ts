import type { SimContext } from '../SimContext';
import type { WechatRoute } from '../api/WechatRoute';
import { quotaRoutes } from './quotaRoutes';
import { templateRoutes } from './templateRoutes';
import { tokenRoutes } from './tokenRoutes';

/** Every WeChat API endpoint the simulator serves. */
export function allWechatRoutes(context: SimContext): WechatRoute[] {
  const routes: WechatRoute[] = [...tokenRoutes(context), ...templateRoutes(context)];
  const known = (): Set<string> => new Set(routes.map((route) => route.path));
  routes.push(...quotaRoutes(context, known));
  return routes;
}
