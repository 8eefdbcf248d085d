import { z } from 'zod';
import { int4Max, recordMeta, versionField } from './common.js';
import { contactListQuery } from './contacts.js';
import { customerListQuery } from './customers.js';
import { leadListQuery } from './leads.js';
import { listViewBuiltIns, listViewLists, listViewVisibilities, type ListViewList } from './list-view-options.js';
import { opportunityListQuery } from './opportunities.js';

/**
 * Saved list views (视图 / 场景): a list's filters, visible columns, sort and page size under a
 * name, personal or shared with a department or everyone. Applying a view only sets the list's
 * query: what the list shows is still limited by the reader's data scope.
 */

// The lists, visibilities and built-in views sit apart from the schemas: the list pages read them
// at start-up without the schemas (and Zod) that only the view editor needs.
export * from './list-view-options.js';

/** The query schema a list's stored filters must pass (the one its GET takes), `page` aside. */
export const listViewQuerySchemas = {
  customers: customerListQuery,
  contacts: contactListQuery,
  leads: leadListQuery,
  opportunities: opportunityListQuery,
} as const satisfies Record<ListViewList, z.ZodType>;

/** Parameters a view never stores: where the reader is in the list, not what the list is. */
export const listViewTransient = ['page'] as const;

/** A list's query parameters as strings, as the URL and the GET carry them; checked against the list's schema when saved. */
export const listViewFilters = z
  .record(z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,63}$/), z.string().max(500))
  .refine((v) => Object.keys(v).length <= 40, { message: 'listViewTooManyFilters' });
/** Column keys in the order shown (`custom.<key>` for a custom field); empty: the list's default columns. */
export const listViewColumns = z.array(z.string().regex(/^[A-Za-z][A-Za-z0-9_.]{0,80}$/)).max(60);

const viewFields = {
  name: z.string().trim().min(1).max(60),
  visibility: z.enum(listViewVisibilities),
  /** With `department`: your department by default, or one below it (any department for those who see all records). */
  departmentId: z.number().int().positive().max(int4Max).nullable(),
  filters: listViewFilters,
  columns: listViewColumns,
  /** One of the list's sort values; null: the list's default. */
  sort: z.string().max(40).nullable(),
  pageSize: z.number().int().min(1).max(200).nullable(),
};

/** POST /list-views */
export const listViewCreate = z
  .object({ list: z.enum(listViewLists), ...viewFields, visibility: viewFields.visibility.default('personal') })
  .partial({ departmentId: true, filters: true, columns: true, sort: true, pageSize: true })
  .strict();
export type ListViewCreate = z.input<typeof listViewCreate>;

/** PATCH /list-views/:id (its owner; 409 when stale). */
export const listViewUpdate = z.object(viewFields).partial().extend(versionField).strict();
export type ListViewUpdate = z.input<typeof listViewUpdate>;

export const listView = z.object({
  ...recordMeta,
  list: z.enum(listViewLists),
  name: z.string(),
  visibility: z.enum(listViewVisibilities),
  departmentId: z.number().int().nullable(),
  departmentName: z.string().nullable(),
  ownerId: z.number().int(),
  ownerName: z.string().nullable(),
  filters: z.record(z.string(), z.string()),
  columns: z.array(z.string()),
  sort: z.string().nullable(),
  pageSize: z.number().int().nullable(),
  /** Only its owner changes or deletes a view. */
  can: z.object({ edit: z.boolean(), delete: z.boolean() }),
});
export type ListView = z.infer<typeof listView>;

/** A built-in view, its filters made for the reader (their own id, today's rules). */
export const builtInListView = z.object({
  key: z.enum(listViewBuiltIns),
  name: z.string(),
  filters: z.record(z.string(), z.string()),
  sort: z.string().nullable(),
});
export type BuiltInListView = z.infer<typeof builtInListView>;

/** A default view: a saved view's id or a built-in view's key (`all`, every list's: the list unfiltered, as when none is set). */
export const listViewRef = z.union([z.number().int().positive().max(int4Max), z.enum(listViewBuiltIns)]);
export type ListViewRef = z.infer<typeof listViewRef>;

/** GET /list-views?list= : the built-in views, the saved views the reader may see, and the reader's default. */
export const listViewsQuery = z.object({ list: z.enum(listViewLists) }).strict();
export type ListViewsQuery = z.input<typeof listViewsQuery>;
export const listViews = z.object({
  list: z.enum(listViewLists),
  builtIn: z.array(builtInListView),
  items: z.array(listView),
  /** `all` when none was chosen: the list opens unfiltered. */
  defaultView: listViewRef,
  /** Whether the reader may share views beyond themselves (views.share). */
  canShare: z.boolean(),
});
export type ListViews = z.infer<typeof listViews>;

/** PUT /list-views/default: the view a list opens with (`all`: unfiltered, as when none is set). */
export const listViewDefaultUpdate = z.object({ list: z.enum(listViewLists), viewId: listViewRef }).strict();
export type ListViewDefaultUpdate = z.input<typeof listViewDefaultUpdate>;
export const listViewDefault = z.object({ list: z.enum(listViewLists), viewId: listViewRef });
export type ListViewDefault = z.infer<typeof listViewDefault>;
