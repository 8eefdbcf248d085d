// Customer analytics (客户分析): the page, and the card the customer's record shows.
export { AnalyticsPage } from './pages/analytics-page';
export { CustomerAnalyticsCard } from './components/customer-analytics-card';
