// Words for an AI job's phases and results, and what a failed start means for the user (pure; see test/).
import { __, _n, sprintf } from '@wordpress/i18n';
import type { ErrorInfo } from '../../../api/errors';
import type { Job } from '../../../api/jobs';

export function phaseLabel( phase: string ): string {
	switch ( phase ) {
		case 'INIT':
			return __( 'Getting ready', 'igny8' );
		case 'PREP':
			return __( 'Preparing the data', 'igny8' );
		case 'AI_CALL':
			return __( 'Waiting for the AI', 'igny8' );
		case 'PARSE':
			return __( 'Reading the answer', 'igny8' );
		case 'SAVE':
			return __( 'Saving the results', 'igny8' );
		case 'DONE':
			return __( 'Done', 'igny8' );
	}
	return phase;
}

/**
 * What the user reads as the job's stage: its state while not running, else its phase.
 *
 * @param job The job's state and phase.
 */
export function stageLabel( job: Pick< Job, 'state' | 'phase' > ): string {
	switch ( job.state ) {
		case 'queued':
			return __( 'Queued', 'igny8' );
		case 'succeeded':
			return __( 'Done', 'igny8' );
		case 'failed':
			return __( 'Failed', 'igny8' );
		case 'cancelled':
			return __( 'Cancelled', 'igny8' );
	}
	return phaseLabel( job.phase );
}

type Counter = ( n: number ) => string;

/**
 * The numbers a job's result may carry (the AI functions' `result`), in the order they read best.
 * @param n
 */
const COUNTS: ReadonlyArray< [ string, Counter ] > = [
	[
		'clusters_created',
		( n ) =>
			sprintf(
				/* translators: %s: number of clusters */
				_n( '%s new cluster', '%s new clusters', n, 'igny8' ),
				n.toLocaleString()
			),
	],
	[
		'clusters_extended',
		( n ) =>
			sprintf(
				/* translators: %s: number of clusters */
				_n( '%s cluster extended', '%s clusters extended', n, 'igny8' ),
				n.toLocaleString()
			),
	],
	[
		'keywords_clustered',
		( n ) =>
			sprintf(
				/* translators: %s: number of keywords */
				_n(
					'%s keyword clustered',
					'%s keywords clustered',
					n,
					'igny8'
				),
				n.toLocaleString()
			),
	],
	[
		'unclustered',
		( n ) =>
			sprintf(
				/* translators: %s: number of keywords */
				_n(
					'%s keyword left unclustered',
					'%s keywords left unclustered',
					n,
					'igny8'
				),
				n.toLocaleString()
			),
	],
	[
		'generated',
		( n ) =>
			sprintf(
				/* translators: %s: number of images */
				_n( '%s image made', '%s images made', n, 'igny8' ),
				n.toLocaleString()
			),
	],
	[
		'failed',
		( n ) =>
			sprintf(
				/* translators: %s: number of images */
				_n(
					'%s could not be made',
					'%s could not be made',
					n,
					'igny8'
				),
				n.toLocaleString()
			),
	],
	[
		'ideas_created',
		( n ) =>
			sprintf(
				/* translators: %s: number of ideas */
				_n( '%s idea created', '%s ideas created', n, 'igny8' ),
				n.toLocaleString()
			),
	],
];

/**
 * The result of a finished job as short facts, e.g. ["3 new clusters", "45 keywords clustered"].
 *
 * @param result The job's `result`, as the cloud sent it.
 */
export function resultFacts( result: unknown ): string[] {
	if ( typeof result !== 'object' || result === null ) {
		return [];
	}
	const values = result as Record< string, unknown >;
	const facts: string[] = [];
	for ( const [ key, say ] of COUNTS ) {
		const value = values[ key ];
		if (
			typeof value === 'number' &&
			Number.isFinite( value ) &&
			( value > 0 ||
				key === 'clusters_created' ||
				key === 'ideas_created' )
		) {
			facts.push( say( value ) );
		}
	}
	return facts;
}

/**
 * Names the result lists (new clusters, idea titles), at most `max` of them.
 *
 * @param result The job's `result`, as the cloud sent it.
 * @param max    How many names at most.
 */
export function resultNames( result: unknown, max = 10 ): string[] {
	if ( typeof result !== 'object' || result === null ) {
		return [];
	}
	const values = result as Record< string, unknown >;
	const names = values.cluster_names ?? values.titles;
	return Array.isArray( names )
		? names
				.filter( ( name ): name is string => typeof name === 'string' )
				.slice( 0, max )
		: [];
}

/** Why a job did not start, as far as the page can help: too few credits, no AI provider, or else. */
export type StartProblem =
	| { kind: 'credits'; cost: number | null; balance: number | null }
	| { kind: 'provider' }
	| { kind: 'other' };

export function startProblem( error: ErrorInfo ): StartProblem {
	if ( error.status === 402 || error.code === 'insufficient_credits' ) {
		const number = ( value: unknown ) =>
			typeof value === 'number' && Number.isFinite( value )
				? value
				: null;
		return {
			kind: 'credits',
			cost: number( error.details?.cost ),
			balance: number( error.details?.balance ),
		};
	}
	const reason = error.details?.reason;
	if (
		error.status === 422 &&
		( reason === 'provider_not_configured' ||
			( reason === undefined &&
				/\bAI provider\b|\bAPI key\b/i.test( error.message ) ) )
	) {
		return { kind: 'provider' };
	}
	return { kind: 'other' };
}

/**
 * A price shown before a job starts: "about 3 credits".
 *
 * @param credits The estimated price.
 */
export function priceLabel( credits: number ): string {
	return sprintf(
		/* translators: %s: number of credits */
		_n( 'about %s credit', 'about %s credits', credits, 'igny8' ),
		credits.toLocaleString()
	);
}

/** What the cloud answered for an item of a batch it did not start. */
export interface NotStartedAnswer {
	code: string;
	message: string;
}

/**
 * Why a batch item got no job, for its row: the cloud's message, or words for a code it sent without one.
 *
 * @param notStarted The code and message the cloud answered for the item.
 */
export function notStartedReason( notStarted: NotStartedAnswer ): string {
	if ( notStarted.message ) {
		return notStarted.message;
	}
	switch ( notStarted.code ) {
		case 'insufficient_credits':
			return __( 'Not enough credits.', 'igny8' );
		case 'conflict':
			return __( 'Already being worked on.', 'igny8' );
		case 'not_found':
			return __( 'It no longer exists.', 'igny8' );
	}
	return __( 'Not started.', 'igny8' );
}

/** The counts of a batch its summary reads (store/jobs/batch.ts, batchProgress()). */
export interface BatchCounts {
	started: number;
	finished: number;
	succeeded: number;
	failed: number;
	cancelled: number;
	notStarted: number;
}

/**
 * Where a batch is, in words: "2 of 5 done", then how many failed, were cancelled or did not start.
 *
 * @param progress The batch's counts.
 */
export function batchSummary( progress: BatchCounts ): string {
	const parts: string[] = [
		sprintf(
			/* translators: 1: jobs that ended, 2: jobs started */
			__( '%1$s of %2$s done', 'igny8' ),
			progress.finished.toLocaleString(),
			progress.started.toLocaleString()
		),
	];
	if ( progress.failed ) {
		parts.push(
			sprintf(
				/* translators: %s: number of jobs */
				_n( '%s failed', '%s failed', progress.failed, 'igny8' ),
				progress.failed.toLocaleString()
			)
		);
	}
	if ( progress.cancelled ) {
		parts.push(
			sprintf(
				/* translators: %s: number of jobs */
				_n(
					'%s cancelled',
					'%s cancelled',
					progress.cancelled,
					'igny8'
				),
				progress.cancelled.toLocaleString()
			)
		);
	}
	if ( progress.notStarted ) {
		parts.push(
			sprintf(
				/* translators: %s: number of items */
				_n(
					'%s not started',
					'%s not started',
					progress.notStarted,
					'igny8'
				),
				progress.notStarted.toLocaleString()
			)
		);
	}
	return parts.join( ', ' );
}
