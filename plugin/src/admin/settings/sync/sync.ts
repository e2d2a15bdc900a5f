// What the Sync panel says about a full sync and the outbox (pure; see test/sync.test.ts).
import type { SiteSync } from '../../../api/publishing';

export function isSyncRunning( sync: Pick< SiteSync, 'state' > | null ) {
	return (
		sync !== null && ( sync.state === 'queued' || sync.state === 'running' )
	);
}

/**
 * A percentage to show: the cloud's, kept within 0–100 and whole.
 *
 * @param sync The full sync.
 */
export function syncPercent( sync: Pick< SiteSync, 'percentage' > ): number {
	const value = Number.isFinite( sync.percentage ) ? sync.percentage : 0;
	return Math.round( Math.min( 100, Math.max( 0, value ) ) );
}
