// What a piece's status and sync state let publishing do, and where its post's links lead.
import { describe, expect, it } from 'vitest';
import { canPublish, postLinksOf, publishBlock } from '../publish-state';

const piece = (
	fields: Partial< Parameters< typeof publishBlock >[ 0 ] > = {}
) => ( {
	status: 'approved' as const,
	sync_state: 'none' as const,
	external_id: null,
	external_url: null,
	wp_status: null,
	...fields,
} );

describe( 'publishing a piece', () => {
	it( 'is for approved or published content, not while a publish runs or a conflict waits', () => {
		expect( canPublish( piece() ) ).toBe( true );
		expect(
			canPublish( piece( { status: 'published', sync_state: 'synced' } ) )
		).toBe( true );
		expect( publishBlock( piece( { status: 'review' } ) ) ).toBe(
			'not-approved'
		);
		expect( publishBlock( piece( { sync_state: 'pending' } ) ) ).toBe(
			'pending'
		);
		expect(
			publishBlock(
				piece( { status: 'published', sync_state: 'conflict' } )
			)
		).toBe( 'conflict' );
		expect( canPublish( piece( { sync_state: 'failed' } ) ) ).toBe( true );
	} );

	it( 'links to the post only where it leads somewhere', () => {
		const published = piece( {
			status: 'published',
			external_id: 12,
			external_url: 'http://wp.test/?p=12',
			wp_status: 'draft',
		} );
		expect( postLinksOf( published ) ).toEqual( {
			postId: 12,
			url: 'http://wp.test/?p=12',
		} );
		expect( postLinksOf( { ...published, wp_status: 'trash' } ) ).toEqual( {
			postId: null,
			url: null,
		} );
		expect( postLinksOf( { ...published, wp_status: null } ) ).toEqual( {
			postId: null,
			url: null,
		} );
	} );
} );
