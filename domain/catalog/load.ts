import seoulMinseon7Data from './data/seoul-minseon7.json';
import { catalogSchema, type Catalog } from './types';

export { listDepartments } from './departments';

/** Seoul 민선7기 pledge catalog (붙임1, '18.9.11 기준), validated when the module loads. */
export const seoulMinseon7Catalog: Catalog = catalogSchema.parse(seoulMinseon7Data);
