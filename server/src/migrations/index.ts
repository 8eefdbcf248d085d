import { checksums } from './checksums.js';
import type { Migration } from './migration.js';
import { foundation } from './20261122-0001-foundation.js';
import { archiveShared } from './20261122-0002-archive-shared.js';
import { pool } from './20261122-0003-pool.js';
import { imports } from './20261122-0004-imports.js';
import { duplicates } from './20261122-0005-duplicates.js';
import { fieldsFiles } from './20261122-0006-fields-files.js';
import { sales } from './20261122-0007-sales.js';
import { phoneNumbers } from './20261204-0008-phone-numbers.js';
import { strongKeys } from './20261204-0009-strong-keys.js';
import { regionsLists } from './20261204-0010-regions-lists.js';
import { importValues } from './20261204-0011-import-values.js';
import { searchMerge } from './20261204-0012-search-merge.js';
import { throttles } from './20261204-0013-throttles.js';
import { quotes } from './20261205-0014-quotes.js';
import { targets } from './20261205-0017-targets.js';
import { contracts } from './20261205-0015-contracts.js';
import { approvals } from './20261205-0016-approvals.js';
import { receivables } from './20261205-0018-receivables.js';
import { activities } from './20261205-0019-activities.js';
import { agingIndex } from './20261206-0020-aging-index.js';
import { workReports } from './20261206-0023-work-reports.js';
import { reminders } from './20261206-0022-reminders.js';
import { email } from './20261206-0021-email.js';
import { listViews } from './20261206-0024-list-views.js';
import { searchPinyin } from './20261206-0025-search-pinyin.js';
import { workbench } from './20261206-0026-workbench.js';
import { visitCheckIn } from './20261206-0027-visit-check-in.js';
import { searchStatistics } from './20261206-0028-search-statistics.js';
import { receivableKeys } from './20261206-0029-receivable-keys.js';
import { analytics } from './20261206-0030-analytics.js';
import { credit } from './20261206-0031-credit.js';
import { commentEditsCareDates } from './20261206-0032-comment-edits-care-dates.js';
import { analyticsPotential } from './20261206-0033-analytics-potential.js';
import { analyticsWinbacks } from './20261206-0035-analytics-winbacks.js';
import { lifecycleKeeps } from './20261206-0036-lifecycle-keeps.js';
import { purchaseFactsIndex } from './20261206-0038-purchase-facts-index.js';
import { analyticsRollups } from './20261207-0039-analytics-rollups.js';
import { customerFieldCounts } from './20261207-0040-customer-field-counts.js';
import { analyticsOwnerCumulative } from './20261207-0041-analytics-owner-cumulative.js';
import { revenueMonths } from './20261207-0042-revenue-months.js';
import { importWriteTrim } from './20261208-0043-import-write-trim.js';

/** A migration with the checksum of its source, recorded when it is applied and compared on every start. */
export type RegisteredMigration = Migration & { checksum: string };

const all: Migration[] = [foundation, archiveShared, pool, imports, duplicates, fieldsFiles, sales, phoneNumbers, strongKeys, regionsLists, importValues, searchMerge, throttles, quotes, contracts, approvals, targets, receivables, activities, agingIndex, email, reminders, workReports, listViews, searchPinyin, workbench, visitCheckIn, searchStatistics, receivableKeys, analytics, credit, commentEditsCareDates, analyticsPotential, analyticsWinbacks, lifecycleKeeps, purchaseFactsIndex, analyticsRollups, customerFieldCounts, analyticsOwnerCumulative, revenueMonths, importWriteTrim];

/** Every migration, oldest first. Forward-only: a released migration is never edited. */
export const migrations: RegisteredMigration[] = all.map((m) => {
  const checksum = checksums[m.name];
  if (!checksum) throw new Error(`Migration ${m.name} has no checksum in migrations/checksums.ts: run checksums.unit.test.ts, it prints the line.`);
  return { ...m, checksum };
});
