// The publishing pages' copies of the contract's value lists must not drift from shared/.
import * as shared from '@igny8/shared';
import { describe, expect, it } from 'vitest';
import * as constants from '../constants';

describe( 'publishing constants', () => {
	it( 'list the same states, statuses and actions as the shared contract', () => {
		expect( constants.CONTENT_SYNC_STATES ).toEqual(
			shared.CONTENT_SYNC_STATES
		);
		expect( constants.PUBLISHING_RECORD_STATUSES ).toEqual(
			shared.PUBLISHING_RECORD_STATUSES
		);
		expect( constants.PUBLISHING_ACTIONS ).toEqual(
			shared.schemas.PUBLISHING_ACTIONS
		);
		expect( constants.WP_POST_STATUSES ).toEqual( shared.WP_POST_STATUSES );
		expect( constants.PUBLISH_AS ).toEqual( shared.PUBLISH_AS );
		expect( constants.SITE_SYNC_STATES ).toEqual( shared.SITE_SYNC_STATES );
	} );

	it( 'send no more terms, nor longer names, than publishBody takes', () => {
		const body = ( categories: string[], tags: string[] ) =>
			shared.schemas.publishBody.safeParse( {
				status: 'draft',
				categories,
				tags,
			} ).success;
		const names = ( count: number, length = 5 ) =>
			Array.from( { length: count }, ( _, i ) =>
				`${ i }`.padEnd( length, 'x' )
			);
		expect(
			body(
				names( constants.CATEGORIES_MAX, constants.TERM_NAME_MAX ),
				names( constants.TAGS_MAX )
			)
		).toBe( true );
		expect( body( names( constants.CATEGORIES_MAX + 1 ), [] ) ).toBe(
			false
		);
		expect( body( [], names( constants.TAGS_MAX + 1 ) ) ).toBe( false );
		expect( body( names( 1, constants.TERM_NAME_MAX + 1 ), [] ) ).toBe(
			false
		);
	} );

	it( 'count as finished exactly the record statuses that wait for nobody', () => {
		expect( [ ...constants.FINISHED_RECORD_STATUSES ].sort() ).toEqual(
			shared.PUBLISHING_RECORD_STATUSES.filter(
				( status ) => status !== 'queued' && status !== 'publishing'
			).sort()
		);
	} );
} );
