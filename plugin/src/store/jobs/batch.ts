// A batch of jobs as items and as one progress (pure; see test/batch.test.ts).
import { isTerminal, jobPercentage } from '../../api/jobs';
import type { BatchItem, BatchSubject, JobBatch, StartedBatch } from './types';

/**
 * Pairs what was asked for with what the cloud started: an item named in `not_started` keeps why, the
 * others take the started jobs in order (the cloud starts them in the order the ids were sent). Anything
 * the answer names that was not asked for still shows, by its id.
 *
 * @param subjects The items asked for, in order.
 * @param started  The cloud's answer.
 */
export function pairJobs(
	subjects: readonly BatchSubject[],
	started: StartedBatch
): BatchItem[] {
	const refused = new Map(
		started.not_started.map( ( { id, code, message } ) => [
			id,
			{ code, message },
		] )
	);
	const jobs = [ ...started.jobs ];
	const items: BatchItem[] = subjects.map( ( subject ) => {
		const notStarted = refused.get( subject.id ) ?? null;
		refused.delete( subject.id );
		const job = notStarted ? null : ( jobs.shift() ?? null );
		return {
			...subject,
			job,
			notStarted:
				notStarted ??
				( job ? null : { code: 'not_started', message: '' } ),
		};
	} );
	for ( const [ id, notStarted ] of refused ) {
		items.push( { id, label: `#${ id }`, job: null, notStarted } );
	}
	for ( const job of jobs ) {
		items.push( {
			id: 0,
			label: `#${ job.id }`,
			job,
			notStarted: null,
		} );
	}
	return items;
}

export interface BatchProgress {
	/** Items asked for. */
	total: number;
	/** Items with a job. */
	started: number;
	notStarted: number;
	/** Jobs that ended, whichever way. */
	finished: number;
	succeeded: number;
	failed: number;
	cancelled: number;
	/** How far the started jobs are together, 0–100, whole (an ended job is 100); 0 when none started. */
	percentage: number;
	creditsCharged: number;
	/** Starting, or a started job has not ended. */
	running: boolean;
}

/**
 * The batch as one bar and a few counts.
 *
 * @param batch The batch.
 */
export function batchProgress( batch: JobBatch ): BatchProgress {
	const jobs = batch.items.flatMap( ( item ) =>
		item.job ? [ item.job ] : []
	);
	const count = ( state: string ) =>
		jobs.filter( ( job ) => job.state === state ).length;
	const finished = jobs.filter( ( job ) => isTerminal( job.state ) ).length;
	const sum = jobs.reduce(
		( total, job ) =>
			total + ( isTerminal( job.state ) ? 100 : jobPercentage( job ) ),
		0
	);
	return {
		total: batch.items.length,
		started: jobs.length,
		notStarted: batch.items.length - jobs.length,
		finished,
		succeeded: count( 'succeeded' ),
		failed: count( 'failed' ),
		cancelled: count( 'cancelled' ),
		percentage: jobs.length ? Math.floor( sum / jobs.length ) : 0,
		creditsCharged: jobs.reduce(
			( total, job ) => total + ( job.credits_charged || 0 ),
			0
		),
		running: batch.starting || finished < jobs.length,
	};
}
