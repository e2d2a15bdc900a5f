// The plugin copies the AI engine's value lists and prices (importing them would bundle zod): they must not drift.
import * as shared from '@igny8/shared';
import { describe, expect, it } from 'vitest';
import * as constants from '../constants';

describe( 'jobs constants', () => {
	it( 'list the same job states and phases as the shared contract', () => {
		expect( constants.JOB_STATES ).toEqual( shared.JOB_STATES );
		expect( constants.JOB_PHASES ).toEqual( shared.JOB_PHASES );
		expect( constants.TERMINAL_STATES ).toEqual(
			shared.JOB_STATES.filter(
				( s ) => s !== 'queued' && s !== 'running'
			)
		);
	} );

	it( 'price every operation as the shared table does', () => {
		expect( Object.keys( constants.CREDIT_COSTS ) ).toEqual(
			Object.keys( shared.CREDIT_COSTS )
		);
		for ( const operation of Object.keys(
			shared.CREDIT_COSTS
		) as shared.PricedOperation[] ) {
			for ( const units of [
				0, 1, 2, 3, 29, 30, 31, 59, 60, 61, 100, 1000, 10_000,
			] ) {
				expect(
					constants.creditCost( operation, units ),
					`${ operation } × ${ units }`
				).toBe( shared.creditCost( operation, units ) );
			}
		}
	} );

	it( 'price clustering at 1 credit per 30 keywords (at least 1) and ideas at 1 each', () => {
		expect( constants.creditCost( 'auto_cluster', 0 ) ).toBe( 0 );
		expect( constants.creditCost( 'auto_cluster', 1 ) ).toBe( 1 );
		expect( constants.creditCost( 'auto_cluster', 30 ) ).toBe( 1 );
		expect( constants.creditCost( 'auto_cluster', 31 ) ).toBe( 2 );
		expect( constants.creditCost( 'auto_cluster', 10_000 ) ).toBe( 334 );
		expect( constants.creditCost( 'generate_ideas', 3 * 4 ) ).toBe( 12 );
	} );

	it( 'ask as many ideas per cluster and clusters per job as the cloud takes', () => {
		const payload = ( ideas: number, clusters: number ) =>
			shared.schemas.generateIdeasPayload.safeParse( {
				site_id: 1,
				cluster_ids: Array.from(
					{ length: clusters },
					( _, i ) => i + 1
				),
				ideas_per_cluster: ideas,
			} ).success;
		const { min, max } = constants.IDEAS_PER_CLUSTER;
		expect( [
			payload( min, 1 ),
			payload( max, constants.MAX_IDEA_CLUSTERS ),
		] ).toEqual( [ true, true ] );
		expect( [
			payload( min - 1, 1 ),
			payload( max + 1, 1 ),
			payload( 3, constants.MAX_IDEA_CLUSTERS + 1 ),
		] ).toEqual( [ false, false, false ] );
		expect(
			shared.schemas.generateIdeasPayload.parse( {
				site_id: 1,
				cluster_ids: [ 1 ],
			} ).ideas_per_cluster
		).toBe( constants.IDEAS_PER_CLUSTER.default );
	} );
} );
