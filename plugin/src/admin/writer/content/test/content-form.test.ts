// The review screen's form: only what changed is sent, and the status moves each status offers.
import * as shared from '@igny8/shared';
import { describe, expect, it } from 'vitest';
import type { Content } from '../../../../api/writer';
import { changesOf, isDirty, statusMoves, valuesOf } from '../content-form';

const content: Content = {
	id: 5,
	site_id: 7,
	sector_id: 3,
	task_id: 9,
	title: 'Best trail shoes',
	meta_title: 'Trail shoes',
	meta_description: null,
	word_count: 3,
	status: 'review',
	source: 'igny8',
	revision_hash: 'abc',
	external_id: null,
	external_url: null,
	sync_state: 'none',
	wp_status: null,
	last_synced_at: null,
	created_at: '2026-01-01T00:00:00Z',
	updated_at: '2026-01-01T00:00:00Z',
	body: '<!-- wp:paragraph --><p>Grip matters most.</p><!-- /wp:paragraph -->',
};

describe( 'the review form', () => {
	it( 'sends nothing when nothing changed', () => {
		expect( changesOf( content, valuesOf( content ) ) ).toEqual( {} );
		expect(
			isDirty( content, {
				...valuesOf( content ),
				title: ' Best trail shoes ',
			} )
		).toBe( false );
	} );

	it( 'sends only what changed, an emptied meta field as null', () => {
		const changes = changesOf( content, {
			...valuesOf( content ),
			metaTitle: '',
			metaDescription: ' Shoes for trails ',
			body: content.body + '\n',
		} );
		expect( changes ).toEqual( {
			meta_title: null,
			meta_description: 'Shoes for trails',
			body: `${ content.body }\n`,
		} );
		expect(
			shared.schemas.contentUpdateBody.safeParse( {
				...changes,
				status: 'approved',
			} ).success
		).toBe( true );
	} );

	it( 'offers Approve for a piece in review, review for a draft or an approved piece, nothing once published', () => {
		expect(
			shared.CONTENT_STATUSES.map( ( status ) => [
				status,
				statusMoves( status ),
			] )
		).toEqual( [
			[ 'draft', { approve: false, toReview: true } ],
			[ 'review', { approve: true, toReview: false } ],
			[ 'approved', { approve: false, toReview: true } ],
			[ 'published', { approve: false, toReview: false } ],
		] );
	} );
} );
