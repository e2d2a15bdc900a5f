import { describe, expect, it } from 'vitest';
import { validateBlockMarkup } from './validate';

const P = '<!-- wp:paragraph -->\n<p>Text</p>\n<!-- /wp:paragraph -->';
const messages = ( markup: string ) =>
	validateBlockMarkup( markup ).problems.map( ( p ) => p.message );

describe( 'validateBlockMarkup', () => {
	it( 'accepts our blocks with whitespace between them, and an empty body', () => {
		expect( validateBlockMarkup( `\n${ P }\n\n${ P }\n` ) ).toEqual( {
			valid: true,
			problems: [],
		} );
		expect( validateBlockMarkup( '' ) ).toEqual( {
			valid: true,
			problems: [],
		} );
	} );

	it( 'reports content outside blocks', () => {
		expect( validateBlockMarkup( `<p>loose</p>\n${ P }` ) ).toEqual( {
			valid: false,
			problems: [
				{
					block: null,
					at: [ 0 ],
					message: 'content outside blocks: "<p>loose</p>"',
				},
			],
		} );
	} );

	it( 'reports blocks outside the set we emit', () => {
		expect(
			messages(
				'<!-- wp:html -->\n<script>x</script>\n<!-- /wp:html -->'
			)
		).toEqual( [ 'core/html is not a block the Writer emits' ] );
		expect( messages( '<!-- wp:acme/widget /-->' ) ).toEqual( [
			'acme/widget is not a block the Writer emits',
		] );
	} );

	it( 'reports a heading whose tag does not match its level, or without its class', () => {
		expect(
			messages(
				'<!-- wp:heading {"level":3} -->\n<h2 class="wp-block-heading">x</h2>\n<!-- /wp:heading -->'
			)
		).toEqual( [ '<h2> for a heading of level 3' ] );
		expect(
			messages( '<!-- wp:heading -->\n<h2>x</h2>\n<!-- /wp:heading -->' )
		).toEqual( [ 'the heading lacks its wp-block-heading class' ] );
	} );

	it( 'reports list items outside a list, lists of the wrong kind and text between items', () => {
		expect(
			messages(
				'<!-- wp:list-item -->\n<li>x</li>\n<!-- /wp:list-item -->'
			)
		).toEqual( [ 'a list item outside a list' ] );
		expect(
			messages(
				'<!-- wp:list -->\n<ol>stray<!-- wp:list-item -->\n<li>x</li>\n<!-- /wp:list-item --></ol>\n<!-- /wp:list -->'
			)
		).toEqual( [
			'<ol> for a list with ordered false',
			'text between list items: "stray"',
		] );
		expect(
			messages( `<!-- wp:list -->\n<ul>${ P }</ul>\n<!-- /wp:list -->` )
		).toEqual(
			expect.arrayContaining( [
				'core/paragraph inside core/list (only list items)',
				'a list without items',
			] )
		);
	} );

	it( 'reports delimiters that do not pair up', () => {
		expect( messages( '<!-- wp:paragraph -->\n<p>x</p>' ) ).toEqual( [
			'core/paragraph is never closed',
		] );
		expect( messages( `${ P }\n<!-- /wp:quote -->` ) ).toContain(
			'closing core/quote that was never opened'
		);
	} );

	it( 'reports unsafe HTML inside a block', () => {
		expect(
			messages(
				'<!-- wp:paragraph -->\n<p>x<script>alert(1)</script></p>\n<!-- /wp:paragraph -->'
			)
		).toEqual( [ 'unsafe HTML: <script>' ] );
		expect(
			messages(
				'<!-- wp:paragraph -->\n<p><a href="jav&#x61;script&colon;alert(1)">x</a></p>\n<!-- /wp:paragraph -->'
			)
		).toHaveLength( 1 );
		expect(
			messages(
				'<!-- wp:paragraph -->\n<p><strong onmouseover="x">x</strong></p>\n<!-- /wp:paragraph -->'
			)
		).toHaveLength( 1 );
	} );

	it( 'does not mistake text or attribute values for tags', () => {
		expect(
			validateBlockMarkup(
				'<!-- wp:image -->\n<figure class="wp-block-image"><img src="https://a.b/c.png" alt="<script&gt; onerror=1"/></figure>\n<!-- /wp:image -->\n\n<!-- wp:paragraph -->\n<p>&lt;script&gt; onclick=x</p>\n<!-- /wp:paragraph -->'
			).valid
		).toBe( true );
	} );

	it( 'reports an image without a source or without its attachment class', () => {
		expect(
			messages(
				'<!-- wp:image -->\n<figure class="wp-block-image"><img alt=""/></figure>\n<!-- /wp:image -->'
			)
		).toEqual( [ 'an image without a source' ] );
		expect(
			messages(
				'<!-- wp:image {"id":3} -->\n<figure class="wp-block-image"><img src="/a.png" alt=""/></figure>\n<!-- /wp:image -->'
			)
		).toEqual( [ 'the image of attachment 3 lacks its wp-image-3 class' ] );
	} );

	it( 'reports a quote or table that lost its shape', () => {
		expect(
			messages(
				'<!-- wp:quote -->\n<blockquote class="wp-block-quote">bare text</blockquote>\n<!-- /wp:quote -->'
			)
		).toEqual( [
			'text in a quote outside its blocks: "bare text"',
			'a quote without inner blocks',
		] );
		expect(
			messages(
				'<!-- wp:table -->\n<figure class="wp-block-table"><table></table></figure>\n<!-- /wp:table -->'
			)
		).toEqual( [ 'a table without rows' ] );
	} );

	it( 'says where a nested problem is', () => {
		const markup = `${ P }\n\n<!-- wp:quote -->\n<blockquote class="wp-block-quote"><!-- wp:html -->x<!-- /wp:html --></blockquote>\n<!-- /wp:quote -->`;
		expect( validateBlockMarkup( markup ).problems ).toEqual(
			expect.arrayContaining( [
				{
					block: 'core/html',
					at: [ 2, 0 ],
					message:
						'core/html inside core/quote (paragraphs, headings, lists or images)',
				},
				{
					block: 'core/html',
					at: [ 2, 0 ],
					message: 'core/html is not a block the Writer emits',
				},
			] )
		);
	} );
} );
