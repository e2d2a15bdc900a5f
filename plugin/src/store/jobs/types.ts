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
	batches: Readonly< Record< string, JobBatch > >;
}

/** What one job of a batch works on: a task, a piece of content… */
export interface BatchSubject {
	id: number;
	/** How the user knows it, e.g. the task's title. */
	label: string;
}

/** An item of a batch the cloud did not start a job for, and why (409 already running, 402 credits ran out…). */
export interface NotStarted {
	id: number;
	code: string;
	message: string;
}

/** What a request that starts a job per item answers (the Writer's generationStarted). */
export interface StartedBatch {
	jobs: Job[];
	not_started: NotStarted[];
}

export interface BatchItem extends BatchSubject {
	/** Its job as last reported; null when none started for it. */
	job: Job | null;
	/** Why no job started for it. */
	notStarted: Omit< NotStarted, 'id' > | null;
}

/**
 * Several jobs started by one request (e.g. "Generate content" for the ticked tasks), followed together
 * under one key and shown as one progress view.
 */
export interface JobBatch {
	starting: boolean;
	/** The items in the order they were asked for. */
	items: BatchItem[];
	/** Why the request started nothing at all. */
	startError: ErrorInfo | null;
	/** Why the jobs could no longer be followed; they may still be running in the cloud. */
	followError: ErrorInfo | null;
	cancelling: boolean;
	/** The first of the cancel requests that failed. */
	cancelError: ErrorInfo | null;
}
