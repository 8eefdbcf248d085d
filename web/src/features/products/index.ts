export { ProductSelect } from './components/product-select';
export { fetchProductPrice } from './api';
