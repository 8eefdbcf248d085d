// Work reports (工作日报/周报); the router loads its pages (pages/) lazily by path.
export { reportKeys } from './api';
