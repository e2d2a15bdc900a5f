export type { Job, JobState, JobPhase, AiFunction } from './ai';
export type { Balance, Transaction, Usage } from './billing';
