// HTML → the Markdown the line parser reads, for a model that answers with HTML although asked for Markdown.
// Regular expressions over a small set of tags, no DOM (the Worker has none): headings, paragraphs, lists,
// blockquotes, tables and images become their Markdown; inline formats stay for the inline parser; any other
// tag is unwrapped to its text, and script-like elements go with their content. Tag patterns stop at the
// next "<" so that text full of unclosed tags costs linear time.
import type { Section } from './article';
import { decodeEntities, stripComments } from './escape';
import { markdownToArticle, type MarkdownArticle } from './markdown';

/** Marks a line this converter wrote as Markdown structure; any other line is text and is escaped. */
const MARK = '\uE000';
const BLOCK_START = /^(\s*)(#|>|[-*+](?=\s)|\d{1,9}[.)](?=\s)|\||!\[|```|~~~)/;

function attribute( attrs: string, name: string ): string {
	const m = new RegExp(
		`\\s${ name }\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s"'=<>\`]+))`,
		'i'
	).exec( attrs );
	return m ? decodeEntities( m[ 1 ] ?? m[ 2 ] ?? m[ 3 ] ?? '' ) : '';
}

/** Every tag but the inline formats unwrapped to its text. */
function unwrap( html: string ): string {
	return html
		.replace( /<br\s*\/?>/gi, ' ' )
		.replace(
			/<\/?([a-zA-Z][a-zA-Z0-9-]*)\b[^<>]*>/g,
			( tag, name: string ) =>
				/^(?:strong|b|em|i|code|a)$/i.test( name ) ? tag : ''
		);
}

/** Inline content of a block, on one line. */
function inline( html: string ): string {
	return unwrap( html ).replace( /\s+/g, ' ' ).trim();
}

/**
 * Replaces each `<name …>…</name>` (up to the first closing tag of that name: enough for the elements read
 * here) with what `fn` makes of it, in linear time: once a name has no closing tag left, its openers stay.
 */
function replaceElements(
	html: string,
	names: string,
	fn: ( inner: string, name: string ) => string
): string {
	const open = new RegExp( `<(${ names })\\b[^<>]*>`, 'gi' );
	const lower = html.toLowerCase();
	const exhausted = new Set< string >();
	let out = '';
	let last = 0;
	for ( let m = open.exec( html ); m; m = open.exec( html ) ) {
		const name = m[ 1 ]!.toLowerCase();
		if ( exhausted.has( name ) ) continue;
		const close = lower.indexOf( `</${ name }`, open.lastIndex );
		const closeEnd = close < 0 ? -1 : html.indexOf( '>', close );
		if ( closeEnd < 0 ) {
			exhausted.add( name );
			continue;
		}
		out +=
			html.slice( last, m.index ) +
			fn( html.slice( open.lastIndex, close ), name );
		last = open.lastIndex = closeEnd + 1;
	}
	return out + html.slice( last );
}

function table( html: string ): string {
	const rows: { head: boolean; cells: string[] }[] = [];
	replaceElements( html, 'tr', ( row ) => {
		const cells: string[] = [];
		replaceElements( row, 'th|td', ( c ) => {
			cells.push( inline( c ).replace( /\|/g, '\\|' ) );
			return '';
		} );
		rows.push( {
			head: /<th\b/i.test( row ) && ! /<td\b/i.test( row ),
			cells,
		} );
		return '';
	} );
	if ( ! rows.length ) return '';
	const columns = Math.max( ...rows.map( ( r ) => r.cells.length ), 1 );
	const line = ( cells: string[] ) =>
		`${ MARK }| ${ [ ...cells, ...Array< string >( columns - cells.length ).fill( '' ) ].join( ' | ' ) } |`;
	const header = rows[ 0 ]!.head ? rows.shift()!.cells : [];
	return [
		line( header ),
		`${ MARK }|${ ' --- |'.repeat( columns ) }`,
		...rows.map( ( r ) => line( r.cells ) ),
	].join( '\n' );
}

function image( attrs: string, caption = '' ): string {
	const alt = inline( attribute( attrs, 'alt' ) ).replace(
		/[[\]\\]/g,
		'\\$&'
	);
	const src = attribute( attrs, 'src' ).replace( /[\s()<>]/g, '' );
	// The caption goes in the image's title, where a straight double quote would end it.
	const title = inline( caption ).replace( /"/g, '\u201D' );
	return src
		? `\n\n${ MARK }![${ alt }](${ src }${ title ? ` "${ title }"` : '' })\n\n`
		: '';
}

function blockquote( inner: string ): string {
	let cite = '';
	const body = replaceElements( inner, 'cite', ( c ) => {
		cite ||= inline( c );
		return '';
	} )
		.split( /<\/?(?:p|div|br)\b[^<>]*>/i )
		.map( inline )
		.filter( Boolean );
	if ( cite ) body.push( `— ${ cite }` );
	return `\n\n${ body.map( ( p ) => `${ MARK }> ${ p }` ).join( `\n${ MARK }>\n` ) }\n\n`;
}

/** Lists, nested ones flattened into their outermost list, each item on a line of its own. */
function lists( html: string ): string {
	const stack: boolean[] = [];
	return html
		.replace( /(<li\b[^<>]*>)\s*<p\b[^<>]*>/gi, '$1' )
		.replace( /<\/p\s*>\s*(<\/li\s*>)/gi, '$1' )
		.replace(
			/<(\/?)(ul|ol|li)\b[^<>]*>/gi,
			( _tag, close: string, name: string ) => {
				const tag = name.toLowerCase();
				if ( tag === 'li' )
					return close
						? '\n\n'
						: `\n\n${ MARK }${ stack[ 0 ] ? '1.' : '-' } `;
				if ( close ) stack.pop();
				else stack.push( tag === 'ol' );
				return '\n\n';
			}
		);
}

/** Rewrites an HTML article as Markdown for markdownToArticle. */
export function htmlToMarkdown( html: string ): string {
	let s = replaceElements(
		stripComments( html.replace( /\uE000/g, '' ) ),
		'script|style|template|noscript|iframe|object|svg|math|head|title|select|textarea',
		() => ''
	).replace( /\s+/g, ' ' );

	s = replaceElements(
		s,
		'table',
		( inner ) => `\n\n${ table( inner ) }\n\n`
	);
	s = replaceElements( s, 'figure', ( inner ) => {
		const img = /<img\b([^<>]*)>/i.exec( inner );
		let caption = '';
		replaceElements( inner, 'figcaption', ( c ) => {
			caption ||= c;
			return '';
		} );
		return img ? image( img[ 1 ]!, caption ) : `\n\n${ inner }\n\n`;
	} );
	s = s.replace( /<img\b([^<>]*)>/gi, ( _m, attrs: string ) =>
		image( attrs )
	);
	s = replaceElements( s, 'blockquote', blockquote );
	s = replaceElements(
		s,
		'h[1-6]',
		( inner, name ) =>
			`\n\n${ MARK }${ '#'.repeat( Number( name[ 1 ] ) ) } ${ inline( inner ) }\n\n`
	);
	s = lists( s ).replace(
		/<\/?(?:p|div|section|article|header|footer|main|aside|nav|figure|figcaption|dl|dt|dd|hr|pre|body|html)\b[^<>]*>/gi,
		'\n\n'
	);

	return s
		.split( '\n' )
		.map( ( line ) => {
			if ( line.startsWith( MARK ) ) return unwrap( line.slice( 1 ) );
			// Text that would read as Markdown structure is escaped: it was a paragraph in the HTML.
			return inline( line ).replace(
				BLOCK_START,
				( _m, space: string, marker: string ) =>
					/^\d/.test( marker )
						? `${ space }${ marker.slice( 0, -1 ) }\\${ marker.slice( -1 ) }`
						: `${ space }\\${ marker }`
			);
		} )
		.join( '\n' );
}

/** Parses a model's HTML article into a title and sections. */
export function htmlToArticle( html: string ): MarkdownArticle {
	return markdownToArticle( htmlToMarkdown( html ) );
}

/** The sections of a model's HTML article. */
export function htmlToSections( html: string ): Section[] {
	return htmlToArticle( html ).sections;
}

/** True when a model's text is HTML rather than Markdown (block-level tags at the start of a line or the text). */
export function looksLikeHtml( text: string ): boolean {
	return /(?:^|\n)\s*<(?:p|h[1-6]|ul|ol|li|blockquote|table|figure|div|article|section)\b[^<>]*>/i.test(
		text
	);
}
