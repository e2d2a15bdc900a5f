export * from './tenancy';
export * from './billing';
export * from './planner';
export * from './ai';
export * from './writer';
export * from './sync';
