export { useAttainment } from './api';
