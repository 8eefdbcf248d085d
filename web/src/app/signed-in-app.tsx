import { lazy, Suspense, type ReactNode } from 'react';
import { Route, Routes } from 'react-router-dom';
import type { Permission } from '@crm/contracts';
import { RequireAuth, RequirePermission } from '../features/auth';
import { NoPermissionResult, NotFoundResult, PageSkeleton } from '../shared/layout/results';
import { lazyAntd } from './lazy-antd';
import { landingDataReady } from './startup';
import { withRest } from './rest-of-app';

// Each page is its own chunk, and so is the signed-in frame (menus, search, notifications). A page
// waits for the rest of Ant Design's styles beside its code (rest-of-app.ts), but the customer
// list, which a phone shows with none of Ant Design.
const loadShell = () => import('./app-shell');
// A signed-in page needs the frame: fetch it at once, beside the session check, not after it.
void loadShell();
const AppShell = lazy(() => loadShell().then((m) => ({ default: m.AppShell })));
const WorkbenchPage = lazy(() => withRest(import('../features/workbench/pages/workbench-page')).then((m) => ({ default: m.WorkbenchPage })));
// The landing list waits for its first data beside its code (app/startup.ts).
const CustomerListPage = lazy(() =>
  Promise.all([import('../features/customers/pages/customer-list-page'), landingDataReady()]).then(([m]) => ({ default: m.CustomerListPage })),
);
const CustomerDetailPage = lazy(() =>
  withRest(import('../features/customers/pages/customer-detail-page')).then((m) => ({ default: m.CustomerDetailPage })),
);
const ContactListPage = lazy(() =>
  withRest(import('../features/contacts/pages/contact-list-page')).then((m) => ({ default: m.ContactListPage })),
);
const UserListPage = lazy(() => withRest(import('../features/users/pages/user-list-page')).then((m) => ({ default: m.UserListPage })));
const DepartmentPage = lazy(() =>
  withRest(import('../features/departments/pages/department-page')).then((m) => ({ default: m.DepartmentPage })),
);
const ExportLogPage = lazy(() => withRest(import('../features/exports/pages/export-log-page')).then((m) => ({ default: m.ExportLogPage })));
const RolePage = lazy(() => withRest(import('../features/roles/pages/role-page')).then((m) => ({ default: m.RolePage })));
const RecycleBinPage = lazy(() =>
  withRest(import('../features/recycle-bin/pages/recycle-bin-page')).then((m) => ({ default: m.RecycleBinPage })),
);

const PoolPage = lazy(() => withRest(import('../features/pool/pages/pool-page')).then((m) => ({ default: m.PoolPage })));
const PoolRulesPage = lazy(() =>
  withRest(import('../features/settings/pages/pool-rules-page')).then((m) => ({ default: m.PoolRulesPage })),
);
const AttachmentSettingsPage = lazy(() =>
  withRest(import('../features/settings/pages/attachment-settings-page')).then((m) => ({ default: m.AttachmentSettingsPage })),
);
const CompanySettingsPage = lazy(() =>
  withRest(import('../features/settings/pages/company-settings-page')).then((m) => ({ default: m.CompanySettingsPage })),
);

const EmailSettingsPage = lazy(() => withRest(import('../features/email/pages/email-settings-page')).then((m) => ({ default: m.EmailSettingsPage })));
const ImportPage = lazy(() => withRest(import('../features/imports/pages/import-page')).then((m) => ({ default: m.ImportPage })));
const MergePage = lazy(() => withRest(import('../features/duplicates/pages/merge-page')).then((m) => ({ default: m.MergePage })));
const DataQualityPage = lazy(() =>
  withRest(import('../features/quality/pages/data-quality-page')).then((m) => ({ default: m.DataQualityPage })),
);
const QualitySettingsPage = lazy(() =>
  withRest(import('../features/quality/pages/quality-settings-page')).then((m) => ({ default: m.QualitySettingsPage })),
);
const CustomFieldsPage = lazy(() =>
  withRest(import('../features/custom-fields/pages/custom-fields-page')).then((m) => ({ default: m.CustomFieldsPage })),
);

// Leads and the sales pipeline.
const LeadListPage = lazy(() => withRest(import('../features/leads/pages/lead-list-page')).then((m) => ({ default: m.LeadListPage })));
const LeadDetailPage = lazy(() => withRest(import('../features/leads/pages/lead-detail-page')).then((m) => ({ default: m.LeadDetailPage })));
const LeadPoolPage = lazy(() => withRest(import('../features/leads/pages/lead-pool-page')).then((m) => ({ default: m.LeadPoolPage })));
const IndustriesPage = lazy(() => withRest(import('../features/customers/pages/industries-page')).then((m) => ({ default: m.IndustriesPage })));
const LeadSourcesPage = lazy(() => withRest(import('../features/leads/pages/lead-sources-page')).then((m) => ({ default: m.LeadSourcesPage })));
const LeadAssignmentPage = lazy(() => withRest(import('../features/leads/pages/lead-assignment-page')).then((m) => ({ default: m.LeadAssignmentPage })));
const LeadFormsPage = lazy(() => withRest(import('../features/lead-forms/pages/lead-forms-page')).then((m) => ({ default: m.LeadFormsPage })));
const OpportunitiesPage = lazy(() => withRest(import('../features/opportunities/pages/opportunities-page')).then((m) => ({ default: m.OpportunitiesPage })));
const OpportunityDetailPage = lazy(() => withRest(import('../features/opportunities/pages/opportunity-detail-page')).then((m) => ({ default: m.OpportunityDetailPage })));
const ForecastPage = lazy(() => withRest(import('../features/opportunities/pages/forecast-page')).then((m) => ({ default: m.ForecastPage })));
const PipelinesPage = lazy(() => withRest(import('../features/opportunities/pages/pipelines-page')).then((m) => ({ default: m.PipelinesPage })));
const ProductsPage = lazy(() => withRest(import('../features/products/pages/products-page')).then((m) => ({ default: m.ProductsPage })));
const PriceListsPage = lazy(() => withRest(import('../features/products/pages/price-lists-page')).then((m) => ({ default: m.PriceListsPage })));
const QuotesPage = lazy(() => withRest(import('../features/quotes/pages/quotes-page')).then((m) => ({ default: m.QuotesPage })));
const QuoteDetailPage = lazy(() => withRest(import('../features/quotes/pages/quote-detail-page')).then((m) => ({ default: m.QuoteDetailPage })));
const TargetsPage = lazy(() => withRest(import('../features/targets/pages/targets-page')).then((m) => ({ default: m.TargetsPage })));
const AnalyticsPage = lazy(() => withRest(import('../features/analytics/pages/analytics-page')).then((m) => ({ default: m.AnalyticsPage })));
const AnalyticsDashboardsPage = lazy(() => withRest(import('../features/analytics/pages/dashboards-page')).then((m) => ({ default: m.DashboardsPage })));
const AnalyticsSettingsPage = lazy(() => withRest(import('../features/analytics/pages/analytics-settings-page')).then((m) => ({ default: m.AnalyticsSettingsPage })));
// Outside the frame: Ant Design's theme comes with the page.
const QuotePrintPage = lazyAntd(() => import('../features/quotes/pages/quote-print-page').then((m) => m.QuotePrintPage));
const ContractsPage = lazy(() => withRest(import('../features/contracts/pages/contracts-page')).then((m) => ({ default: m.ContractsPage })));
const ContractDetailPage = lazy(() => withRest(import('../features/contracts/pages/contract-detail-page')).then((m) => ({ default: m.ContractDetailPage })));
const ContractSettingsPage = lazy(() => withRest(import('../features/contracts/pages/contract-settings-page')).then((m) => ({ default: m.ContractSettingsPage })));
const ReceivablesPage = lazy(() => withRest(import('../features/receivables/pages/receivables-page')).then((m) => ({ default: m.ReceivablesPage })));
const TasksPage = lazy(() => withRest(import('../features/activities/pages/tasks-page')).then((m) => ({ default: m.TasksPage })));
const ReportsPage = lazy(() => withRest(import('../features/reports/pages/reports-page')).then((m) => ({ default: m.ReportsPage })));
const ReportPage = lazy(() => withRest(import('../features/reports/pages/report-page')).then((m) => ({ default: m.ReportPage })));
const VisitsPage = lazy(() => withRest(import('../features/activities/pages/visits-page')).then((m) => ({ default: m.VisitsPage })));
const CalendarPage = lazy(() => withRest(import('../features/calendar/pages/calendar-page')).then((m) => ({ default: m.CalendarPage })));
const ReminderSettingsPage = lazy(() => withRest(import('../features/calendar/pages/reminder-settings-page')).then((m) => ({ default: m.ReminderSettingsPage })));
const CreditSettingsPage = lazy(() => withRest(import('../features/credit/pages/credit-settings-page')).then((m) => ({ default: m.CreditSettingsPage })));
const ApprovalsPage = lazy(() => withRest(import('../features/approvals/pages/approvals-page')).then((m) => ({ default: m.ApprovalsPage })));
const ApprovalFlowsPage = lazy(() => withRest(import('../features/approvals/pages/approval-flows-page')).then((m) => ({ default: m.ApprovalFlowsPage })));
const SalesSettingsPage = lazy(() => withRest(import('../features/opportunities/pages/sales-settings-page')).then((m) => ({ default: m.SalesSettingsPage })));

function Guard({ permission, children }: { permission: Permission; children: ReactNode }) {
  return <RequirePermission permission={permission}>{children}</RequirePermission>;
}

/**
 * Everything behind the sign-in: loaded on its own, so that the login page carries none of it.
 * Ant Design's theme comes with the frame (app-shell.tsx): a phone's customer list has none.
 */
export function SignedInApp() {
  return (
      <Suspense fallback={<PageSkeleton />}>
        <Routes>
          <Route
            path="quotes/:id/print"
            element={
              <RequireAuth>
                <Guard permission="quotes.view">
                  <QuotePrintPage />
                </Guard>
              </RequireAuth>
            }
          />
          <Route
            element={
              <RequireAuth>
                <AppShell />
              </RequireAuth>
            }
          >
            {/* The workbench (个人中心) is the home page of every signed-in user. */}
            <Route index element={<WorkbenchPage />} />
            <Route path="customers" element={<Guard permission="customers.view"><CustomerListPage /></Guard>} />
            <Route path="customers/merge" element={<Guard permission="customers.merge"><MergePage /></Guard>} />
            <Route path="customers/:id" element={<Guard permission="customers.view"><CustomerDetailPage /></Guard>} />
            <Route path="imports" element={<ImportPage />} />
            <Route path="data-quality" element={<Guard permission="customers.view"><DataQualityPage /></Guard>} />
            <Route path="admin/custom-fields" element={<Guard permission="settings.view"><CustomFieldsPage /></Guard>} />
            <Route path="admin/quality-settings" element={<Guard permission="settings.view"><QualitySettingsPage /></Guard>} />
            <Route path="admin/export-log" element={<Guard permission="settings.view"><ExportLogPage /></Guard>} />
            <Route path="pool" element={<Guard permission="customers.view"><PoolPage /></Guard>} />
            <Route path="tasks" element={<Guard permission="tasks.view"><TasksPage /></Guard>} />
            <Route path="reports" element={<Guard permission="reports.view"><ReportsPage /></Guard>} />
            <Route path="reports/:id" element={<Guard permission="reports.view"><ReportPage /></Guard>} />
            <Route path="visits" element={<Guard permission="followups.view"><VisitsPage /></Guard>} />
            <Route path="calendar" element={<Guard permission="tasks.view"><CalendarPage /></Guard>} />
            <Route path="admin/reminder-settings" element={<Guard permission="settings.view"><ReminderSettingsPage /></Guard>} />
            <Route path="admin/credit-settings" element={<Guard permission="settings.view"><CreditSettingsPage /></Guard>} />
            <Route path="admin/pool-rules" element={<Guard permission="settings.view"><PoolRulesPage /></Guard>} />
            <Route
              path="admin/attachment-settings"
              element={<Guard permission="settings.view"><AttachmentSettingsPage /></Guard>}
            />
            <Route path="admin/company-settings" element={<Guard permission="settings.view"><CompanySettingsPage /></Guard>} />
            <Route path="admin/email-settings" element={<Guard permission="settings.view"><EmailSettingsPage /></Guard>} />
            <Route path="leads" element={<Guard permission="leads.view"><LeadListPage /></Guard>} />
            <Route path="leads/:id" element={<Guard permission="leads.view"><LeadDetailPage /></Guard>} />
            <Route path="lead-pool" element={<Guard permission="leads.view"><LeadPoolPage /></Guard>} />
            <Route path="admin/lead-sources" element={<Guard permission="settings.view"><LeadSourcesPage /></Guard>} />
            <Route path="admin/industries" element={<Guard permission="settings.view"><IndustriesPage /></Guard>} />
            <Route path="admin/lead-assignment" element={<Guard permission="settings.view"><LeadAssignmentPage /></Guard>} />
            <Route path="admin/lead-forms" element={<Guard permission="settings.view"><LeadFormsPage /></Guard>} />
            <Route path="opportunities" element={<Guard permission="opportunities.view"><OpportunitiesPage /></Guard>} />
            <Route path="opportunities/:id" element={<Guard permission="opportunities.view"><OpportunityDetailPage /></Guard>} />
            <Route path="forecast" element={<Guard permission="opportunities.view"><ForecastPage /></Guard>} />
            <Route path="admin/pipelines" element={<Guard permission="settings.view"><PipelinesPage /></Guard>} />
            <Route path="admin/sales-settings" element={<Guard permission="settings.view"><SalesSettingsPage /></Guard>} />
            <Route path="products" element={<Guard permission="products.view"><ProductsPage /></Guard>} />
            <Route path="price-lists" element={<Guard permission="products.view"><PriceListsPage /></Guard>} />
            <Route path="quotes" element={<Guard permission="quotes.view"><QuotesPage /></Guard>} />
            <Route path="quotes/:id" element={<Guard permission="quotes.view"><QuoteDetailPage /></Guard>} />
            <Route path="targets" element={<Guard permission="targets.view"><TargetsPage /></Guard>} />
            <Route path="analytics" element={<Guard permission="analytics.view"><AnalyticsPage /></Guard>} />
            <Route path="analytics/dashboards" element={<Guard permission="analytics.view"><AnalyticsDashboardsPage /></Guard>} />
            <Route path="admin/analytics-settings" element={<Guard permission="analytics.view"><AnalyticsSettingsPage /></Guard>} />
            <Route path="contracts" element={<Guard permission="contracts.view"><ContractsPage /></Guard>} />
            <Route path="contracts/:id" element={<Guard permission="contracts.view"><ContractDetailPage /></Guard>} />
            <Route path="receivables" element={<Guard permission="receivables.view"><ReceivablesPage /></Guard>} />
            <Route path="admin/contract-settings" element={<Guard permission="settings.view"><ContractSettingsPage /></Guard>} />
            {/* Anyone signed in: a flow may name any user as approver; the page scopes what it lists. */}
            <Route path="approvals" element={<ApprovalsPage />} />
            <Route path="admin/approval-flows" element={<Guard permission="approvals.admin"><ApprovalFlowsPage /></Guard>} />
            <Route path="contacts" element={<Guard permission="contacts.view"><ContactListPage /></Guard>} />
            <Route path="admin/users" element={<Guard permission="users.view"><UserListPage /></Guard>} />
            <Route path="admin/departments" element={<Guard permission="departments.view"><DepartmentPage /></Guard>} />
            <Route path="admin/roles" element={<Guard permission="roles.view"><RolePage /></Guard>} />
            <Route path="admin/recycle-bin" element={<Guard permission="recycle_bin.view"><RecycleBinPage /></Guard>} />
            <Route path="no-access" element={<NoPermissionResult />} />
            <Route path="*" element={<NotFoundResult />} />
          </Route>
        </Routes>
      </Suspense>
  );
}
