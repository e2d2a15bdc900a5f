// The article a model writes for generate_content: its shape as a zod schema (what the cloud validates) and as
// a strict JSON schema for structured outputs (what the model is held to where the provider supports it).
import { z } from 'zod';

export const ARTICLE_LIMITS = {
	title: 200,
	/** Search engines cut titles near 60 characters. */
	metaTitle: 60,
	/** …and descriptions near 160. */
	metaDescription: 160,
	slug: 80,
	sections: 300,
	heading: 200,
	paragraph: 6000,
	listItems: 60,
	listItem: 1500,
	quote: 3000,
	citation: 300,
	tableColumns: 12,
	tableRows: 100,
	tableCell: 600,
	imageAlt: 300,
	imageCaption: 500,
	imagePrompt: 1500,
	faqItems: 30,
	faqQuestion: 300,
	faqAnswer: 4000,
} as const;

/** A post slug: lowercase words in any script joined by single dashes ("flat-feet", "pieds-plats", "плоскостопие"). */
const POST_SLUG = /^(?!.*\p{Lu})[\p{L}\p{M}\p{N}]+(?:-[\p{L}\p{M}\p{N}]+)*$/u;

/**
 * A slug for a post from any text: accents dropped from Latin, Greek and Cyrillic letters, other scripts kept
 * (WordPress percent-encodes them in the URL), lowercase, words joined by dashes.
 */
export function postSlug( text: string ): string {
	const words = text
		.normalize( 'NFKD' )
		.replace( /[\u0300-\u036f]/g, '' )
		.normalize( 'NFC' )
		.toLowerCase()
		.split( /[^\p{L}\p{M}\p{N}]+/u )
		.filter( Boolean );
	let slug = '';
	for ( const word of words ) {
		const next = slug ? `${ slug }-${ word }` : word;
		if ( next.length > ARTICLE_LIMITS.slug ) break;
		slug = next;
	}
	return (
		slug || ( words[ 0 ] ?? '' ).slice( 0, ARTICLE_LIMITS.slug ) || 'post'
	);
}

const INLINE =
	'Plain text; inline **bold**, *italic*, `code` and [links](https://…) allowed, nothing else.';

const text = ( max: number, description: string ) =>
	z.string().trim().min( 1 ).max( max ).describe( description );

export const headingSectionSchema = z
	.object( {
		type: z.enum( [ 'heading' ] ),
		level: z
			.literal( [ 2, 3, 4 ] )
			.describe( '2 for a main section, 3 and 4 for subsections.' ),
		text: text( ARTICLE_LIMITS.heading, 'The heading, plain text.' ),
	} )
	.strict();

export const paragraphSectionSchema = z
	.object( {
		type: z.enum( [ 'paragraph' ] ),
		text: text( ARTICLE_LIMITS.paragraph, `One paragraph. ${ INLINE }` ),
	} )
	.strict();

export const listSectionSchema = z
	.object( {
		type: z.enum( [ 'list' ] ),
		ordered: z
			.boolean()
			.describe( 'true for steps or a ranking, false for bullets.' ),
		items: z
			.array( text( ARTICLE_LIMITS.listItem, `One item. ${ INLINE }` ) )
			.min( 1 )
			.max( ARTICLE_LIMITS.listItems ),
	} )
	.strict();

export const quoteSectionSchema = z
	.object( {
		type: z.enum( [ 'quote' ] ),
		text: text( ARTICLE_LIMITS.quote, `The quoted words. ${ INLINE }` ),
		citation: text(
			ARTICLE_LIMITS.citation,
			'Who said it, or null.'
		).nullable(),
	} )
	.strict();

const cell = z
	.string()
	.trim()
	.max( ARTICLE_LIMITS.tableCell )
	.describe( `One cell. ${ INLINE }` );

export const tableSectionSchema = z
	.object( {
		type: z.enum( [ 'table' ] ),
		header: z
			.array( cell )
			.max( ARTICLE_LIMITS.tableColumns )
			.describe( 'The column headings.' ),
		rows: z
			.array( z.array( cell ).max( ARTICLE_LIMITS.tableColumns ) )
			.min( 1 )
			.max( ARTICLE_LIMITS.tableRows )
			.describe( 'The rows, each with as many cells as the header.' ),
	} )
	.strict();

export const imageSectionSchema = z
	.object( {
		type: z.enum( [ 'image' ] ),
		ref: z
			.string()
			.regex( /^img-[1-9][0-9]{0,2}$/, 'img-1, img-2, …' )
			.describe( 'img-1, img-2, … in the order the images appear.' ),
		prompt: text(
			ARTICLE_LIMITS.imagePrompt,
			'What the image shows, for the image model.'
		),
		alt: text(
			ARTICLE_LIMITS.imageAlt,
			'Alt text for readers who cannot see it.'
		),
		caption: text(
			ARTICLE_LIMITS.imageCaption,
			`A caption, or null. ${ INLINE }`
		).nullable(),
	} )
	.strict();

export const faqSectionSchema = z
	.object( {
		type: z.enum( [ 'faq' ] ),
		items: z
			.array(
				z
					.object( {
						question: text(
							ARTICLE_LIMITS.faqQuestion,
							'The question, plain text.'
						),
						answer: text(
							ARTICLE_LIMITS.faqAnswer,
							`The answer. ${ INLINE }`
						),
					} )
					.strict()
			)
			.min( 1 )
			.max( ARTICLE_LIMITS.faqItems ),
	} )
	.strict();

/** One part of the body, in order. The featured image is not a section: it is the post's own. */
export const sectionSchema = z.discriminatedUnion( 'type', [
	headingSectionSchema,
	paragraphSectionSchema,
	listSectionSchema,
	quoteSectionSchema,
	tableSectionSchema,
	imageSectionSchema,
	faqSectionSchema,
] );

export const articleSchema = z
	.object( {
		title: text( ARTICLE_LIMITS.title, 'The post title, plain text.' ),
		meta_title: text(
			ARTICLE_LIMITS.metaTitle,
			`The SEO title, at most ${ ARTICLE_LIMITS.metaTitle } characters.`
		),
		meta_description: text(
			ARTICLE_LIMITS.metaDescription,
			`The SEO description, at most ${ ARTICLE_LIMITS.metaDescription } characters.`
		),
		slug: z
			.string()
			.trim()
			.min( 1 )
			.max( ARTICLE_LIMITS.slug )
			.regex(
				POST_SLUG,
				'lowercase words (any script) joined by single dashes'
			)
			.describe(
				'A short URL slug in the article’s language: lowercase words joined by dashes.'
			),
		sections: z
			.array( sectionSchema )
			.min( 1 )
			.max( ARTICLE_LIMITS.sections )
			.describe(
				'The body in reading order. Start with a paragraph, not the title; no H1.'
			),
	} )
	.strict();

export type Article = z.infer< typeof articleSchema >;
export type Section = z.infer< typeof sectionSchema >;
export type SectionType = Section[ 'type' ];
export type HeadingSection = z.infer< typeof headingSectionSchema >;
export type ParagraphSection = z.infer< typeof paragraphSectionSchema >;
export type ListSection = z.infer< typeof listSectionSchema >;
export type QuoteSection = z.infer< typeof quoteSectionSchema >;
export type TableSection = z.infer< typeof tableSectionSchema >;
export type ImageSection = z.infer< typeof imageSectionSchema >;
export type FaqSection = z.infer< typeof faqSectionSchema >;

type JsonSchema = { [ key: string ]: unknown };

/** Keywords OpenAI's strict mode refuses or ignores: the zod schema still checks them on the way back. */
const UNSUPPORTED = new Set( [
	'$schema',
	'minLength',
	'maxLength',
	'pattern',
	'format',
] );

/**
 * Rewrites zod's JSON schema into what OpenAI's strict structured outputs accept: `anyOf` for unions, `enum`
 * for constants, no string length or pattern keywords, and every object closed with all its keys required.
 */
export function toStrictJsonSchema( schema: unknown ): JsonSchema {
	const walk = ( node: unknown ): unknown => {
		if ( Array.isArray( node ) ) return node.map( walk );
		if ( ! node || typeof node !== 'object' ) return node;
		const out: JsonSchema = {};
		for ( const [ key, value ] of Object.entries( node ) ) {
			if ( UNSUPPORTED.has( key ) ) continue;
			if ( key === 'oneOf' ) out.anyOf = walk( value );
			else if ( key === 'const' ) out.enum = [ value ];
			else if ( key === 'properties' ) {
				out.properties = Object.fromEntries(
					Object.entries( value as JsonSchema ).map( ( [ k, v ] ) => [
						k,
						walk( v ),
					] )
				);
			} else out[ key ] = walk( value );
		}
		// { anyOf: [ { type: 'string', … }, { type: 'null' } ] } → { type: [ 'string', 'null' ], … }
		const options = out.anyOf as JsonSchema[] | undefined;
		if ( options?.length === 2 && Object.keys( out ).length === 1 ) {
			const nul = options.findIndex(
				( o ) => o.type === 'null' && Object.keys( o ).length === 1
			);
			const other = options[ 1 - nul ];
			if (
				nul >= 0 &&
				other &&
				typeof other.type === 'string' &&
				other.type !== 'object'
			)
				return { ...other, type: [ other.type, 'null' ] };
		}
		if ( out.type === 'object' ) {
			const keys = Object.keys(
				( out.properties as JsonSchema | undefined ) ?? {}
			);
			const required = new Set(
				( out.required as string[] | undefined ) ?? []
			);
			const missing = keys.filter( ( k ) => ! required.has( k ) );
			if ( missing.length )
				throw new Error(
					`strict JSON schema: optional keys ${ missing.join( ', ' ) }`
				);
			out.additionalProperties = false;
		}
		return out;
	};
	return walk( schema ) as JsonSchema;
}

let strictSchema: JsonSchema | undefined;

/** The article as a strict JSON schema (the `schema` of a structured-output response format); built once. */
export function articleJsonSchema(): JsonSchema {
	strictSchema ??= toStrictJsonSchema(
		z.toJSONSchema( articleSchema, { io: 'output' } )
	);
	return strictSchema;
}

/** `response_format` for the OpenAI SDK's chat completions: the model must answer an article. */
export function articleResponseFormat() {
	return {
		type: 'json_schema',
		json_schema: {
			name: 'article',
			strict: true,
			schema: articleJsonSchema(),
		},
	} as const;
}
