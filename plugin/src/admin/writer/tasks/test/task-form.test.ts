// A task's form: what it sends, the outline it makes, and what each status allows.
import * as shared from '@igny8/shared';
import { describe, expect, it } from 'vitest';
import type { WriterTask } from '../../../../api/writer';
import {
	canGenerate,
	canRegenerate,
	draftOf,
	isLocked,
	moveSection,
	newSection,
	outlineOf,
	parseTargetLength,
	taskBody,
} from '../task-form';

const task: WriterTask = {
	id: 5,
	site_id: 7,
	sector_id: 3,
	cluster_id: 4,
	idea_id: 9,
	title: 'Best trail shoes',
	brief: 'For runners new to trails',
	target_keywords: [ 'trail shoes', 'best trail shoes' ],
	content_type: 'listicle',
	status: 'queued',
	wp_post_id: null,
	post_url: null,
	created_at: '2026-01-01T00:00:00Z',
	updated_at: '2026-01-01T00:00:00Z',
	content_structure: {
		sections: [
			{ heading: 'Grip' },
			{ heading: 'Fit', level: 3, notes: 'Wide feet' },
		],
	},
	author_profile_id: 2,
	target_length: 1500,
	error: null,
};

describe( 'a task’s form', () => {
	it( 'starts from the task and sends it back unchanged', () => {
		const body = taskBody( draftOf( task ) );
		expect( body ).toEqual( {
			title: 'Best trail shoes',
			brief: 'For runners new to trails',
			target_keywords: [ 'trail shoes', 'best trail shoes' ],
			content_type: 'listicle',
			cluster_id: 4,
			author_profile_id: 2,
			target_length: 1500,
			content_structure: task.content_structure,
		} );
		expect(
			shared.schemas.writerTaskUpdateBody.safeParse( body ).success
		).toBe( true );
	} );

	it( 'sends a new task the cloud takes, with nulls for what was left empty', () => {
		const draft = {
			...draftOf( null ),
			title: '  Trail shoes  ',
			keywords: 'a, b\nA',
		};
		const body = taskBody( draft );
		expect( body ).toMatchObject( {
			title: 'Trail shoes',
			brief: null,
			target_keywords: [ 'a', 'b' ],
			content_type: 'post',
			cluster_id: null,
			author_profile_id: null,
			target_length: null,
			content_structure: null,
		} );
		expect(
			shared.schemas.writerTaskCreateBody.safeParse( {
				site_id: 7,
				sector_id: 3,
				...body,
			} ).success
		).toBe( true );
	} );

	it( 'cannot be sent without a title or with a length out of bounds', () => {
		expect( taskBody( { ...draftOf( task ), title: '  ' } ) ).toBeNull();
		expect(
			taskBody( { ...draftOf( task ), targetLength: '50' } )
		).toBeNull();
	} );

	it( 'reads a target length within 100–10,000 words, empty for the default', () => {
		expect(
			[ '', ' 1500 ', '100', '10000', '99', '10001', '1.5', 'abc' ].map(
				parseTargetLength
			)
		).toEqual( [
			null,
			1500,
			100,
			10000,
			undefined,
			undefined,
			undefined,
			undefined,
		] );
	} );
} );

describe( 'an outline', () => {
	it( 'keeps the sections with a heading, trimmed, without the defaults', () => {
		expect(
			outlineOf( [
				newSection( { heading: ' Grip ', notes: '  ' } ),
				newSection( { heading: '   ' } ),
				newSection( {
					heading: 'Fit',
					level: 4,
					notes: ' Wide feet ',
				} ),
			] )
		).toEqual( {
			sections: [
				{ heading: 'Grip' },
				{ heading: 'Fit', level: 4, notes: 'Wide feet' },
			],
		} );
	} );

	it( 'is null when no section has a heading', () => {
		expect( outlineOf( [] ) ).toBeNull();
		expect( outlineOf( [ newSection() ] ) ).toBeNull();
	} );

	it( 'moves a section one place up or down, and nowhere past its ends', () => {
		expect( moveSection( [ 'a', 'b', 'c' ], 2, -1 ) ).toEqual( [
			'a',
			'c',
			'b',
		] );
		expect( moveSection( [ 'a', 'b', 'c' ], 0, 1 ) ).toEqual( [
			'b',
			'a',
			'c',
		] );
		expect( moveSection( [ 'a', 'b' ], 0, -1 ) ).toEqual( [ 'a', 'b' ] );
		expect( moveSection( [ 'a', 'b' ], 1, 1 ) ).toEqual( [ 'a', 'b' ] );
	} );

	it( 'gives each new section its own key', () => {
		expect( newSection().key ).not.toBe( newSection().key );
	} );
} );

describe( 'what a task’s status allows', () => {
	it( 'generates waiting and failed tasks, regenerates those in review or failed, locks those generating', () => {
		const statuses = shared.TASK_STATUSES;
		expect( statuses.filter( canGenerate ) ).toEqual( [
			'queued',
			'failed',
		] );
		expect( statuses.filter( canRegenerate ) ).toEqual( [
			'review',
			'failed',
		] );
		expect( statuses.filter( isLocked ) ).toEqual( [ 'generating' ] );
	} );
} );
