import { describe, expect, it } from 'vitest';
import { htmlToArticle, htmlToSections, looksLikeHtml } from './html';
import { markdownToArticle, markdownToSections } from './markdown';

/** How a chat model answers "write the article in Markdown" when it has no structured output. */
const ANSWER = `\`\`\`markdown
# Best Running Shoes for Flat Feet

Flat feet need **support**, not *hype*. This guide covers what to look for.

## Why arch support matters

Overpronation strains the knees.
It also tires the calves.

- Stability for *overpronation*
- Less \`heel\` pain,
  even on long runs
* Better cushioning

### How to choose

1. Measure your foot in the evening
2) Try shoes with your own socks

> The right shoe changes everything.
> — Dr. Jane Doe, podiatrist

![A runner on a forest trail](img-1 "Trail running on soft ground")

| Shoe | Support | Price |
|:-----|:-------:|------:|
| Brooks Adrenaline | High | $140 |
| Asics Kayano | High \\| firm | $160 |

---

#### Sizing FAQ

Do I size up? Usually half a size.
\`\`\``;

describe( 'markdownToArticle', () => {
	it( 'turns a realistic model answer into the expected title and sections', () => {
		expect( markdownToArticle( ANSWER ) ).toEqual( {
			title: 'Best Running Shoes for Flat Feet',
			sections: [
				{
					type: 'paragraph',
					text: 'Flat feet need **support**, not *hype*. This guide covers what to look for.',
				},
				{ type: 'heading', level: 2, text: 'Why arch support matters' },
				{
					type: 'paragraph',
					text: 'Overpronation strains the knees. It also tires the calves.',
				},
				{
					type: 'list',
					ordered: false,
					items: [
						'Stability for *overpronation*',
						'Less `heel` pain, even on long runs',
						'Better cushioning',
					],
				},
				{ type: 'heading', level: 3, text: 'How to choose' },
				{
					type: 'list',
					ordered: true,
					items: [
						'Measure your foot in the evening',
						'Try shoes with your own socks',
					],
				},
				{
					type: 'quote',
					text: 'The right shoe changes everything.',
					citation: 'Dr. Jane Doe, podiatrist',
				},
				{
					type: 'image',
					ref: 'img-1',
					prompt: 'A runner on a forest trail',
					alt: 'A runner on a forest trail',
					caption: 'Trail running on soft ground',
				},
				{
					type: 'table',
					header: [ 'Shoe', 'Support', 'Price' ],
					rows: [
						[ 'Brooks Adrenaline', 'High', '$140' ],
						[ 'Asics Kayano', 'High | firm', '$160' ],
					],
				},
				{ type: 'heading', level: 4, text: 'Sizing FAQ' },
				{
					type: 'paragraph',
					text: 'Do I size up? Usually half a size.',
				},
			],
		} );
	} );

	it( 'reads an H1 after body text as a section heading, not the title', () => {
		expect( markdownToArticle( 'Intro.\n\n# Later' ) ).toEqual( {
			title: null,
			sections: [
				{ type: 'paragraph', text: 'Intro.' },
				{ type: 'heading', level: 2, text: 'Later' },
			],
		} );
	} );

	it( 'starts a new list when bullets turn into numbers and flattens nested items', () => {
		expect(
			markdownToSections( '- a\n  - a1\n- b\n1. one\n\n2. two' )
		).toEqual( [
			{ type: 'list', ordered: false, items: [ 'a', 'a1', 'b' ] },
			{ type: 'list', ordered: true, items: [ 'one', 'two' ] },
		] );
	} );

	it( 'numbers images that have a URL or a repeated ref, and drops those without alt text', () => {
		expect(
			markdownToSections(
				'![One](img-2)\n\n![Two](https://example.com/x.png)\n\n![Three](img-2)\n\n![](img-3)'
			)
		).toEqual( [
			{
				type: 'image',
				ref: 'img-2',
				prompt: 'One',
				alt: 'One',
				caption: null,
			},
			{
				type: 'image',
				ref: 'img-1',
				prompt: 'Two',
				alt: 'Two',
				caption: null,
			},
			{
				type: 'image',
				ref: 'img-4',
				prompt: 'Three',
				alt: 'Three',
				caption: null,
			},
		] );
	} );

	it( 'reads a lone header row as the table’s only row', () => {
		expect( markdownToSections( '| a | b |\n| --- | --- |' ) ).toEqual( [
			{ type: 'table', header: [], rows: [ [ 'a', 'b' ] ] },
		] );
	} );

	it( 'keeps code fences as inline code and drops HTML comments', () => {
		expect(
			markdownToSections(
				'x <!-- wp:html --> y\n\n```js\nlet a = `b`;\n```'
			)
		).toEqual( [
			{ type: 'paragraph', text: 'x  y' },
			{ type: 'paragraph', text: '`` let a = `b`; ``' },
		] );
	} );
} );

describe( 'htmlToArticle', () => {
	it( 'reads the HTML a model may send instead of Markdown', () => {
		const html = `<h1>Flat Feet</h1>
<p>Flat feet need <strong>support</strong> &amp; <span>care</span>.</p>
<h2 id="why">Why</h2>
<ol><li><p>Measure</p></li><li>Try <em>on</em><ul><li>nested</li></ul></li></ol>
<blockquote><p>The right shoe.</p><cite>Dr. Doe</cite></blockquote>
<figure><img src="img-1" alt="A runner"><figcaption>On a trail</figcaption></figure>
<table><thead><tr><th>Shoe</th><th>Price</th></tr></thead><tbody><tr><td>Brooks</td><td>$140</td></tr></tbody></table>
<p># not a heading</p><script>alert(1)</script>`;
		expect( looksLikeHtml( html ) ).toBe( true );
		expect( htmlToArticle( html ) ).toEqual( {
			title: 'Flat Feet',
			sections: [
				{
					type: 'paragraph',
					text: 'Flat feet need <strong>support</strong> &amp; care.',
				},
				{ type: 'heading', level: 2, text: 'Why' },
				{
					type: 'list',
					ordered: true,
					items: [ 'Measure', 'Try <em>on</em>', 'nested' ],
				},
				{ type: 'quote', text: 'The right shoe.', citation: 'Dr. Doe' },
				{
					type: 'image',
					ref: 'img-1',
					prompt: 'A runner',
					alt: 'A runner',
					caption: 'On a trail',
				},
				{
					type: 'table',
					header: [ 'Shoe', 'Price' ],
					rows: [ [ 'Brooks', '$140' ] ],
				},
				{ type: 'paragraph', text: '\\# not a heading' },
			],
		} );
	} );

	it( 'does not take Markdown for HTML', () => {
		expect( looksLikeHtml( ANSWER ) ).toBe( false );
		expect( htmlToSections( '' ) ).toEqual( [] );
	} );
} );
