// Credit rating (信用评级, 6C): the card on an organisation customer's record page and the settings page.
export { CustomerCreditCard } from './components/customer-credit-card';
export { CreditSettingsPage } from './pages/credit-settings-page';
