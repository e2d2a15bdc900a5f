import { describe, expect, it } from 'vitest';
import { sectionsToBlocks } from './serialize';
import { textWordCount, markupText, wordCount } from './text';

describe( 'wordCount', () => {
	it( 'counts the words of the blocks, not their delimiters, tags or attributes', () => {
		const markup = sectionsToBlocks(
			[
				{ type: 'heading', level: 2, text: 'Why arch support matters' },
				{
					type: 'paragraph',
					text: 'Flat feet need **support**, not *hype* — see [the guide](https://a.b/?x=1&y=2).',
				},
				{ type: 'list', ordered: true, items: [ 'Measure', 'Try on' ] },
				{ type: 'table', header: [ 'Shoe' ], rows: [ [ 'Brooks' ] ] },
				{
					type: 'image',
					ref: 'img-1',
					prompt: 'p',
					alt: 'alt words are not counted',
					caption: 'A caption',
				},
			],
			{ 'img-1': { url: 'https://a.b/c.png', id: 4 } }
		);
		expect( wordCount( markup ) ).toBe( 4 + 9 + 3 + 2 + 2 );
	} );

	it( 'keeps words split only by inline tags whole, and separates cells and blocks', () => {
		expect(
			markupText(
				'<p><strong>b</strong>old</p><table><tr><td>a</td><td>b</td></tr></table>'
			)
		).toBe( 'bold a b' );
	} );

	it( 'counts contractions, decimals and hyphenated words as one, entities as text', () => {
		expect( textWordCount( "don't pay 3.5 for e-mail" ) ).toBe( 5 );
		expect( wordCount( '<p>Tom &amp; Jerry&nbsp;run</p>' ) ).toBe( 3 );
	} );

	it( 'counts RTL words and each CJK character', () => {
		expect( textWordCount( 'שלום עולם' ) ).toBe( 2 );
		expect( textWordCount( '日本語のテキスト' ) ).toBe( 8 );
	} );

	it( 'is zero for an empty body', () => {
		expect( wordCount( '' ) ).toBe( 0 );
		expect(
			wordCount(
				'<!-- wp:paragraph -->\n<p></p>\n<!-- /wp:paragraph -->'
			)
		).toBe( 0 );
	} );
} );

describe( 'text a reader does not see', () => {
	it( 'leaves scripts, styles and templates out of the count', () => {
		expect(
			wordCount(
				'<p>a<br>b</p><script>var x = 1;</script><style>p { color: red }</style>'
			)
		).toBe( 2 );
	} );
} );
