// Plain constants of the contract, exported at the top level for clients that must not bundle zod.
export { AI_FUNCTIONS, JOB_STATES, JOB_PHASES, PHASE_RANGES } from './ai';
export { PROVIDERS } from './system';
