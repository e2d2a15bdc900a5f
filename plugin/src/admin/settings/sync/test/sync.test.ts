// A full sync as the Sync panel reads it.
import { describe, expect, it } from 'vitest';
import { isSyncRunning, syncPercent } from '../sync';

describe( 'a full sync', () => {
	it( 'runs while queued or running', () => {
		expect( isSyncRunning( null ) ).toBe( false );
		expect( isSyncRunning( { state: 'queued' } ) ).toBe( true );
		expect( isSyncRunning( { state: 'running' } ) ).toBe( true );
		expect( isSyncRunning( { state: 'succeeded' } ) ).toBe( false );
		expect( isSyncRunning( { state: 'failed' } ) ).toBe( false );
	} );

	it( 'shows a whole percentage within 0–100', () => {
		expect( syncPercent( { percentage: 42.6 } ) ).toBe( 43 );
		expect( syncPercent( { percentage: 130 } ) ).toBe( 100 );
		expect( syncPercent( { percentage: -1 } ) ).toBe( 0 );
		expect( syncPercent( { percentage: NaN } ) ).toBe( 0 );
	} );
} );
