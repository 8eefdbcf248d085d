export { useCustomer, useCustomerList } from './api';
