// What a model answered → an Article, whichever way it answered: strict JSON (structured outputs), loose JSON
// (json_object mode: near-miss keys, types and lengths repaired), or Markdown/HTML without JSON at all.
// Every repair is reported, so the job can log what the model got wrong.
import {
	ARTICLE_LIMITS,
	articleSchema,
	postSlug,
	type Article,
	type Section,
} from './article';
import { htmlToArticle, looksLikeHtml } from './html';
import { inlineToText } from './inline';
import { markdownToArticle } from './markdown';
import { sectionText } from './serialize';

export interface ArticleIssue {
	/** Where, as a dotted path into the article ("sections.3.text"); '' for the answer as a whole. */
	path: string;
	message: string;
}

export type ArticleParse =
	| {
			ok: true;
			article: Article;
			/** json: the answer was an article as asked; repaired: JSON that needed fixing; markdown/html: no JSON. */
			source: 'json' | 'repaired' | 'markdown' | 'html';
			issues: ArticleIssue[];
	  }
	| { ok: false; issues: ArticleIssue[] };

export interface ParseArticleOptions {
	/** The title to use when the answer has none (the task's title). */
	fallbackTitle?: string;
}

type Loose = Record< string, unknown >;

const isObject = ( v: unknown ): v is Loose =>
	typeof v === 'object' && v !== null && ! Array.isArray( v );

function str( ...values: unknown[] ): string {
	for ( const v of values ) {
		if ( typeof v === 'string' && v.trim() ) return v.trim();
		if ( typeof v === 'number' && Number.isFinite( v ) ) return String( v );
	}
	return '';
}

/**
 * Cuts text to `max` UTF-16 units (what zod's max() counts) without splitting a character, at a word boundary
 * when there is one in the last fifth.
 */
export function clip( text: string, max: number ): string {
	const trimmed = text.trim();
	if ( trimmed.length <= max ) return trimmed;
	let cut = '';
	for ( const char of trimmed ) {
		if ( cut.length + char.length > max ) break;
		cut += char;
	}
	const space = cut.lastIndexOf( ' ' );
	return ( space > max * 0.8 ? cut.slice( 0, space ) : cut ).replace(
		/[\s,;:–—-]+$/u,
		''
	);
}

const SECTION_TYPES: Record< string, Section[ 'type' ] > = {
	heading: 'heading',
	header: 'heading',
	subheading: 'heading',
	title: 'heading',
	h1: 'heading',
	h2: 'heading',
	h3: 'heading',
	h4: 'heading',
	h5: 'heading',
	h6: 'heading',
	paragraph: 'paragraph',
	p: 'paragraph',
	text: 'paragraph',
	list: 'list',
	ul: 'list',
	ol: 'list',
	bullets: 'list',
	bullet_list: 'list',
	unordered_list: 'list',
	ordered_list: 'list',
	numbered_list: 'list',
	quote: 'quote',
	blockquote: 'quote',
	table: 'table',
	image: 'image',
	img: 'image',
	figure: 'image',
	image_placeholder: 'image',
	faq: 'faq',
	faqs: 'faq',
};

class Repairs {
	issues: ArticleIssue[] = [];
	add( path: string, message: string ) {
		this.issues.push( { path, message } );
	}
	/** A string field: clipped to its limit, with an issue when it was longer. */
	text( value: string, max: number, path: string ): string {
		if ( value.length <= max ) return value;
		this.add( path, `longer than ${ max } characters: shortened` );
		return clip( value, max );
	}
}

function coerceSection( raw: unknown, path: string, r: Repairs ): Section[] {
	if ( typeof raw === 'string' ) {
		return raw.trim()
			? [
					{
						type: 'paragraph',
						text: r.text(
							raw.trim(),
							ARTICLE_LIMITS.paragraph,
							path
						),
					},
				]
			: [];
	}
	if ( ! isObject( raw ) ) {
		r.add( path, 'not a section: dropped' );
		return [];
	}
	const typeName = str( raw.type, raw.kind, raw.block )
		.toLowerCase()
		.replace( /[\s-]+/g, '_' );
	const type = SECTION_TYPES[ typeName ];
	const body = str(
		raw.text,
		raw.content,
		raw.value,
		raw.html,
		raw.markdown
	);
	const L = ARTICLE_LIMITS;
	switch ( type ) {
		case 'heading': {
			if ( ! body ) break;
			const asked = Number(
				/\d/.exec( `${ str( raw.level ) }${ typeName }` )?.[ 0 ] ?? 2
			);
			const level = asked <= 2 ? 2 : asked >= 4 ? 4 : 3;
			return [
				{
					type,
					level,
					text: r.text( body, L.heading, `${ path }.text` ),
				},
			];
		}
		case 'paragraph':
			if ( ! body ) break;
			return [
				{ type, text: r.text( body, L.paragraph, `${ path }.text` ) },
			];
		case 'list': {
			const rawItems = Array.isArray( raw.items )
				? raw.items
				: Array.isArray( raw.list )
					? raw.list
					: [];
			const items = rawItems
				.map( ( item, i ) =>
					r.text(
						isObject( item )
							? str( item.text, item.content )
							: str( item ),
						L.listItem,
						`${ path }.items.${ i }`
					)
				)
				.filter( Boolean );
			if ( ! items.length ) break;
			if ( items.length > L.listItems )
				r.add(
					`${ path }.items`,
					`more than ${ L.listItems } items: cut`
				);
			const ordered =
				typeof raw.ordered === 'boolean'
					? raw.ordered
					: /^(ol|ordered_list|numbered_list)$/.test( typeName ) ||
						/^(ordered|numbered|decimal)$/i.test(
							str( raw.style )
						);
			return [ { type, ordered, items: items.slice( 0, L.listItems ) } ];
		}
		case 'quote': {
			if ( ! body ) break;
			const citation = str(
				raw.citation,
				raw.cite,
				raw.author,
				raw.source
			);
			return [
				{
					type,
					text: r.text( body, L.quote, `${ path }.text` ),
					citation: citation
						? r.text( citation, L.citation, `${ path }.citation` )
						: null,
				},
			];
		}
		case 'table': {
			const cells = ( row: unknown, at: string ) =>
				( Array.isArray( row )
					? row
					: isObject( row )
						? Object.values( row )
						: []
				)
					.slice( 0, L.tableColumns )
					.map( ( c, i ) =>
						r.text( str( c ), L.tableCell, `${ at }.${ i }` )
					);
			const head = raw.header ?? raw.headers ?? raw.head ?? raw.columns;
			const rowsIn = raw.rows ?? raw.body ?? raw.data;
			let header = cells( head, `${ path }.header` );
			let rows = ( Array.isArray( rowsIn ) ? rowsIn : [] )
				.slice( 0, L.tableRows )
				.map( ( row, i ) => cells( row, `${ path }.rows.${ i }` ) )
				.filter( ( row ) => row.some( Boolean ) );
			if ( ! rows.length && header.some( Boolean ) )
				[ rows, header ] = [ [ header ], [] ];
			if ( ! rows.length ) break;
			return [ { type, header, rows } ];
		}
		case 'image': {
			const alt = str( raw.alt, raw.alt_text, raw.prompt, raw.caption );
			if ( ! alt ) break;
			const caption = str( raw.caption );
			return [
				{
					type,
					ref: str( raw.ref, raw.id, raw.position ),
					prompt: r.text(
						str( raw.prompt, raw.description, alt ),
						L.imagePrompt,
						`${ path }.prompt`
					),
					alt: r.text( alt, L.imageAlt, `${ path }.alt` ),
					caption: caption
						? r.text( caption, L.imageCaption, `${ path }.caption` )
						: null,
				},
			];
		}
		case 'faq': {
			const rawItems = Array.isArray( raw.items )
				? raw.items
				: Array.isArray( raw.questions )
					? raw.questions
					: [];
			const items = rawItems
				.filter( isObject )
				.map( ( item, i ) => ( {
					question: r.text(
						str( item.question, item.q ),
						L.faqQuestion,
						`${ path }.items.${ i }.question`
					),
					answer: r.text(
						str( item.answer, item.a ),
						L.faqAnswer,
						`${ path }.items.${ i }.answer`
					),
				} ) )
				.filter( ( item ) => item.question && item.answer )
				.slice( 0, L.faqItems );
			if ( ! items.length ) break;
			return [ { type, items } ];
		}
		default:
			r.add( path, `unknown section type "${ typeName }": dropped` );
			return [];
	}
	r.add( path, `empty ${ type }: dropped` );
	return [];
}

/** Image refs made unique img-N: a missing, malformed or repeated ref gets the first free number. */
function settleImageRefs( sections: Section[], r: Repairs ): Section[] {
	const valid = /^img-[1-9][0-9]{0,2}$/;
	const used = new Set(
		sections.flatMap( ( s ) =>
			s.type === 'image' && valid.test( s.ref ) ? [ s.ref ] : []
		)
	);
	const placed = new Set< string >();
	let next = 1;
	return sections.map( ( s, i ) => {
		if ( s.type !== 'image' ) return s;
		if ( valid.test( s.ref ) && ! placed.has( s.ref ) ) {
			placed.add( s.ref );
			return s;
		}
		while ( used.has( `img-${ next }` ) ) next++;
		const ref = `img-${ next }`;
		used.add( ref );
		placed.add( ref );
		r.add(
			`sections.${ i }.ref`,
			`image ref "${ s.ref }" is not a free img-N: now ${ ref }`
		);
		return { ...s, ref };
	} );
}

/** The article's fields, repaired: derived where missing, clipped where too long. */
function complete(
	fields: {
		title: string;
		metaTitle: string;
		metaDescription: string;
		slug: string;
	},
	sections: Section[],
	r: Repairs
): Loose {
	const L = ARTICLE_LIMITS;
	const title = r.text( inlineToText( fields.title ), L.title, 'title' );
	// A first heading repeating the title is the title written twice.
	const first = sections[ 0 ];
	if (
		first?.type === 'heading' &&
		inlineToText( first.text ).toLowerCase() === title.toLowerCase()
	) {
		r.add( 'sections.0', 'heading repeats the title: dropped' );
		sections = sections.slice( 1 );
	}
	if ( sections.length > L.sections ) {
		r.add( 'sections', `more than ${ L.sections } sections: cut` );
		sections = sections.slice( 0, L.sections );
	}
	let metaTitle = inlineToText( fields.metaTitle );
	if ( ! metaTitle ) {
		r.add( 'meta_title', 'missing: made from the title' );
		metaTitle = clip( title, L.metaTitle );
	}
	let metaDescription = inlineToText( fields.metaDescription );
	if ( ! metaDescription ) {
		r.add( 'meta_description', 'missing: made from the first paragraph' );
		const firstText =
			sections.map( sectionText ).find( ( t ) => t.trim().length > 0 ) ??
			title;
		metaDescription = clip( firstText, L.metaDescription );
	}
	const slug = postSlug( fields.slug || title );
	if ( fields.slug && slug !== fields.slug )
		r.add( 'slug', `not a slug: now "${ slug }"` );
	return {
		title,
		meta_title: r.text( metaTitle, L.metaTitle, 'meta_title' ),
		meta_description: r.text(
			metaDescription,
			L.metaDescription,
			'meta_description'
		),
		slug,
		sections: settleImageRefs( sections, r ),
	};
}

function finish(
	candidate: Loose,
	source: 'repaired' | 'markdown' | 'html',
	r: Repairs
): ArticleParse {
	const result = articleSchema.safeParse( candidate );
	if ( result.success )
		return { ok: true, article: result.data, source, issues: r.issues };
	return {
		ok: false,
		issues: [
			...r.issues,
			...result.error.issues.map( ( i ) => ( {
				path: i.path.join( '.' ),
				message: i.message,
			} ) ),
		],
	};
}

function fromText(
	text: string,
	options: ParseArticleOptions,
	r: Repairs
): ArticleParse {
	const html = looksLikeHtml( text );
	const parsed = html ? htmlToArticle( text ) : markdownToArticle( text );
	r.add(
		'',
		`the answer was ${ html ? 'HTML' : 'Markdown' }, not JSON: converted`
	);
	const title = parsed.title ?? options.fallbackTitle ?? '';
	if ( ! parsed.sections.length )
		return {
			ok: false,
			issues: [
				...r.issues,
				{ path: 'sections', message: 'no body text' },
			],
		};
	if ( ! title )
		return {
			ok: false,
			issues: [ ...r.issues, { path: 'title', message: 'no title' } ],
		};
	const sections = parsed.sections.flatMap( ( s, i ) =>
		coerceSection( s, `sections.${ i }`, r )
	);
	return finish(
		complete(
			{ title, metaTitle: '', metaDescription: '', slug: '' },
			sections,
			r
		),
		html ? 'html' : 'markdown',
		r
	);
}

/** JSON inside an answer: the whole of it, inside a ```json fence, or from its first { to its last }. */
function extractJson( text: string ): unknown {
	const fenced = /```(?:json)?\s*\n([\s\S]*?)\n\s*```/i.exec( text );
	const candidates = [
		text,
		fenced?.[ 1 ],
		text.slice( text.indexOf( '{' ), text.lastIndexOf( '}' ) + 1 ),
	];
	for ( const c of candidates ) {
		if ( ! c || ! c.trim().startsWith( '{' ) ) continue;
		try {
			return JSON.parse( c ) as unknown;
		} catch {
			// next candidate
		}
	}
	return undefined;
}

/**
 * Reads a model's answer as an Article. Accepts the parsed JSON or the raw text; strict answers pass as they
 * are, near misses are repaired, Markdown or HTML is converted. `ok: false` when nothing usable is left.
 */
export function parseArticle(
	input: unknown,
	options: ParseArticleOptions = {}
): ArticleParse {
	const r = new Repairs();
	let value = input;
	if ( typeof value === 'string' ) {
		const text = value.replace( /^\uFEFF/, '' ).trim();
		if ( ! text )
			return {
				ok: false,
				issues: [ { path: '', message: 'empty answer' } ],
			};
		value = extractJson( text );
		if ( value === undefined ) return fromText( text, options, r );
	}

	const strict = articleSchema.safeParse( value );
	if ( strict.success )
		return { ok: true, article: strict.data, source: 'json', issues: [] };

	if ( ! isObject( value ) )
		return {
			ok: false,
			issues: [
				{ path: '', message: 'the answer is not a JSON object' },
			],
		};
	// { "article": { … } } and the like.
	const keys = Object.keys( value );
	const only = keys.length === 1 ? value[ keys[ 0 ]! ] : undefined;
	const obj: Loose = isObject( only ) ? only : value;

	let rawSections: unknown =
		obj.sections ?? obj.body ?? obj.content ?? obj.blocks;
	if ( typeof rawSections === 'string' ) {
		const html = looksLikeHtml( rawSections );
		r.add(
			'sections',
			`the body was ${ html ? 'HTML' : 'Markdown' } text: converted`
		);
		rawSections = (
			html
				? htmlToArticle( rawSections )
				: markdownToArticle( rawSections )
		).sections;
	}
	if ( ! Array.isArray( rawSections ) )
		return {
			ok: false,
			issues: [
				...r.issues,
				{ path: 'sections', message: 'no sections' },
			],
		};
	const sections = rawSections.flatMap( ( s, i ) =>
		coerceSection( s, `sections.${ i }`, r )
	);
	if ( ! sections.length )
		return {
			ok: false,
			issues: [
				...r.issues,
				{ path: 'sections', message: 'no usable section' },
			],
		};

	const title = str(
		obj.title,
		obj.headline,
		obj.name,
		options.fallbackTitle
	);
	if ( ! title )
		return {
			ok: false,
			issues: [ ...r.issues, { path: 'title', message: 'no title' } ],
		};
	return finish(
		complete(
			{
				title,
				metaTitle: str( obj.meta_title, obj.metaTitle, obj.seo_title ),
				metaDescription: str(
					obj.meta_description,
					obj.metaDescription,
					obj.seo_description
				),
				slug: str( obj.slug, obj.slug_suggestion ),
			},
			sections,
			r
		),
		'repaired',
		r
	);
}
