// Requests of the Planner pages. Each one brackets its work with start/finish/fail actions; after a
// change, every list the page has loaded is fetched again so counts and rows stay true.
export type { Thunk, ThunkArgs, ThunkRegistry } from './base';
export * from './lists';
export * from './keywords';
export * from './clusters';
export * from './ideas';
