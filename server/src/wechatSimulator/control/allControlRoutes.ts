import { z } from 'zod';
import type { SimContext } from '../SimContext';
import type { ControlRoute } from './controlRoute';
import { controlRoute } from './controlRoute';
import { faultControl } from './faultControl';
import { followerControl } from './followerControl';
import { logControl } from './logControl';
import { miniProgramControl } from './miniProgramControl';
import { pushControl } from './pushControl';
import { stateControl } from './stateControl';

/** Every `/__sim/...` route, plus `GET /__sim` listing them. */
export function allControlRoutes(context: SimContext): ControlRoute[] {
  const routes = [
    ...followerControl(context),
    ...miniProgramControl(context),
    ...logControl(context),
    ...faultControl(context),
    ...pushControl(context),
    ...stateControl(context),
  ];
  routes.push(
    controlRoute('GET', '/__sim', z.unknown(), () => ({
      body: { routes: routes.map((route) => `${route.method} ${route.path}`) },
    })),
  );
  return routes;
}
