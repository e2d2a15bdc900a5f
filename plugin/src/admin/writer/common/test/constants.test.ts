// The Writer's copies of the contract's value lists and limits must not drift from shared/.
import * as shared from '@igny8/shared';
import { describe, expect, it } from 'vitest';
import * as constants from '../constants';

describe( 'writer constants', () => {
	it( 'list the same statuses and kinds as the shared contract', () => {
		expect( constants.CONTENT_STATUSES ).toEqual( shared.CONTENT_STATUSES );
		expect( constants.IMAGE_KINDS ).toEqual( shared.IMAGE_KINDS );
		expect( constants.IMAGE_STATUSES ).toEqual( shared.IMAGE_STATUSES );
	} );

	it( 'keep the shared limits', () => {
		expect( constants.WRITER_LIMITS ).toEqual( shared.WRITER_LIMITS );
		expect( constants.GENERATION_BATCH_MAX ).toBe(
			shared.GENERATION_BATCH_MAX
		);
	} );

	it( 'ask for no more in-article images than the cloud takes', () => {
		const body = ( inArticle: number ) =>
			shared.schemas.generateImagePromptsBody.safeParse( {
				site_id: 1,
				content_ids: [ 1 ],
				in_article: inArticle,
			} ).success;
		expect( body( constants.IN_ARTICLE_IMAGES_MAX ) ).toBe( true );
		expect( body( constants.IN_ARTICLE_IMAGES_MAX + 1 ) ).toBe( false );
	} );
} );
