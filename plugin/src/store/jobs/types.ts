import type { ErrorInfo } from '../../api/errors';
import type { Job } from '../../api/jobs';

export type { ErrorInfo, Job };

/**
 * One place on a page where an AI job runs (e.g. `cluster-ai`): the job it started last and how
 * following it goes. A page runs one job per key at a time.
 */
export interface JobRun {
	/** Asking the cloud to start the job (no job yet). */
	starting: boolean;
	/** The job as last reported. */
	job: Job | null;
	/** Why the job could not start (402 insufficient credits, 422 no AI provider…). */
	startError: ErrorInfo | null;
	/** Why the job could no longer be followed; the job may still be running in the cloud. */
	followError: ErrorInfo | null;
	cancelling: boolean;
	cancelError: ErrorInfo | null;
}

export interface JobsState {
	runs: Readonly< Record< string, JobRun > >;
}
