// Where a publishing record stands, and when to ask about it again (pure; see test/record.test.ts).
import type { PublishingRecord } from '../../../api/publishing';
import { FINISHED_RECORD_STATUSES, POLL_MAX_MS, POLL_MS } from './constants';

/** What the user is told a publish is doing. */
export type RecordStage =
	| 'queued'
	| 'publishing'
	/** Queued again after a failed attempt: waits for `next_attempt_at`. */
	| 'retrying'
	| 'published'
	| 'failed'
	| 'conflict';

type RecordState = Pick<
	PublishingRecord,
	'status' | 'attempts' | 'error' | 'next_attempt_at'
>;

export function isFinished( record: Pick< PublishingRecord, 'status' > ) {
	return ( FINISHED_RECORD_STATUSES as readonly string[] ).includes(
		record.status
	);
}

export function recordStage( record: RecordState ): RecordStage {
	if ( record.status === 'queued' ) {
		return record.attempts > 0 && record.error ? 'retrying' : 'queued';
	}
	return record.status as RecordStage;
}

/**
 * How long to wait before asking about a running record again: soon while it is queued or running, and
 * until its next attempt (within bounds) while it waits for a retry.
 *
 * @param record The record as last seen.
 * @param now    Milliseconds, like Date.now().
 */
export function pollDelay( record: RecordState, now: number ): number {
	if ( recordStage( record ) !== 'retrying' || ! record.next_attempt_at ) {
		return POLL_MS;
	}
	const next = Date.parse( record.next_attempt_at );
	if ( Number.isNaN( next ) ) {
		return POLL_MS;
	}
	return Math.min( POLL_MAX_MS, Math.max( POLL_MS, next - now ) );
}

/**
 * The steps a publish goes through, and which of them are behind it: queued → publishing → published.
 *
 * @param stage Where the record stands.
 */
export function stepsDone( stage: RecordStage ): number {
	switch ( stage ) {
		case 'queued':
		case 'retrying':
			return 1;
		case 'publishing':
			return 2;
		case 'published':
			return 3;
		default:
			return 0;
	}
}
