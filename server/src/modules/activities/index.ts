export { activityRoutes } from './activities.routes.js';
// Follow-ups and tasks follow their customers through merges (app.ts registers the listener) and go with them when erased (the recycle bin calls it).
export { activitiesFollowCustomer, purgeCustomerActivities } from './activities.events.js';
// The workbench: my tasks today and overdue, my customers due for a follow-up, my follow-ups this month.
export { myTaskAgenda, myDueCustomers, myFollowUpCount } from './activities.workbench.js';
