export { userRoutes } from './users.routes.js';
export { presentUser, getUser, userNames, activeUser, activeUserDirectory, isUserInScope, usersInScope, userDepartments, setUserLocale, hasAnyUser, firstUserId, userLocales, createInitialUser, mailRecipients } from './users.service.js';
export { checkCredentials, startSession, endSession, actorOf, actorOfSession, changeOwnPassword, purgeExpiredSessions } from './sessions.service.js';
// Approvers of a step that names a role.
export { activeUsersWithRole } from './users.service.js';
