export * from './errors';
export * from './tenancy/roles';
export * from './signing';
export * as schemas from './schemas';
export { slugify } from './schemas/common';
