// An image's texts on the Images page, and the names the page gives images.
import * as shared from '@igny8/shared';
import { describe, expect, it } from 'vitest';
import { imageChanges, imageName } from '../image-form';

const image = { alt: 'A shoe', caption: null, prompt: 'A trail shoe on rocks' };

describe( 'an image’s texts', () => {
	it( 'send only what changed, trimmed, an emptied caption as null', () => {
		expect(
			imageChanges( image, {
				alt: 'A shoe',
				caption: '',
				prompt: 'A trail shoe on rocks',
			} )
		).toEqual( {} );
		const changes = imageChanges(
			{ ...image, caption: 'Grip' },
			{
				alt: ' A muddy shoe ',
				caption: ' ',
				prompt: 'A muddy trail shoe',
			}
		);
		expect( changes ).toEqual( {
			alt: 'A muddy shoe',
			caption: null,
			prompt: 'A muddy trail shoe',
		} );
		expect(
			shared.schemas.imageUpdateBody.safeParse( changes ).success
		).toBe( true );
	} );
} );

describe( 'an image’s name', () => {
	it( 'says its kind, its place and its piece', () => {
		expect(
			imageName(
				{ id: 3, kind: 'in_article', position: 2 },
				'Trail shoes'
			)
		).toBe( 'In-article image 2 of “Trail shoes”' );
		expect( imageName( { id: 3, kind: 'featured', position: 0 } ) ).toBe(
			'Featured image #3'
		);
	} );
} );
