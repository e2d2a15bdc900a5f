// The preview of a body: block comments gone, the cloud's image addresses swapped for signed URLs of the
// same images, a placeholder where an image does not exist yet; and words counted as the cloud counts.
import { wordCount } from '@igny8/shared';
import { describe, expect, it } from 'vitest';
import {
	countWords,
	imageFileRef,
	lengthAgainst,
	previewHtml,
	stripComments,
} from '../markup';

const CLOUD = 'https://cloud.igny8.test/api/v1/writer/images/file';
const signed = ( ref: string ) =>
	`${ CLOUD }/${ ref }?exp=1767225600&sig=abc123`;
const imageBlock = ( src: string, alt = 'A shoe' ) =>
	`<!-- wp:image -->\n<figure class="wp-block-image"><img src="${ src }" alt="${ alt }"/><figcaption class="wp-element-caption">Grip</figcaption></figure>\n<!-- /wp:image -->`;
const PLACEHOLDER = 'Image not generated yet';

describe( 'an image address', () => {
	it( 'names the image by its file, with or without the signature', () => {
		expect( imageFileRef( `${ CLOUD }/r4nd0m` ) ).toBe( 'r4nd0m' );
		expect( imageFileRef( signed( 'r4nd0m' ) ) ).toBe( 'r4nd0m' );
		expect( imageFileRef( '/api/v1/writer/images/file/r4nd0m#top' ) ).toBe(
			'r4nd0m'
		);
	} );

	it( 'is not one of the cloud’s when it points elsewhere', () => {
		expect( imageFileRef( 'https://example.com/shoe.jpg' ) ).toBeNull();
		expect( imageFileRef( `${ CLOUD }/` ) ).toBeNull();
	} );
} );

describe( 'the preview of a body', () => {
	it( 'drops the block comments and keeps the HTML', () => {
		const html = previewHtml(
			'<!-- wp:heading -->\n<h2 class="wp-block-heading">Grip</h2>\n<!-- /wp:heading -->\n<!-- wp:paragraph --><p>Soles &amp; lugs.</p><!-- /wp:paragraph -->',
			[],
			PLACEHOLDER
		);
		expect( html ).not.toContain( '<!--' );
		expect( html ).toContain( '<h2 class="wp-block-heading">Grip</h2>' );
		expect( html ).toContain( '<p>Soles &amp; lugs.</p>' );
	} );

	it( 'shows each image through the signed URL of the same image, matched on its file', () => {
		const html = previewHtml(
			imageBlock( `${ CLOUD }/aaa` ) +
				imageBlock( `${ CLOUD }/bbb`, 'Lugs' ),
			[ { url: signed( 'bbb' ) }, { url: signed( 'aaa' ) } ],
			PLACEHOLDER
		);
		expect( html ).toContain(
			`<img src="${ CLOUD }/aaa?exp=1767225600&amp;sig=abc123" alt="A shoe"/>`
		);
		expect( html ).toContain(
			`<img src="${ CLOUD }/bbb?exp=1767225600&amp;sig=abc123" alt="Lugs"/>`
		);
		expect( html ).toContain( 'Grip</figcaption>' );
	} );

	it( 'matches on the path, whichever host wrote the address', () => {
		const html = previewHtml(
			imageBlock( 'http://127.0.0.1:8787/api/v1/writer/images/file/aaa' ),
			[ { url: signed( 'aaa' ) } ],
			PLACEHOLDER
		);
		expect( html ).toContain( signed( 'aaa' ).replace( '&', '&amp;' ) );
	} );

	it( 'puts a neutral placeholder where an image has no URL yet', () => {
		const html = previewHtml(
			imageBlock( `${ CLOUD }/aaa` ) + imageBlock( `${ CLOUD }/ccc` ),
			[ { url: signed( 'aaa' ) }, { url: null } ],
			PLACEHOLDER
		);
		expect( html.match( /class="igny8-image-placeholder"/g ) ).toHaveLength(
			1
		);
		expect( html ).toContain(
			'<span class="igny8-image-placeholder" role="img" aria-label="Image not generated yet">Image not generated yet</span>'
		);
		expect( html ).not.toContain( `${ CLOUD }/ccc` );
	} );

	it( 'leaves other images alone, and drops a srcset that would bypass the swap', () => {
		const other =
			'<figure><img src="https://example.com/shoe.jpg" alt=""/></figure>';
		expect( previewHtml( other, [], PLACEHOLDER ) ).toBe( other );
		const html = previewHtml(
			`<img alt="x" srcset="${ CLOUD }/aaa 2x" src='${ CLOUD }/aaa'>`,
			[ { url: signed( 'aaa' ) } ],
			PLACEHOLDER
		);
		expect( html ).not.toContain( 'srcset' );
		expect( html ).toContain( `src="${ CLOUD }/aaa?exp=` );
	} );

	it( 'escapes the placeholder’s words', () => {
		expect(
			previewHtml( `<img src="${ CLOUD }/x">`, [], '<b>“soon”</b>' )
		).toContain( '&lt;b&gt;“soon”&lt;/b&gt;' );
	} );
} );

describe( 'words of a body', () => {
	it( 'are counted as the cloud counts them (shared wordCount)', () => {
		for ( const body of [
			'',
			'<!-- wp:paragraph --><p>One two three.</p><!-- /wp:paragraph -->',
			'<!-- wp:paragraph --><p><strong>b</strong>old and e-mail don’t 3.5</p><!-- /wp:paragraph -->',
			'<h2>Heading</h2><p>Text&nbsp;here &amp; there</p><ul><li>one</li><li>two</li></ul>',
			'<p>日本語のテキスト and words</p><script>ignored words</script>',
			'a<!-- x -->b',
			imageBlock( `${ CLOUD }/aaa` ),
		] ) {
			expect( countWords( body ), body ).toBe( wordCount( body ) );
		}
	} );

	it( 'leave no comment behind', () => {
		expect(
			stripComments( 'a<!-- wp:x {"a":1} -->b<!-- /wp:x -->c' )
		).toBe( 'abc' );
		expect( stripComments( 'a<!-- open' ) ).toBe( 'a<!-- open' );
	} );
} );

describe( 'a meta field’s counter', () => {
	it( 'counts characters, not UTF-16 units, and says when the text is past the limit', () => {
		expect( lengthAgainst( '  Best shoes  ', 60 ) ).toEqual( {
			length: 10,
			over: false,
		} );
		expect( lengthAgainst( '👟'.repeat( 61 ), 60 ) ).toEqual( {
			length: 61,
			over: true,
		} );
	} );
} );
