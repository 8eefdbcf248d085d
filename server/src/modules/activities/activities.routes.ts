import {
  contactGuard,
  contactGuardSettings,
  contactGuardSettingsUpdate,
  customerEmailCreate,
  customerEmailResult,
  followUpBulkCreate,
  followUpBulkResult,
  followUpListQuery,
  followUpRecord,
  followUpRecordCreate,
  followUpRecordList,
  followUpRecordUpdate,
  idParams,
  mentionCandidateList,
  mentionCandidateQuery,
  pageQuery,
  task,
  taskCreate,
  taskList,
  taskListQuery,
  taskUpdate,
} from '@crm/contracts';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.js';
import type { Router } from '../../platform/http/route.js';
import * as customerEmails from './customer-emails.js';
import * as followUps from './followups.service.js';
import * as followUpsBulk from './followups.bulk.js';
import * as mentions from './mentions.js';
import * as tasks from './tasks.service.js';

const pageOnly = z.object({ page: pageQuery.page, pageSize: pageQuery.pageSize }).strict();

export function activityRoutes(r: Router, ctx: AppContext): void {
  const tag = 'activities';
  r.route({ method: 'POST', url: '/follow-ups', access: 'followups.create', summary: 'Record a follow-up (call, visit, meeting, email, message, note) on a customer you may see; its next step becomes your task', tag, body: followUpRecordCreate, response: followUpRecord, status: 201,
    handler: ({ actor, body }) => followUps.createFollowUp(ctx, actor, body) });
  r.route({ method: 'POST', url: '/follow-ups/bulk', access: 'followups.create', summary: 'Record the same follow-up on customers (1-200) you may see, all or none; its next step becomes a task of yours for each', tag, body: followUpBulkCreate, response: followUpBulkResult, status: 201,
    handler: ({ actor, body }) => followUpsBulk.bulkCreateFollowUps(ctx, actor, body) });
  r.route({ method: 'GET', url: '/follow-ups/mention-candidates', access: 'followups.create', summary: 'Whom a follow-up on a customer you may see can mention (@name): the users who may read it, with pinyin forms of their names', tag, query: mentionCandidateQuery, response: mentionCandidateList,
    handler: ({ actor, query }) => mentions.mentionCandidates(ctx, actor, query.customerId) });
  r.route({ method: 'GET', url: '/follow-ups', access: 'followups.view', summary: 'Follow-ups by the authors in your data scope, newest first', tag, query: followUpListQuery, response: followUpRecordList,
    handler: ({ actor, query }) => followUps.listFollowUps(ctx, actor, query) });
  r.route({ method: 'GET', url: '/follow-ups/:id', access: 'followups.view', summary: 'One follow-up (of a customer you may see)', tag, params: idParams, response: followUpRecord,
    handler: ({ actor, params }) => followUps.getFollowUp(ctx, actor, params.id) });
  r.route({ method: 'PATCH', url: '/follow-ups/:id', access: 'followups.edit', summary: 'Change your follow-up (or one by an author in your scope); 409 when stale', tag, params: idParams, body: followUpRecordUpdate, response: followUpRecord,
    handler: ({ actor, params, body }) => followUps.updateFollowUp(ctx, actor, params.id, body) });
  r.route({ method: 'DELETE', url: '/follow-ups/:id', access: 'followups.delete', summary: 'Delete your follow-up (or one by an author in your scope)', tag, params: idParams, status: 204,
    handler: ({ actor, params }) => followUps.deleteFollowUp(ctx, actor, params.id) });
  r.route({ method: 'GET', url: '/customers/:id/follow-ups', access: 'followups.view', summary: "A customer's follow-ups by everyone, newest first (the customer's shared memory)", tag, params: idParams, query: pageOnly, response: followUpRecordList,
    handler: ({ actor, params, query }) => followUps.customerFollowUps(ctx, actor, params.id, query) });
  r.route({ method: 'POST', url: '/customers/:id/emails', access: 'followups.create', summary: 'Email a customer you may see (to the address given, else the contact\'s or the customer\'s): queued in the outbox and kept as an email follow-up on its timeline', tag, params: idParams, body: customerEmailCreate, response: customerEmailResult, status: 201,
    handler: ({ actor, params, body }) => customerEmails.emailCustomer(ctx, actor, params.id, body) });
  r.route({ method: 'GET', url: '/customers/:id/contact-guard', access: 'followups.view', summary: 'Other users who followed up this customer within the contact-guard days (撞单提醒)', tag, params: idParams, response: contactGuard,
    handler: ({ actor, params }) => followUps.contactGuard(ctx, actor, params.id) });
  r.route({ method: 'GET', url: '/settings/contact-guard', access: 'signedIn', summary: 'How many days back the contact guard looks', tag: 'settings', response: contactGuardSettings,
    handler: ({ actor }) => followUps.getContactGuardSettings(ctx, actor) });
  r.route({ method: 'PUT', url: '/settings/contact-guard', access: 'settings.edit', summary: 'Set the contact-guard days (0 turns it off); 409 when stale', tag: 'settings', body: contactGuardSettingsUpdate, response: contactGuardSettings,
    handler: ({ actor, body }) => followUps.updateContactGuardSettings(ctx, actor, body) });

  r.route({ method: 'POST', url: '/tasks', access: 'tasks.create', summary: 'Create a task for yourself or a user in your data scope', tag, body: taskCreate, response: task, status: 201,
    handler: ({ actor, body }) => tasks.createTask(ctx, actor, body) });
  r.route({ method: 'GET', url: '/tasks', access: 'tasks.view', summary: 'Tasks of the assignees in your scope: due today, overdue, upcoming, open or done', tag, query: taskListQuery, response: taskList,
    handler: ({ actor, query }) => tasks.listTasks(ctx, actor, query) });
  r.route({ method: 'GET', url: '/tasks/:id', access: 'tasks.view', summary: 'One task', tag, params: idParams, response: task,
    handler: ({ actor, params }) => tasks.getTask(ctx, actor, params.id) });
  r.route({ method: 'PATCH', url: '/tasks/:id', access: 'tasks.edit', summary: 'Change a task or its status (done makes the next one of a recurring task); 409 when stale', tag, params: idParams, body: taskUpdate, response: task,
    handler: ({ actor, params, body }) => tasks.updateTask(ctx, actor, params.id, body) });
  r.route({ method: 'DELETE', url: '/tasks/:id', access: 'tasks.delete', summary: 'Delete a task', tag, params: idParams, status: 204,
    handler: ({ actor, params }) => tasks.deleteTask(ctx, actor, params.id) });
}
