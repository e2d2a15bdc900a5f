// Where a publish stands and when it is asked about again.
import { describe, expect, it } from 'vitest';
import { POLL_MAX_MS, POLL_MS } from '../constants';
import { isFinished, pollDelay, recordStage, stepsDone } from '../record';

const record = (
	status: string,
	fields: Partial< {
		attempts: number;
		error: string | null;
		next_attempt_at: string | null;
	} > = {}
) => ( {
	status: status as 'queued',
	attempts: 0,
	error: null,
	next_attempt_at: null,
	...fields,
} );

describe( 'a publishing record', () => {
	it( 'ends when published, failed or in conflict', () => {
		expect( isFinished( record( 'queued' ) ) ).toBe( false );
		expect( isFinished( record( 'publishing' ) ) ).toBe( false );
		expect( isFinished( record( 'published' ) ) ).toBe( true );
		expect( isFinished( record( 'failed' ) ) ).toBe( true );
		expect( isFinished( record( 'conflict' ) ) ).toBe( true );
	} );

	it( 'is retrying when queued again after a failed attempt', () => {
		expect( recordStage( record( 'queued' ) ) ).toBe( 'queued' );
		expect(
			recordStage(
				record( 'queued', { attempts: 1, error: 'WordPress 502' } )
			)
		).toBe( 'retrying' );
		expect( recordStage( record( 'publishing', { attempts: 2 } ) ) ).toBe(
			'publishing'
		);
	} );

	it( 'marks the steps behind it: queued, publishing, published', () => {
		expect( stepsDone( 'queued' ) ).toBe( 1 );
		expect( stepsDone( 'retrying' ) ).toBe( 1 );
		expect( stepsDone( 'publishing' ) ).toBe( 2 );
		expect( stepsDone( 'published' ) ).toBe( 3 );
		expect( stepsDone( 'failed' ) ).toBe( 0 );
	} );

	it( 'is asked about soon while running, and near its next attempt while it waits', () => {
		const now = Date.parse( '2026-01-01T00:00:00Z' );
		expect( pollDelay( record( 'queued' ), now ) ).toBe( POLL_MS );
		const waiting = ( at: string ) =>
			pollDelay(
				record( 'queued', {
					attempts: 1,
					error: 'timeout',
					next_attempt_at: at,
				} ),
				now
			);
		expect( waiting( '2026-01-01T00:00:05Z' ) ).toBe( 5_000 );
		expect( waiting( '2026-01-01T01:00:00Z' ) ).toBe( POLL_MAX_MS );
		expect( waiting( '2025-12-31T23:00:00Z' ) ).toBe( POLL_MS );
		expect( waiting( 'not a date' ) ).toBe( POLL_MS );
	} );
} );
