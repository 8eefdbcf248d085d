// Customer analytics (客户分析): the page; other features read nothing from here yet.
export { AnalyticsPage } from './pages/analytics-page';
