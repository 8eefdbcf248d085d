export { meQueryKey, prefetchMe, useChangePassword, useLogin, useLogout, useMe, usePermissions, useSaveLocale } from './api';
export { RequireAuth } from './components/require-auth';
export { RequirePermission } from './components/require-permission';
export { UserMenu } from './components/user-menu';
export { LoginPage } from './pages/login-page';
