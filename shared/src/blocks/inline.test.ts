import { describe, expect, it } from 'vitest';
import { inlineToHtml, inlineToText, safeUrl } from './inline';
import { sectionsToBlocks } from './serialize';
import { parseBlocks, scanTags, validateBlockMarkup } from './validate';

const ALLOWED_TAGS = [
	'h3',
	'p',
	'ol',
	'li',
	'blockquote',
	'cite',
	'figure',
	'table',
	'thead',
	'tbody',
	'tr',
	'th',
	'td',
	'img',
	'figcaption',
	'strong',
	'em',
	'code',
	'a',
];

describe( 'inline Markdown', () => {
	it( 'reads **bold**, __bold__, *em*, _em_ and `code`', () => {
		expect( inlineToHtml( '**a** __b__ *c* _d_ `e`' ) ).toBe(
			'<strong>a</strong> <strong>b</strong> <em>c</em> <em>d</em> <code>e</code>'
		);
	} );

	it( 'nests emphasis and reads ***x*** as both', () => {
		expect( inlineToHtml( '**a *b* c** ***d***' ) ).toBe(
			'<strong>a <em>b</em> c</strong> <strong><em>d</em></strong>'
		);
	} );

	it( 'reads [text](url) links with formats inside', () => {
		expect(
			inlineToHtml(
				'see [the **guide**](https://example.com/a_b?x=1&y=2)'
			)
		).toBe(
			'see <a href="https://example.com/a_b?x=1&amp;y=2">the <strong>guide</strong></a>'
		);
		expect( inlineToHtml( '[home](/) [top](#top) [q](?p=2)' ) ).toBe(
			'<a href="/">home</a> <a href="#top">top</a> <a href="?p=2">q</a>'
		);
	} );

	it( 'leaves a stray or spaced delimiter as text', () => {
		expect( inlineToHtml( '2 * 3 * 4 = 24, **not closed' ) ).toBe(
			'2 * 3 * 4 = 24, **not closed'
		);
	} );

	it( 'keeps underscores inside words', () => {
		expect( inlineToHtml( 'snake_case_name and _real em_' ) ).toBe(
			'snake_case_name and <em>real em</em>'
		);
	} );

	it( 'keeps code spans literal', () => {
		expect( inlineToHtml( '`**not bold** <b>`' ) ).toBe(
			'<code>**not bold** &lt;b&gt;</code>'
		);
	} );

	it( 'honours backslash escapes', () => {
		expect( inlineToHtml( '\\*not em\\* \\[x\\](y)' ) ).toBe(
			'*not em* [x](y)'
		);
	} );

	it( 'drops an image reference inside text: images are sections', () => {
		expect( inlineToHtml( 'before ![alt](img-1) after' ) ).toBe(
			'before after'
		);
	} );
} );

describe( 'inline text of any length', () => {
	it( 'keeps runs of unclosed openers as text, in linear time', () => {
		for ( const unit of [
			'*a ',
			'**a ',
			'_a ',
			'[',
			'![a](',
			'<strong>',
			'<a href="x" ',
		] ) {
			const text = unit.repeat( 20000 );
			expect( inlineToText( text ) ).toBe( text.trim() );
		}
	} );

	it( 'still reads the markup of long prose', () => {
		const html = inlineToHtml( 'A **b** c. '.repeat( 2000 ) );
		expect( html.match( /<strong>b<\/strong>/g ) ).toHaveLength( 2000 );
	} );
} );

describe( 'inline HTML', () => {
	it( 'keeps strong, em, code and a href, mapping b and i', () => {
		expect(
			inlineToHtml(
				'<strong>a</strong> <b>b</b> <em>c</em> <i>d</i> <code>e</code> <a href="/x">f</a>'
			)
		).toBe(
			'<strong>a</strong> <strong>b</strong> <em>c</em> <em>d</em> <code>e</code> <a href="/x">f</a>'
		);
	} );

	it( 'keeps only href on a link', () => {
		expect(
			inlineToHtml(
				'<a class="x" href=\'https://a.b/?q=1&amp;r=2\' target="_blank" rel="noopener">l</a>'
			)
		).toBe( '<a href="https://a.b/?q=1&amp;r=2">l</a>' );
	} );

	it( 'turns <br> into a space and decodes character references in text', () => {
		expect( inlineToHtml( 'Tom &amp; Jerry<br/>&lt;3 &hellip;' ) ).toBe(
			'Tom &amp; Jerry &lt;3 \u2026'
		);
	} );

	it( 'escapes any other tag as text', () => {
		expect(
			inlineToHtml( '<span style="x">s</span> <p>p</p> <u>u</u>' )
		).toBe(
			'&lt;span style="x"&gt;s&lt;/span&gt; &lt;p&gt;p&lt;/p&gt; &lt;u&gt;u&lt;/u&gt;'
		);
	} );
} );

describe( 'hostile inline input', () => {
	const hostile = [
		'<script>alert(1)</script>',
		'<img src=x onerror=alert(1)>',
		'<img onerror="alert(1)" src="x">',
		'[x](javascript:alert(1))',
		'<a href="javascript:alert(1)">x</a>',
		'<a href=" JaVaScRiPt:alert(1)">x</a>',
		'[x](data:text/html;base64,PHNjcmlwdD4=)',
		'[x](vbscript:msgbox)',
		'[x](//evil.example)',
		'a --> b',
		'<!-- wp:html --><script>x</script><!-- /wp:html -->',
		'<!-- /wp:paragraph --><!-- wp:html -->x',
		'<strong onclick="alert(1)">x</strong>',
		'<svg onload=alert(1)>',
		'<a href="https://ok.example" onmouseover="alert(1)">ok</a>',
		'"><script>alert(1)</script>',
		'<scr<script>ipt>alert(1)</script>',
		'&lt;script&gt;alert(1)&lt;/script&gt;',
		'&#x3C;script&#x3E;',
	];

	it.each( hostile )(
		'%s yields no tag but the allowed ones and no script',
		( text ) => {
			const html = inlineToHtml( text );
			for ( const tag of html.match( /<[^>]*>/g ) ?? [] )
				expect( tag ).toMatch(
					/^<(?:\/?(?:strong|em|code)|\/a|a href="(?:https?:\/\/|\/|#|\?)[^"]*")>$/
				);
			// Whatever the model wrote stays text: no "<" of its own survives unescaped.
			expect(
				html.replace(
					/<\/?(?:strong|em|code|a)(?: href="[^"]*")?>/g,
					''
				)
			).not.toContain( '<' );
			expect( html ).not.toMatch(
				/href="[^"]*(?:javascript|data|vbscript):/i
			);
		}
	);

	it.each( hostile )(
		'%s in every kind of section yields only valid core blocks',
		( text ) => {
			const markup = sectionsToBlocks(
				[
					{ type: 'heading', level: 3, text },
					{ type: 'paragraph', text },
					{ type: 'list', ordered: true, items: [ text ] },
					{ type: 'quote', text, citation: text },
					{ type: 'table', header: [ text ], rows: [ [ text ] ] },
					{
						type: 'image',
						ref: 'img-1',
						prompt: text,
						alt: text,
						caption: text,
					},
					{
						type: 'faq',
						items: [ { question: text, answer: text } ],
					},
				],
				{ 'img-1': { url: 'https://cdn.example.com/i.png' } }
			);
			expect( validateBlockMarkup( markup ) ).toEqual( {
				valid: true,
				problems: [],
			} );
			// Read as a browser reads it: "<" inside the alt's quoted value is no tag (WordPress leaves it so).
			for ( const tag of scanTags( markup ) ) {
				expect( ALLOWED_TAGS ).toContain( tag.name );
				for ( const [ name, value ] of tag.attributes ) {
					expect( [ 'href', 'src', 'alt', 'class' ] ).toContain(
						name
					);
					if ( name === 'href' || name === 'src' )
						expect( value ).toMatch( /^(?:https?:\/\/|\/|#|\?)/ );
				}
			}
			// Only the blocks we wrote: nothing the model wrote reads as a block delimiter to WordPress's parser.
			const names = (
				list: ReturnType< typeof parseBlocks >
			): unknown[] =>
				list
					.filter(
						( b ) => b.blockName !== null || b.innerHTML.trim()
					)
					.map( ( b ) => [ b.blockName, names( b.innerBlocks ) ] );
			expect( names( parseBlocks( markup ) ) ).toEqual( [
				[ 'core/heading', [] ],
				[ 'core/paragraph', [] ],
				[ 'core/list', [ [ 'core/list-item', [] ] ] ],
				[ 'core/quote', [ [ 'core/paragraph', [] ] ] ],
				[ 'core/table', [] ],
				[ 'core/image', [] ],
				[ 'core/heading', [] ],
				[ 'core/paragraph', [] ],
			] );
		}
	);

	it( 'shows an unsafe link as its text', () => {
		expect( inlineToHtml( 'click [here](javascript:alert(1)) now' ) ).toBe(
			'click here now'
		);
		expect( inlineToText( '<a href="javascript:x">here</a>' ) ).toBe(
			'here'
		);
	} );
} );

describe( 'safeUrl', () => {
	it( 'accepts http(s) and site-relative URLs', () => {
		expect( safeUrl( 'https://example.com/a?b=c#d' ) ).toBe(
			'https://example.com/a?b=c#d'
		);
		expect( safeUrl( 'HTTP://example.com' ) ).toBe( 'HTTP://example.com' );
		expect( safeUrl( '/blog/post' ) ).toBe( '/blog/post' );
		expect( safeUrl( 'page.html' ) ).toBe( 'page.html' );
	} );

	it( 'refuses other schemes, protocol-relative URLs and spaces', () => {
		for ( const url of [
			'javascript:alert(1)',
			'data:text/html,x',
			'mailto:a@b.c',
			'ftp://x',
			'//evil.example',
			'https://',
			'a b',
			'',
		] )
			expect( safeUrl( url ) ).toBeNull();
	} );

	it( 'percent-encodes characters that never belong in a URL', () => {
		expect( safeUrl( 'https://a.b/"x"<y>' ) ).toBe(
			'https://a.b/%22x%22%3Cy%3E'
		);
	} );
} );
