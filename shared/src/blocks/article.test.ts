import { describe, expect, it } from 'vitest';
import {
	ARTICLE_LIMITS,
	articleJsonSchema,
	articleResponseFormat,
	articleSchema,
	postSlug,
	type Article,
} from './article';
import { clip, parseArticle } from './parse';

const ARTICLE: Article = {
	title: 'Best Running Shoes for Flat Feet',
	meta_title: 'Best Running Shoes for Flat Feet (2025)',
	meta_description:
		'What flat feet need from a running shoe, and the models that deliver it.',
	slug: 'running-shoes-flat-feet',
	sections: [
		{ type: 'paragraph', text: 'Flat feet need **support**.' },
		{ type: 'heading', level: 2, text: 'Why it matters' },
		{ type: 'list', ordered: false, items: [ 'Stability', 'Comfort' ] },
		{ type: 'quote', text: 'Shoes matter.', citation: null },
		{
			type: 'table',
			header: [ 'Shoe', 'Price' ],
			rows: [ [ 'Brooks', '$140' ] ],
		},
		{
			type: 'image',
			ref: 'img-1',
			prompt: 'A runner on a trail',
			alt: 'A runner',
			caption: null,
		},
		{
			type: 'faq',
			items: [ { question: 'Size up?', answer: 'Half a size.' } ],
		},
	],
};

/** Every object node of a JSON schema, wherever it sits. */
function objects( node: unknown ): Record< string, unknown >[] {
	if ( Array.isArray( node ) ) return node.flatMap( objects );
	if ( ! node || typeof node !== 'object' ) return [];
	const own = node as Record< string, unknown >;
	const children = Object.values( own ).flatMap( objects );
	return own.type === 'object' ? [ own, ...children ] : children;
}

describe( 'articleSchema', () => {
	it( 'accepts a complete article', () => {
		expect( articleSchema.parse( ARTICLE ) ).toEqual( ARTICLE );
	} );

	it( 'holds the SEO fields to their lengths and the slug to its form', () => {
		const long = 'x'.repeat( ARTICLE_LIMITS.metaTitle + 1 );
		expect(
			articleSchema.safeParse( { ...ARTICLE, meta_title: long } ).success
		).toBe( false );
		expect(
			articleSchema.safeParse( {
				...ARTICLE,
				meta_description: 'x'.repeat( 161 ),
			} ).success
		).toBe( false );
		expect(
			articleSchema.safeParse( { ...ARTICLE, slug: 'Not A Slug' } )
				.success
		).toBe( false );
	} );

	it( 'refuses headings outside levels 2–4, unknown keys and unknown section types', () => {
		const withSection = ( s: unknown ) => ( {
			...ARTICLE,
			sections: [ s ],
		} );
		expect(
			articleSchema.safeParse(
				withSection( { type: 'heading', level: 1, text: 'x' } )
			).success
		).toBe( false );
		expect(
			articleSchema.safeParse(
				withSection( { type: 'paragraph', text: 'x', extra: 1 } )
			).success
		).toBe( false );
		expect(
			articleSchema.safeParse(
				withSection( { type: 'html', text: '<p>x</p>' } )
			).success
		).toBe( false );
	} );

	it( 'has no featured image section: in-article image placeholders only', () => {
		expect(
			articleSchema.safeParse( {
				...ARTICLE,
				sections: [
					{
						type: 'image',
						ref: 'featured',
						prompt: 'p',
						alt: 'a',
						caption: null,
					},
				],
			} ).success
		).toBe( false );
	} );
} );

describe( 'articleJsonSchema for structured outputs', () => {
	it( 'closes every object and requires every key, as strict mode demands', () => {
		const all = objects( articleJsonSchema() );
		expect( all.length ).toBeGreaterThan( 8 );
		for ( const o of all ) {
			expect( o.additionalProperties ).toBe( false );
			expect( [ ...( o.required as string[] ) ].sort() ).toEqual(
				Object.keys( o.properties as object ).sort()
			);
		}
	} );

	it( 'uses only keywords strict mode takes: anyOf, enum, no string lengths or patterns', () => {
		const text = JSON.stringify( articleJsonSchema() );
		for ( const keyword of [
			'"oneOf"',
			'"const"',
			'"minLength"',
			'"maxLength"',
			'"pattern"',
			'"$schema"',
			'"format"',
		] )
			expect( text ).not.toContain( keyword );
		expect( text ).toContain( '"anyOf"' );
		expect( articleJsonSchema().type ).toBe( 'object' );
	} );

	it( 'writes optional fields as nullable', () => {
		type Node = {
			properties?: Record< string, Node >;
			items?: Node;
			anyOf?: Node[];
			type?: unknown;
		};
		const sections = ( articleJsonSchema() as Node ).properties!.sections!
			.items!.anyOf!;
		const quote = sections.find( ( s ) => s.properties?.citation )!;
		expect( quote.properties!.citation!.type ).toEqual( [
			'string',
			'null',
		] );
	} );

	it( 'is wrapped as the SDK’s response_format', () => {
		expect( articleResponseFormat() ).toEqual( {
			type: 'json_schema',
			json_schema: {
				name: 'article',
				strict: true,
				schema: articleJsonSchema(),
			},
		} );
	} );
} );

describe( 'parseArticle', () => {
	it( 'passes a strict answer through untouched, from the object or its JSON text', () => {
		expect( parseArticle( ARTICLE ) ).toEqual( {
			ok: true,
			article: ARTICLE,
			source: 'json',
			issues: [],
		} );
		expect( parseArticle( JSON.stringify( ARTICLE ) ) ).toMatchObject( {
			ok: true,
			source: 'json',
		} );
		expect(
			parseArticle(
				'Here it is:\n```json\n' + JSON.stringify( ARTICLE ) + '\n```'
			)
		).toMatchObject( {
			ok: true,
			source: 'json',
		} );
	} );

	it( 'repairs a near miss and says what it repaired', () => {
		const result = parseArticle( {
			article: {
				title: 'Flat Feet',
				meta_title:
					'A meta title that goes on and on well past the sixty characters search shows',
				slug: 'Flat Feet!',
				sections: [
					{ type: 'h1', text: 'Flat Feet' },
					'Plain paragraph.',
					{ type: 'H3', content: 'Sub' },
					{ type: 'ul', items: [ 'a', { text: 'b' }, '' ] },
					{
						type: 'table',
						headers: [ 'A', 'B' ],
						rows: [ [ 1, 2 ] ],
					},
					{ type: 'image', id: 'hero', alt: 'A shoe' },
					{ type: 'marquee', text: 'x' },
				],
			},
		} );
		expect( result.ok ).toBe( true );
		if ( ! result.ok ) return;
		expect( result.source ).toBe( 'repaired' );
		expect( result.article ).toEqual( {
			title: 'Flat Feet',
			meta_title: 'A meta title that goes on and on well past the sixty',
			meta_description: 'Plain paragraph.',
			slug: 'flat-feet',
			sections: [
				{ type: 'paragraph', text: 'Plain paragraph.' },
				{ type: 'heading', level: 3, text: 'Sub' },
				{ type: 'list', ordered: false, items: [ 'a', 'b' ] },
				{ type: 'table', header: [ 'A', 'B' ], rows: [ [ '1', '2' ] ] },
				{
					type: 'image',
					ref: 'img-1',
					prompt: 'A shoe',
					alt: 'A shoe',
					caption: null,
				},
			],
		} );
		expect( result.issues.map( ( i ) => i.path ) ).toEqual(
			expect.arrayContaining( [
				'sections.6',
				'sections.0',
				'meta_title',
				'meta_description',
				'slug',
				'sections.4.ref',
			] )
		);
	} );

	it( 'converts a Markdown answer, taking the title from it or from the task', () => {
		const md = parseArticle(
			'# Flat Feet\n\nThey need support.\n\n## Why\n\n- a\n- b'
		);
		expect( md ).toMatchObject( {
			ok: true,
			source: 'markdown',
			article: {
				title: 'Flat Feet',
				meta_title: 'Flat Feet',
				meta_description: 'They need support.',
				slug: 'flat-feet',
			},
		} );
		expect(
			parseArticle( 'Just text.', { fallbackTitle: 'Task title' } )
		).toMatchObject( {
			ok: true,
			article: {
				title: 'Task title',
				sections: [ { type: 'paragraph', text: 'Just text.' } ],
			},
		} );
		expect(
			parseArticle( '<h2>Why</h2><p>Because.</p>', {
				fallbackTitle: 'T',
			} )
		).toMatchObject( {
			ok: true,
			source: 'html',
		} );
	} );

	it( 'fails clearly when nothing usable is left', () => {
		expect( parseArticle( '' ) ).toEqual( {
			ok: false,
			issues: [ { path: '', message: 'empty answer' } ],
		} );
		expect( parseArticle( 'Only text, no title.' ) ).toMatchObject( {
			ok: false,
			issues: expect.arrayContaining( [
				{ path: 'title', message: 'no title' },
			] ),
		} );
		expect(
			parseArticle( {
				title: 'T',
				sections: [ { type: 'paragraph', text: ' ' } ],
			} )
		).toMatchObject( { ok: false } );
		expect( parseArticle( [ 1, 2 ] ) ).toMatchObject( { ok: false } );
		expect( parseArticle( '{"title": "T", "sections": 3}' ) ).toMatchObject(
			{ ok: false }
		);
	} );
} );

describe( 'clip', () => {
	it( 'cuts at a word boundary near the limit, or hard when there is none, never inside a character', () => {
		expect( clip( 'one two three four', 13 ) ).toBe( 'one two three' );
		expect( clip( 'abcdefghij', 4 ) ).toBe( 'abcd' );
		expect( clip( 'short', 10 ) ).toBe( 'short' );
		const emoji = clip( '🎉'.repeat( 70 ), 61 );
		expect( emoji ).toBe( '🎉'.repeat( 30 ) );
	} );
} );

describe( 'postSlug', () => {
	it( 'makes lowercase dashed words, dropping Latin accents and keeping other scripts', () => {
		expect( postSlug( 'Crème Brûlée: 10 Tips!' ) ).toBe(
			'creme-brulee-10-tips'
		);
		expect( postSlug( 'Плоскостопие и бег' ) ).toBe( 'плоскостопие-и-бег' );
		expect( postSlug( 'נעלי ריצה' ) ).toBe( 'נעלי-ריצה' );
		expect( postSlug( 'हिंदी लेख' ) ).toBe( 'हिंदी-लेख' );
		expect( postSlug( '跑步鞋 指南' ) ).toBe( '跑步鞋-指南' );
	} );

	it( 'stops at the last whole word within the limit, and never returns nothing', () => {
		const slug = postSlug( 'word '.repeat( 40 ) );
		expect( slug.length ).toBeLessThanOrEqual( ARTICLE_LIMITS.slug );
		expect( slug.endsWith( 'word' ) ).toBe( true );
		expect( postSlug( '!!!' ) ).toBe( 'post' );
	} );

	it( 'makes slugs the schema accepts', () => {
		for ( const title of [
			'Crème Brûlée',
			'Плоскостопие и бег',
			'跑步鞋 指南',
			'x'.repeat( 200 ),
		] )
			expect(
				articleSchema.safeParse( {
					...ARTICLE,
					slug: postSlug( title ),
				} ).success
			).toBe( true );
	} );
} );
