import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LeaderIndex } from './leaders';
import { similarity, tokenSet, SLACK } from './sets';

const VOCABULARY = 12;
const weightsOf = ( dfs: number[] ) =>
	Float64Array.from( dfs, ( df ) => Math.log( 1 + 40 / df ) );
// Ids must rank tokens rarest first, so document frequencies are sorted ascending.
const weights = fc
	.array( fc.integer( { min: 1, max: 40 } ), {
		minLength: VOCABULARY,
		maxLength: VOCABULARY,
	} )
	.map( ( d ) => weightsOf( d.sort( ( a, b ) => a - b ) ) );
const tokens = fc
	.uniqueArray( fc.integer( { min: 0, max: VOCABULARY - 1 } ), {
		minLength: 1,
		maxLength: 6,
	} )
	.map( ( t ) => Int32Array.from( t ).sort() );

describe( 'LeaderIndex', () => {
	it( 'finds the same best target as comparing with every target', () => {
		fc.assert(
			fc.property(
				weights,
				fc.array( tokens, { maxLength: 30 } ),
				tokens,
				fc.double( { min: 0.05, max: 1, noNaN: true } ),
				( w, targets, probe, threshold ) => {
					const index = new LeaderIndex( threshold, w );
					const sets = targets.map( ( t ) =>
						tokenSet( t, w, threshold )
					);
					for ( const set of sets ) index.add( set );
					const query = tokenSet( probe, w, threshold );
					let expected = -1;
					let bestScore = -1;
					sets.forEach( ( set, i ) => {
						const score = similarity( query, set, w );
						if ( score >= threshold - SLACK && score > bestScore ) {
							expected = i;
							bestScore = score;
						}
					} );
					expect( index.best( query ) ).toBe( expected );
				}
			),
			{ numRuns: 500 }
		);
	} );
} );
