// Every value the contract knows reads as words (and one it may add later still shows); the Credits page
// and the Prompts tab name every AI function.
import * as shared from '@igny8/shared';
import { describe, expect, it } from 'vitest';
import { operationLabel } from '../../../credits/labels';
import { taskStatusLabel } from '../../../planner/common/labels';
import { functionLabel } from '../../../settings/prompts/labels';
import {
	anyContentStatus,
	anyImageKind,
	anyImageStatus,
	contentStatusLabel,
	imageKindLabel,
	imageStatusLabel,
} from '../labels';
import { resultContentId } from '../links';

const distinct = ( labels: string[] ) =>
	new Set( labels ).size === labels.length;

describe( 'writer labels', () => {
	it( 'name every content status, image kind and image status, each differently', () => {
		const content = shared.CONTENT_STATUSES.map( contentStatusLabel );
		const kinds = shared.IMAGE_KINDS.map( imageKindLabel );
		const images = shared.IMAGE_STATUSES.map( imageStatusLabel );
		for ( const labels of [ content, kinds, images ] ) {
			expect( labels.every( ( label ) => label.length > 0 ) ).toBe(
				true
			);
			expect( distinct( labels ) ).toBe( true );
		}
		expect( contentStatusLabel( 'review' ) ).toBe( 'In review' );
		expect( imageStatusLabel( 'pending' ) ).toBe( 'Not generated yet' );
	} );

	it( 'name every task status readably', () => {
		expect( shared.TASK_STATUSES.map( taskStatusLabel ) ).toEqual( [
			'Queued',
			'Generating',
			'In review',
			'Completed',
			'Failed',
		] );
	} );

	it( 'show a value they do not know as it was sent', () => {
		expect( anyContentStatus( 'scheduled' ) ).toBe( 'scheduled' );
		expect( anyImageKind( 'gallery' ) ).toBe( 'gallery' );
		expect( anyImageStatus( 'queued' ) ).toBe( 'queued' );
		expect( anyContentStatus( 'approved' ) ).toBe( 'Approved' );
	} );
} );

describe( 'AI function labels', () => {
	it( 'name every AI function on the Credits page and in the Prompts tab', () => {
		const usage = shared.AI_FUNCTIONS.map( operationLabel );
		const prompts = shared.AI_FUNCTIONS.map( functionLabel );
		for ( const labels of [ usage, prompts ] ) {
			expect(
				labels.filter( ( label ) =>
					( shared.AI_FUNCTIONS as readonly string[] ).includes(
						label
					)
				)
			).toEqual( [] );
			expect( distinct( labels ) ).toBe( true );
		}
		expect( operationLabel( 'generate_image_prompts' ) ).toBe(
			'Image prompts'
		);
		expect( functionLabel( 'generate_images' ) ).toBe( 'Making images' );
	} );
} );

describe( 'a finished job’s content', () => {
	it( 'is the content id its result names, if any', () => {
		expect( resultContentId( { content_id: 12, word_count: 900 } ) ).toBe(
			12
		);
		expect( resultContentId( { content_id: '12' } ) ).toBeNull();
		expect( resultContentId( null ) ).toBeNull();
		expect( resultContentId( { content_id: 0 } ) ).toBeNull();
	} );
} );
