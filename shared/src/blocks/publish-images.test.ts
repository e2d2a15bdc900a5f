// The body publishing sends: stable image addresses become attachment blocks WordPress 6.5 saves the same way.
import { describe, expect, it } from 'vitest';
import {
	attachmentImageBlock,
	publishImages,
	stableImageRef,
	type AttachmentImage,
} from './publish-images';
import { sectionsToBlocks } from './serialize';
import { validateBlockMarkup } from './validate';

const REF_A = '0f8c3b1e-5d2a-4c7e-9b1f-2a3d4e5f6a7b';
const REF_B = '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d';
const ORIGIN = 'https://cloud.igny8.test';
const stable = ( ref: string ) =>
	`${ ORIGIN }/api/v1/writer/images/file/${ ref }`;

/** A body as generation writes it: text, and images at their stable address. */
function body( ...refs: string[] ) {
	return sectionsToBlocks(
		[
			{ type: 'heading', level: 2, text: 'Grinding' },
			...refs.map( ( ref, i ) => ( {
				type: 'image' as const,
				ref: `img-${ i + 1 }`,
				prompt: 'a grinder',
				alt: `Burr grinder ${ i + 1 } & "beans"`,
				caption: i === 0 ? 'Steel *burrs*' : null,
			} ) ),
			{ type: 'paragraph', text: 'Grind fresh.' },
		],
		Object.fromEntries(
			refs.map( ( ref, i ) => [
				`img-${ i + 1 }`,
				{ url: stable( ref ) },
			] )
		)
	);
}

const media = (
	entries: [ string, AttachmentImage | null ][]
): Map< string, AttachmentImage | null > => new Map( entries );

describe( 'stableImageRef', () => {
	it( 'reads the ref of a stable address, signed or not, from any origin', () => {
		expect( stableImageRef( stable( REF_A ) ) ).toBe( REF_A );
		expect(
			stableImageRef( `${ stable( REF_A ) }?exp=1&amp;sig=ab` )
		).toBe( REF_A );
		expect(
			stableImageRef(
				`http://127.0.0.1:8787/api/v1/writer/images/file/${ REF_B }`
			)
		).toBe( REF_B );
		expect(
			stableImageRef( `/api/v1/writer/images/file/${ REF_B }` )
		).toBe( REF_B );
	} );

	it( 'answers null for media URLs and look-alikes', () => {
		expect(
			stableImageRef( 'https://site.test/wp-content/uploads/a.png' )
		).toBeNull();
		expect(
			stableImageRef(
				`https://evil.test/?u=${ ORIGIN }/api/v1/writer/images/file/${ REF_A }`
			)
		).toBeNull();
		expect( stableImageRef( `${ stable( REF_A ) }/../other` ) ).toBeNull();
	} );
} );

describe( 'attachmentImageBlock: what WordPress 6.5 saves for {id, sizeSlug: large, linkDestination: none}', () => {
	it( 'writes the attributes, the size class and the attachment class', () => {
		expect(
			attachmentImageBlock( {
				id: 42,
				url: 'https://site.test/wp-content/uploads/2026/01/igny8-a.png',
				alt: 'Tom & "Jerry"',
				captionHtml: 'On the <em>trail</em>',
			} )
		).toBe(
			'<!-- wp:image {"id":42,"sizeSlug":"large","linkDestination":"none"} -->\n' +
				'<figure class="wp-block-image size-large"><img src="https://site.test/wp-content/uploads/2026/01/igny8-a.png" alt="Tom &amp; &quot;Jerry&quot;" class="wp-image-42"/>' +
				'<figcaption class="wp-element-caption">On the <em>trail</em></figcaption></figure>\n<!-- /wp:image -->'
		);
	} );

	it( 'leaves the caption out when there is none', () => {
		expect(
			attachmentImageBlock( {
				id: 7,
				url: 'https://site.test/a.png',
				alt: 'A',
				captionHtml: '',
			} )
		).toBe(
			'<!-- wp:image {"id":7,"sizeSlug":"large","linkDestination":"none"} -->\n' +
				'<figure class="wp-block-image size-large"><img src="https://site.test/a.png" alt="A" class="wp-image-7"/></figure>\n<!-- /wp:image -->'
		);
	} );

	it( 'refuses a URL a post must not show, and a bad id', () => {
		const base = { alt: '', captionHtml: '' };
		expect(
			attachmentImageBlock( {
				...base,
				id: 3,
				url: 'javascript:alert(1)',
			} )
		).toBeNull();
		expect(
			attachmentImageBlock( {
				...base,
				id: 0,
				url: 'https://a.test/x.png',
			} )
		).toBeNull();
	} );
} );

describe( 'publishImages', () => {
	it( 'points each stable address at its attachment, keeping alt and caption, and stays valid', () => {
		const out = publishImages(
			body( REF_A, REF_B ),
			media( [
				[ REF_A, { id: 11, url: 'https://site.test/up/igny8-a.png' } ],
				[ REF_B, { id: 12, url: 'https://site.test/up/igny8-b.webp' } ],
			] )
		);
		expect( out.replaced ).toEqual( [ REF_A, REF_B ] );
		expect( out.removed ).toEqual( [] );
		expect( out.markup ).toContain(
			'<!-- wp:image {"id":11,"sizeSlug":"large","linkDestination":"none"} -->\n' +
				'<figure class="wp-block-image size-large"><img src="https://site.test/up/igny8-a.png" alt="Burr grinder 1 &amp; &quot;beans&quot;" class="wp-image-11"/>' +
				'<figcaption class="wp-element-caption">Steel <em>burrs</em></figcaption></figure>\n<!-- /wp:image -->'
		);
		expect( out.markup ).toContain(
			'<img src="https://site.test/up/igny8-b.webp" alt="Burr grinder 2 &amp; &quot;beans&quot;" class="wp-image-12"/></figure>'
		);
		expect( out.markup ).not.toContain( '/api/v1/writer/images/file/' );
		expect( validateBlockMarkup( out.markup ) ).toEqual( {
			valid: true,
			problems: [],
		} );
		// The rest of the body is unchanged.
		expect( out.markup.startsWith( '<!-- wp:heading -->' ) ).toBe( true );
		expect(
			out.markup.endsWith( '<p>Grind fresh.</p>\n<!-- /wp:paragraph -->' )
		).toBe( true );
	} );

	it( 'uses the alt text and caption the image now has when given', () => {
		const out = publishImages(
			body( REF_A ),
			media( [
				[
					REF_A,
					{
						id: 5,
						url: 'https://site.test/a.png',
						alt: 'Edited alt',
						captionHtml: '',
					},
				],
			] )
		);
		expect( out.markup ).toContain(
			'<img src="https://site.test/a.png" alt="Edited alt" class="wp-image-5"/></figure>'
		);
	} );

	it( 'leaves out images without an attachment, with the blank lines around them', () => {
		const out = publishImages(
			body( REF_A, REF_B ),
			media( [
				[ REF_A, null ],
				[ REF_B, { id: 12, url: 'https://site.test/b.png' } ],
			] )
		);
		expect( out.removed ).toEqual( [ REF_A ] );
		expect( out.replaced ).toEqual( [ REF_B ] );
		expect( out.markup ).not.toContain( REF_A );
		expect( out.markup ).not.toMatch( /\n{3,}/ );
		expect( validateBlockMarkup( out.markup ).valid ).toBe( true );
		const none = publishImages( body( REF_A, REF_B ), media( [] ) );
		expect( none.removed ).toEqual( [ REF_A, REF_B ] );
		expect( none.markup ).toBe(
			'<!-- wp:heading -->\n<h2 class="wp-block-heading">Grinding</h2>\n<!-- /wp:heading -->\n\n' +
				'<!-- wp:paragraph -->\n<p>Grind fresh.</p>\n<!-- /wp:paragraph -->'
		);
	} );

	it( 'leaves a body without stable addresses exactly as it is', () => {
		const markup = sectionsToBlocks(
			[
				{
					type: 'image',
					ref: 'img-1',
					prompt: 'p',
					alt: 'Already uploaded',
					caption: null,
				},
				{ type: 'paragraph', text: 'Text' },
			],
			{ 'img-1': { url: 'https://site.test/up/x.png', id: 9 } }
		);
		const out = publishImages(
			markup,
			media( [ [ REF_A, { id: 1, url: 'https://x.test/a.png' } ] ] )
		);
		expect( out ).toEqual( { markup, replaced: [], removed: [] } );
	} );

	it( 'publishing the published body again changes nothing', () => {
		const once = publishImages(
			body( REF_A ),
			media( [ [ REF_A, { id: 11, url: 'https://site.test/a.png' } ] ] )
		).markup;
		expect(
			publishImages(
				once,
				media( [
					[ REF_A, { id: 11, url: 'https://site.test/a.png' } ],
				] )
			).markup
		).toBe( once );
	} );
} );
