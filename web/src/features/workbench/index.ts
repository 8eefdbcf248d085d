// The workbench (个人中心), the home page: its page is loaded by the router; others refresh it by its key.
export { workbenchKeys } from './api';
