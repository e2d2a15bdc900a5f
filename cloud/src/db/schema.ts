export * from './tenancy';
export * from './billing';
