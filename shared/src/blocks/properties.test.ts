// Properties over any input a model could send: the markup always parses into the core blocks we emit, with no
// freeform content, and what a reader sees is exactly the text the model wrote (whitespace collapsed).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sectionSchema, type Section } from './article';
import { cleanText } from './escape';
import { htmlToSections } from './html';
import { markdownToSections } from './markdown';
import { parseArticle } from './parse';
import { sectionsToBlocks } from './serialize';
import {
	EMITTED_BLOCKS,
	parseBlocks,
	scanTags,
	validateBlockMarkup,
	type ParsedBlock,
} from './validate';

const IMAGES = {
	'img-1': { url: 'https://cdn.example.com/i.png?a=1&b=2', id: 9 },
};

/** Text a model might write, hostile on purpose: markup characters, delimiters, emoji, RTL, controls. */
const pieces = fc.constantFrom(
	'<',
	'>',
	'&',
	'"',
	"'",
	'-->',
	'<!--',
	'<!-- wp:html -->',
	'<!-- /wp:paragraph -->',
	'</p>',
	'<p>',
	'<script>',
	'</li>',
	'{"level":9}',
	'🎉',
	'👩‍👩‍👧',
	'עברית',
	'العربية',
	'\u200F',
	'\u00A0',
	'\n',
	'\n\n',
	' ',
	'\t',
	'\u0000',
	'\u0007',
	'\uD800',
	'\u2028',
	'word',
	'x'
);
const anyText = fc
	.array(
		fc.oneof(
			pieces,
			fc.string( { unit: 'grapheme', maxLength: 6 } ),
			fc.string( { unit: 'binary', maxLength: 4 } )
		),
		{ maxLength: 8 }
	)
	.map( ( parts ) =>
		parts
			.join( '' )
			// Markdown syntax and character references are read, not kept: the round trip is about plain text.
			.replace( /[*_`[\]\\]/g, '' )
			.replace( /&(#?[a-zA-Z0-9]+;)/g, '& $1' )
	);

const sectionArb: fc.Arbitrary< unknown > = fc.oneof(
	fc.record( {
		type: fc.constant( 'heading' ),
		level: fc.constantFrom( 2, 3, 4 ),
		text: anyText,
	} ),
	fc.record( { type: fc.constant( 'paragraph' ), text: anyText } ),
	fc.record( {
		type: fc.constant( 'list' ),
		ordered: fc.boolean(),
		items: fc.array( anyText, { minLength: 1, maxLength: 4 } ),
	} ),
	fc.record( {
		type: fc.constant( 'quote' ),
		text: anyText,
		citation: fc.option( anyText, { nil: null } ),
	} ),
	fc.record( {
		type: fc.constant( 'table' ),
		header: fc.array( anyText, { maxLength: 3 } ),
		rows: fc.array( fc.array( anyText, { maxLength: 3 } ), {
			minLength: 1,
			maxLength: 3,
		} ),
	} ),
	fc.record( {
		type: fc.constant( 'image' ),
		ref: fc.constantFrom( 'img-1', 'img-2' ),
		prompt: anyText,
		alt: anyText,
		caption: fc.option( anyText, { nil: null } ),
	} ),
	fc.record( {
		type: fc.constant( 'faq' ),
		items: fc.array( fc.record( { question: anyText, answer: anyText } ), {
			minLength: 1,
			maxLength: 2,
		} ),
	} )
);

/** Sections exactly as the schema accepts them (after its trimming), the others left out. */
const sectionsArb = fc
	.array( sectionArb, { minLength: 1, maxLength: 6 } )
	.map( ( list ) =>
		list.flatMap( ( s ) => {
			const parsed = sectionSchema.safeParse( s );
			return parsed.success ? [ parsed.data ] : [];
		} )
	);

/** What a reader should see, block by block, in order. */
function expectedTexts( sections: Section[] ): string[] {
	const t = cleanText;
	const paras = ( s: string ) =>
		s
			.split( /\n[ \t\r\f]*\n/ )
			.map( t )
			.filter( Boolean );
	return sections.flatMap( ( s ): string[] => {
		switch ( s.type ) {
			case 'heading':
				return t( s.text ) ? [ `h${ s.level }:${ t( s.text ) }` ] : [];
			case 'paragraph':
				return paras( s.text ).map( ( p ) => `p:${ p }` );
			case 'list': {
				const items = s.items.map( t ).filter( Boolean );
				return items.map( ( i ) => `li:${ i }` );
			}
			case 'quote': {
				const inner = paras( s.text );
				if ( ! inner.length ) return [];
				const cite = s.citation ? t( s.citation ) : '';
				return [
					...inner.map( ( p ) => `p:${ p }` ),
					...( cite ? [ `cite:${ cite }` ] : [] ),
				];
			}
			case 'table': {
				const head = s.header.map( t );
				const rows = s.rows
					.map( ( r ) => r.map( t ) )
					.filter( ( r ) => r.some( Boolean ) );
				const hasHead = head.some( Boolean );
				if ( ! hasHead && ! rows.length ) return [];
				const columns = Math.max(
					hasHead ? head.length : 0,
					...rows.map( ( r ) => r.length )
				);
				const pad = ( r: string[] ) => [
					...r,
					...Array< string >( columns - r.length ).fill( '' ),
				];
				return [
					...( hasHead ? pad( head ) : [] ),
					...rows.flatMap( pad ),
				].map( ( c ) => `cell:${ c }` );
			}
			case 'image': {
				if ( s.ref !== 'img-1' ) return [];
				const caption = t( s.caption ?? '' );
				return [
					`alt:${ t( s.alt ) }`,
					...( caption ? [ `caption:${ caption }` ] : [] ),
				];
			}
			case 'faq':
				return s.items.flatMap( ( i ) =>
					t( i.question ) && paras( i.answer ).length
						? [
								`h3:${ t( i.question ) }`,
								...paras( i.answer ).map( ( p ) => `p:${ p }` ),
							]
						: []
				);
		}
	} );
}

/** The references our serializer writes, decoded. */
const unescape = ( html: string ) =>
	html
		.replace( /<[^>]*>/g, '' )
		.replace(
			/&(amp|lt|gt|quot|nbsp);/g,
			( _m, name: string ) =>
				( { amp: '&', lt: '<', gt: '>', quot: '"', nbsp: '\u00A0' } )[
					name
				]!
		);

/** What a reader sees in the parsed markup, block by block, in order. */
function actualTexts( blocks: ParsedBlock[] ): string[] {
	return blocks.flatMap( ( b ): string[] => {
		const html = b.innerHTML.trim();
		switch ( b.blockName ) {
			case 'core/heading': {
				const m =
					/^<h(\d) class="wp-block-heading">([\s\S]*)<\/h\d>$/.exec(
						html
					)!;
				return [ `h${ m[ 1 ] }:${ unescape( m[ 2 ]! ) }` ];
			}
			case 'core/paragraph':
				return [
					`p:${ unescape( /^<p>([\s\S]*)<\/p>$/.exec( html )![ 1 ]! ) }`,
				];
			case 'core/list-item':
				return [
					`li:${ unescape( /^<li>([\s\S]*)<\/li>$/.exec( html )![ 1 ]! ) }`,
				];
			case 'core/quote': {
				const cite = /<cite>([\s\S]*)<\/cite><\/blockquote>$/.exec(
					html
				);
				return [
					...actualTexts( b.innerBlocks ),
					...( cite ? [ `cite:${ unescape( cite[ 1 ]! ) }` ] : [] ),
				];
			}
			case 'core/table':
				return [
					...html.matchAll( /<t[hd]>([\s\S]*?)<\/t[hd]>/g ),
				].map( ( m ) => `cell:${ unescape( m[ 1 ]! ) }` );
			case 'core/image': {
				const alt = /alt="([^"]*)"/.exec( html )![ 1 ]!;
				const caption =
					/<figcaption class="wp-element-caption">([\s\S]*)<\/figcaption>/.exec(
						html
					);
				return [
					`alt:${ unescape( alt ) }`,
					...( caption
						? [ `caption:${ unescape( caption[ 1 ]! ) }` ]
						: [] ),
				];
			}
			default:
				return actualTexts( b.innerBlocks );
		}
	} );
}

describe( 'sectionsToBlocks over any sections the schema accepts', () => {
	it( 'writes markup the validator accepts: core blocks only, nothing outside them', () => {
		fc.assert(
			fc.property( sectionsArb, ( sections ) => {
				const markup = sectionsToBlocks( sections, IMAGES );
				expect( validateBlockMarkup( markup ) ).toEqual( {
					valid: true,
					problems: [],
				} );
				for ( const block of parseBlocks( markup ) )
					if ( block.blockName === null )
						expect( block.innerHTML.trim() ).toBe( '' );
			} ),
			{ numRuns: 400 }
		);
	} );

	it( 'keeps the text: what the parsed blocks show is what the model wrote', () => {
		fc.assert(
			fc.property( sectionsArb, ( sections ) => {
				const markup = sectionsToBlocks( sections, IMAGES );
				expect( actualTexts( parseBlocks( markup ) ) ).toEqual(
					expectedTexts( sections )
				);
			} ),
			{ numRuns: 400 }
		);
	} );
} );

describe( 'any text a model sends', () => {
	const hostile = fc
		.array(
			fc.oneof(
				pieces,
				fc.constantFrom(
					'**',
					'*',
					'_',
					'`',
					'[',
					']',
					'(',
					')',
					'![x](img-1)',
					'[a](https://a.b/?q=1&r=2)',
					'[b](javascript:alert(1))',
					'<strong>',
					'</strong>',
					'<em>',
					'</em>',
					'<a href="javascript:alert(1)">',
					'<a href="/ok" onclick="x">',
					'</a>',
					'<code>',
					'</code>',
					'<img src=x onerror=alert(1)>',
					'<svg onload=alert(1)>',
					'&lt;script&gt;',
					'&#60;',
					'&amp;',
					'&colon;',
					'# ',
					'## ',
					'- ',
					'1. ',
					'> ',
					'| a | b |\n|---|---|\n| c | d |',
					'---',
					'```',
					'<h2>',
					'</h2>',
					'<ul><li>',
					'</li></ul>',
					'<table><tr><td>',
					'</td></tr></table>',
					'<blockquote>',
					'</blockquote>'
				),
				fc.string( { unit: 'grapheme', maxLength: 5 } )
			),
			{ maxLength: 25 }
		)
		.map( ( parts ) => parts.join( '' ) );

	/** Every tag in the markup, read as a browser reads it, is one our blocks use, with safe URLs. */
	const onlySafeTags = ( markup: string ) => {
		for ( const tag of scanTags( markup ) ) {
			expect( [
				'h2',
				'h3',
				'h4',
				'p',
				'ul',
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
			] ).toContain( tag.name );
			for ( const [ name, value ] of tag.attributes ) {
				expect( [ 'href', 'src', 'alt', 'class' ] ).toContain( name );
				if ( name === 'href' || name === 'src' )
					expect( value ).toMatch(
						/^(?:https?:\/\/|\/|#|\?|[^:]*$)/i
					);
			}
		}
	};

	it( 'in any section field yields valid core blocks and no tag of its own', () => {
		fc.assert(
			fc.property( hostile, hostile, ( a, b ) => {
				const markup = sectionsToBlocks(
					[
						{ type: 'heading', level: 2, text: a },
						{ type: 'paragraph', text: `${ a }\n\n${ b }` },
						{ type: 'list', ordered: false, items: [ a, b ] },
						{ type: 'quote', text: a, citation: b },
						{ type: 'table', header: [ a ], rows: [ [ b, a ] ] },
						{
							type: 'image',
							ref: 'img-1',
							prompt: a,
							alt: a,
							caption: b,
						},
						{ type: 'faq', items: [ { question: a, answer: b } ] },
					],
					IMAGES
				);
				expect( validateBlockMarkup( markup ) ).toEqual( {
					valid: true,
					problems: [],
				} );
				onlySafeTags( markup );
			} ),
			{ numRuns: 300 }
		);
	} );

	it( 'as a Markdown or HTML answer becomes valid core blocks, or nothing', () => {
		fc.assert(
			fc.property( hostile, ( text ) => {
				for ( const sections of [
					markdownToSections( text ),
					htmlToSections( text ),
				] ) {
					const markup = sectionsToBlocks( sections, IMAGES );
					expect( validateBlockMarkup( markup ) ).toEqual( {
						valid: true,
						problems: [],
					} );
					onlySafeTags( markup );
				}
			} ),
			{ numRuns: 300 }
		);
	} );

	it( 'is read by parseArticle without throwing, into an article the schema accepts or a clear failure', () => {
		fc.assert(
			fc.property(
				fc.oneof( hostile, fc.json(), fc.jsonValue() ),
				( answer ) => {
					const result = parseArticle( answer, {
						fallbackTitle: 'A title',
					} );
					if ( result.ok ) {
						expect( result.issues ).toBeInstanceOf( Array );
						const markup = sectionsToBlocks(
							result.article.sections,
							IMAGES
						);
						expect( validateBlockMarkup( markup ).valid ).toBe(
							true
						);
					} else expect( result.issues.length ).toBeGreaterThan( 0 );
				}
			),
			{ numRuns: 300 }
		);
	} );
} );

it( 'emits only the blocks it declares', () => {
	expect( [ ...EMITTED_BLOCKS ].sort() ).toEqual( [
		'core/heading',
		'core/image',
		'core/list',
		'core/list-item',
		'core/paragraph',
		'core/quote',
		'core/table',
	] );
} );
