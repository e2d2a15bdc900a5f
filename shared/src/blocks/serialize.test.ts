// Golden markup: each expected string is what WordPress 6.5.5's own block library saves for the same block
// (wp-includes/js/dist/block-library.js save() + @wordpress/blocks serialize(), run in Chromium), and what the
// editor saves again after opening it.
import { describe, expect, it } from 'vitest';
import type { Section } from './article';
import { sectionsToBlocks } from './serialize';

const blocks = ( ...sections: Section[] ) => sectionsToBlocks( sections );

describe( 'sectionsToBlocks: the markup WordPress 6.5 saves', () => {
	it( 'writes a level-2 heading with no level attribute', () => {
		expect(
			blocks( {
				type: 'heading',
				level: 2,
				text: 'Why arch support matters',
			} )
		).toBe(
			'<!-- wp:heading -->\n<h2 class="wp-block-heading">Why arch support matters</h2>\n<!-- /wp:heading -->'
		);
	} );

	it( 'writes levels 3 and 4 with their level attribute and tag', () => {
		expect(
			blocks( { type: 'heading', level: 3, text: 'Sizing & fit' } )
		).toBe(
			'<!-- wp:heading {"level":3} -->\n<h3 class="wp-block-heading">Sizing &amp; fit</h3>\n<!-- /wp:heading -->'
		);
		expect( blocks( { type: 'heading', level: 4, text: 'Q4' } ) ).toBe(
			'<!-- wp:heading {"level":4} -->\n<h4 class="wp-block-heading">Q4</h4>\n<!-- /wp:heading -->'
		);
	} );

	it( 'writes a paragraph with its inline formats and link', () => {
		expect(
			blocks( {
				type: 'paragraph',
				text: 'Flat feet need **support**, not *hype*: see [our guide](https://example.com/guide?a=1&b=2) or `npm i`.',
			} )
		).toBe(
			'<!-- wp:paragraph -->\n<p>Flat feet need <strong>support</strong>, not <em>hype</em>: see <a href="https://example.com/guide?a=1&amp;b=2">our guide</a> or <code>npm i</code>.</p>\n<!-- /wp:paragraph -->'
		);
	} );

	it( 'writes a bulleted list as list-item inner blocks', () => {
		expect(
			blocks( {
				type: 'list',
				ordered: false,
				items: [ 'Stability', 'Cushioning' ],
			} )
		).toBe(
			'<!-- wp:list -->\n<ul><!-- wp:list-item -->\n<li>Stability</li>\n<!-- /wp:list-item -->\n\n<!-- wp:list-item -->\n<li>Cushioning</li>\n<!-- /wp:list-item --></ul>\n<!-- /wp:list -->'
		);
	} );

	it( 'writes an ordered list with ordered:true and <ol>', () => {
		expect(
			blocks( {
				type: 'list',
				ordered: true,
				items: [ 'Measure', 'Try on' ],
			} )
		).toBe(
			'<!-- wp:list {"ordered":true} -->\n<ol><!-- wp:list-item -->\n<li>Measure</li>\n<!-- /wp:list-item -->\n\n<!-- wp:list-item -->\n<li>Try on</li>\n<!-- /wp:list-item --></ol>\n<!-- /wp:list -->'
		);
	} );

	it( 'writes a quote as inner paragraphs followed by its citation', () => {
		expect(
			blocks( {
				type: 'quote',
				text: 'The right shoe changes everything.',
				citation: 'Dr. Jane Doe',
			} )
		).toBe(
			'<!-- wp:quote -->\n<blockquote class="wp-block-quote"><!-- wp:paragraph -->\n<p>The right shoe changes everything.</p>\n<!-- /wp:paragraph --><cite>Dr. Jane Doe</cite></blockquote>\n<!-- /wp:quote -->'
		);
	} );

	it( 'splits a quote on blank lines and leaves out a missing citation', () => {
		expect(
			blocks( { type: 'quote', text: 'One.\n\nTwo.', citation: null } )
		).toBe(
			'<!-- wp:quote -->\n<blockquote class="wp-block-quote"><!-- wp:paragraph -->\n<p>One.</p>\n<!-- /wp:paragraph -->\n\n<!-- wp:paragraph -->\n<p>Two.</p>\n<!-- /wp:paragraph --></blockquote>\n<!-- /wp:quote -->'
		);
	} );

	it( 'writes a table with thead and tbody and no fixed layout class, padding short rows', () => {
		expect(
			blocks( {
				type: 'table',
				header: [ 'Shoe', 'Price' ],
				rows: [ [ 'Brooks', '$140' ], [ 'Asics' ] ],
			} )
		).toBe(
			'<!-- wp:table -->\n<figure class="wp-block-table"><table><thead><tr><th>Shoe</th><th>Price</th></tr></thead><tbody><tr><td>Brooks</td><td>$140</td></tr><tr><td>Asics</td><td></td></tr></tbody></table></figure>\n<!-- /wp:table -->'
		);
	} );

	it( 'writes a table without a header as tbody only', () => {
		expect(
			blocks( { type: 'table', header: [], rows: [ [ 'a' ] ] } )
		).toBe(
			'<!-- wp:table -->\n<figure class="wp-block-table"><table><tbody><tr><td>a</td></tr></tbody></table></figure>\n<!-- /wp:table -->'
		);
	} );

	it( 'writes an image that exists, with its attachment id and caption', () => {
		expect(
			sectionsToBlocks(
				[
					{
						type: 'image',
						ref: 'img-1',
						prompt: 'a runner',
						alt: 'A runner on a trail',
						caption: 'On the *trail*',
					},
				],
				{ 'img-1': { url: 'https://cdn.example.com/a.jpg', id: 42 } }
			)
		).toBe(
			'<!-- wp:image {"id":42} -->\n<figure class="wp-block-image"><img src="https://cdn.example.com/a.jpg" alt="A runner on a trail" class="wp-image-42"/><figcaption class="wp-element-caption">On the <em>trail</em></figcaption></figure>\n<!-- /wp:image -->'
		);
	} );

	it( 'writes an image without id or caption, its alt escaped as escapeAttribute does', () => {
		expect(
			sectionsToBlocks(
				[
					{
						type: 'image',
						ref: 'img-2',
						prompt: 'p',
						alt: 'model alt',
						caption: 'x',
					},
				],
				new Map( [
					[
						'img-2',
						{
							url: '/wp-content/uploads/b.png',
							alt: 'Tom & "Jerry" > x',
							caption: '',
						},
					],
				] )
			)
		).toBe(
			'<!-- wp:image -->\n<figure class="wp-block-image"><img src="/wp-content/uploads/b.png" alt="Tom &amp; &quot;Jerry&quot; &gt; x"/></figure>\n<!-- /wp:image -->'
		);
	} );

	it( 'separates top-level blocks with one blank line, as serialize() does', () => {
		expect(
			blocks(
				{ type: 'heading', level: 2, text: 'A' },
				{ type: 'paragraph', text: 'B' }
			)
		).toBe(
			'<!-- wp:heading -->\n<h2 class="wp-block-heading">A</h2>\n<!-- /wp:heading -->\n\n<!-- wp:paragraph -->\n<p>B</p>\n<!-- /wp:paragraph -->'
		);
	} );
} );

describe( 'sectionsToBlocks: what the model cannot break', () => {
	it( 'escapes text as the editor saves it again: &, < and > as references, quotes as they are', () => {
		expect(
			blocks( {
				type: 'paragraph',
				text: 'a < b > c & d "e" \'f\' --> <!-- wp:html -->',
			} )
		).toBe(
			'<!-- wp:paragraph -->\n<p>a &lt; b &gt; c &amp; d "e" \'f\' --&gt; &lt;!-- wp:html --&gt;</p>\n<!-- /wp:paragraph -->'
		);
	} );

	it( 'writes a no-break space as &nbsp;, as the browser serializes it', () => {
		expect( blocks( { type: 'paragraph', text: '10\u00A0km' } ) ).toBe(
			'<!-- wp:paragraph -->\n<p>10&nbsp;km</p>\n<!-- /wp:paragraph -->'
		);
	} );

	it( 'drops an image placeholder whose image does not exist or has no usable URL', () => {
		const image: Section = {
			type: 'image',
			ref: 'img-1',
			prompt: 'p',
			alt: 'a',
			caption: null,
		};
		expect( sectionsToBlocks( [ image ] ) ).toBe( '' );
		expect(
			sectionsToBlocks( [ image ], {
				'img-2': { url: 'https://a.b/c.png' },
			} )
		).toBe( '' );
		expect(
			sectionsToBlocks( [ image ], {
				'img-1': { url: 'javascript:alert(1)' },
			} )
		).toBe( '' );
		expect( sectionsToBlocks( [ image ], { 'img-1': { url: '' } } ) ).toBe(
			''
		);
	} );

	it( 'ignores refs that only exist on Object.prototype', () => {
		const image: Section = {
			type: 'image',
			ref: 'img-1',
			prompt: 'p',
			alt: 'a',
			caption: null,
		};
		expect(
			sectionsToBlocks( [ { ...image, ref: 'constructor' } ], {} )
		).toBe( '' );
	} );

	it( 'keeps an alt text that reads the same after every save: references decoded, unknown ones broken up', () => {
		const markup = sectionsToBlocks(
			[
				{
					type: 'image',
					ref: 'img-1',
					prompt: 'p',
					alt: 'AT&amp;T &foo; x',
					caption: null,
				},
			],
			{ 'img-1': { url: 'https://a.b/c.png?x=1&copy;' } }
		);
		expect( markup ).toContain( 'src="https://a.b/c.png?x=1%26copy;"' );
		expect( markup ).toContain( 'alt="AT&amp;T &amp; foo; x"' );
	} );

	it( 'splits a paragraph on blank lines and collapses other whitespace', () => {
		expect(
			blocks( { type: 'paragraph', text: 'One\nline.\n\n  Two\t too. ' } )
		).toBe(
			'<!-- wp:paragraph -->\n<p>One line.</p>\n<!-- /wp:paragraph -->\n\n<!-- wp:paragraph -->\n<p>Two too.</p>\n<!-- /wp:paragraph -->'
		);
	} );

	it( 'writes nothing for text that holds nothing readable', () => {
		expect(
			blocks(
				{ type: 'paragraph', text: '\u0000\u0007' },
				{ type: 'heading', level: 2, text: '<strong> </strong>' },
				{ type: 'list', ordered: false, items: [ ' ', '\u0001' ] },
				{ type: 'quote', text: '\uFEFF', citation: 'x' },
				{ type: 'table', header: [ '' ], rows: [ [ '' ] ] }
			)
		).toBe( '' );
	} );

	it( 'turns FAQ pairs into a level-3 heading and paragraphs each', () => {
		expect(
			blocks( {
				type: 'faq',
				items: [
					{
						question: 'Are flat feet a problem?',
						answer: 'Not always.',
					},
				],
			} )
		).toBe(
			'<!-- wp:heading {"level":3} -->\n<h3 class="wp-block-heading">Are flat feet a problem?</h3>\n<!-- /wp:heading -->\n\n<!-- wp:paragraph -->\n<p>Not always.</p>\n<!-- /wp:paragraph -->'
		);
	} );
} );
