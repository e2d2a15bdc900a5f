// A publishing record followed live: asked about again until it ends (published, failed or in conflict).
import { useCallback, useEffect, useRef, useState } from '@wordpress/element';
import { toErrorInfo, type ErrorInfo } from '../../../api/errors';
import { publishingApi, type PublishingRecord } from '../../../api/publishing';
import { POLL_MAX_MS } from './constants';
import { isFinished, pollDelay } from './record';

export interface FollowedRecord {
	record: PublishingRecord | null;
	/** The last failed look (the record is still followed: it is asked about again later). */
	error: ErrorInfo | null;
	/** Starts following a record (just made by a publish or a retry, or found running). */
	follow: ( record: PublishingRecord | null ) => void;
}

/**
 * Follows one record; `onEnd` is called once when a record seen running has ended.
 *
 * @param onEnd Called with the ended record (e.g. to load the content again).
 */
export function useFollowedRecord(
	onEnd?: ( record: PublishingRecord ) => void
): FollowedRecord {
	const [ record, setRecord ] = useState< PublishingRecord | null >( null );
	const [ error, setError ] = useState< ErrorInfo | null >( null );
	const ended = useRef( onEnd );
	ended.current = onEnd;
	/** Whether the followed record was seen running: only then does its end call onEnd. */
	const running = useRef( false );

	const follow = useCallback( ( next: PublishingRecord | null ) => {
		running.current = next !== null && ! isFinished( next );
		setError( null );
		setRecord( next );
	}, [] );

	const id = record?.id ?? null;
	const finished = record === null || isFinished( record );
	const delay = record && ! finished ? pollDelay( record, Date.now() ) : 0;
	useEffect( () => {
		if ( id === null ) {
			return undefined;
		}
		if ( finished ) {
			if ( running.current && record ) {
				running.current = false;
				ended.current?.( record );
			}
			return undefined;
		}
		let live = true;
		const timer = window.setTimeout(
			() => {
				publishingApi.getRecord( id ).then(
					( next ) => {
						if ( live ) {
							setError( null );
							setRecord( next );
						}
					},
					( failure: unknown ) => {
						if ( live ) {
							setError( toErrorInfo( failure ) );
							// Same record, new object: the effect runs again and waits once more.
							setRecord( ( current ) =>
								current ? { ...current } : current
							);
						}
					}
				);
			},
			error ? POLL_MAX_MS : delay
		);
		return () => {
			live = false;
			window.clearTimeout( timer );
		};
		// A new record object (each answer is one) waits and asks again.
	}, [ id, finished, delay, error, record ] );

	return { record, error, follow };
}
