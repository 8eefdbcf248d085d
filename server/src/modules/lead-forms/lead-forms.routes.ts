import type { AppContext } from '../../platform/context.js';
import type { Router } from '../../platform/http/route.js';

export function leadFormRoutes(_r: Router, _ctx: AppContext): void {
  // Routes come with the module.
}
