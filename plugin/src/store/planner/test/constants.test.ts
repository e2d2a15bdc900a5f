// The plugin copies the contract's value lists (importing them would bundle zod): they must not drift.
import { schemas } from '@igny8/shared';
import { describe, expect, it } from 'vitest';
import * as constants from '../constants';

describe( 'planner constants', () => {
	it( 'list the same statuses, intents and content types as the shared contract', () => {
		expect( constants.KEYWORD_STATUSES ).toEqual(
			schemas.KEYWORD_STATUSES
		);
		expect( constants.KEYWORD_INTENTS ).toEqual( schemas.KEYWORD_INTENTS );
		expect( constants.CLUSTER_STATUSES ).toEqual(
			schemas.CLUSTER_STATUSES
		);
		expect( constants.IDEA_STATUSES ).toEqual( schemas.IDEA_STATUSES );
		expect( constants.TASK_STATUSES ).toEqual( schemas.TASK_STATUSES );
		expect( constants.CONTENT_TYPES ).toEqual( schemas.CONTENT_TYPES );
	} );

	it( 'hold the same limits as the shared contract', () => {
		expect( constants.CSV_MAX_BYTES ).toBe(
			schemas.PLANNER_LIMITS.csvBytes
		);
		expect( constants.BULK_MAX_IDS ).toBe( schemas.PLANNER_LIMITS.bulkIds );
		expect( constants.MAX_PAGE_SIZE ).toBe( 200 );
		expect(
			schemas.keywordListQuery.safeParse( {
				site_id: 1,
				page_size: constants.MAX_PAGE_SIZE,
			} ).success
		).toBe( true );
		expect(
			schemas.keywordListQuery.safeParse( {
				site_id: 1,
				page_size: constants.MAX_PAGE_SIZE + 1,
			} ).success
		).toBe( false );
	} );

	it( 'offer only page sizes the cloud accepts', () => {
		for ( const size of constants.PAGE_SIZES ) {
			expect( size ).toBeLessThanOrEqual( constants.MAX_PAGE_SIZE );
		}
		expect( constants.PAGE_SIZES ).toContain( constants.DEFAULT_PAGE_SIZE );
	} );
} );
