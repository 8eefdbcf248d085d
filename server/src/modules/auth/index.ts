export { authRoutes, sessionCookie } from './auth.routes.js';
