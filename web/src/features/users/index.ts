export { useUserList, useUserOptions, type UserOption } from './api';
