export * from './common';
export * from './auth';
export * from './tenancy';
export * from './integration';
export * from './planner';
export * from './ai';
export * from './billing';
export * from './system';
