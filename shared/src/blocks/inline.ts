// Inline markup a model may write inside a paragraph, list item, table cell, heading, quote or caption: a small
// safe subset of Markdown (**bold**, *em*, `code`, [text](url)) and the same as HTML (<strong>/<b>, <em>/<i>,
// <code>, <a href>). Everything else is text, escaped: no other tag, no attribute but href, no unsafe URL.

import {
	cleanText,
	decodeEntities,
	escapeRichTextAttribute,
	escapeText,
	urlAttributeSafe,
} from './escape';

export type InlineNode =
	| { type: 'text'; text: string }
	| { type: 'strong' | 'em' | 'code'; children: InlineNode[] }
	| { type: 'link'; href: string; children: InlineNode[] };

/** Past this nesting, markup is read as text: a guard against pathological input, never reached by prose. */
const MAX_DEPTH = 6;
const ESCAPABLE = new Set( '\\`*_[]()!<>#-+.|{}~"\''.split( '' ) );
const FORMAT_TAGS: Record< string, 'strong' | 'em' | 'code' > = {
	strong: 'strong',
	b: 'strong',
	em: 'em',
	i: 'em',
	code: 'code',
};
const ATTRIBUTES = String.raw`(?:\s+[a-zA-Z_:][-a-zA-Z0-9_:.]*(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>\x60]+))?)*`;
const OPEN_TAG = new RegExp(
	`^<(strong|b|em|i|code|a)(${ ATTRIBUTES })\\s*>`,
	'i'
);
const BREAK_TAG = /^<br\s*\/?>/i;
const HREF = /\shref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))/i;

/**
 * A URL that may stand in a link or an image: http(s), or relative to the site (a path, a query or a fragment).
 * Returns it ready for an attribute (spaces and characters that never belong in a URL percent-encoded), or null.
 */
export function safeUrl( raw: string ): string | null {
	const url = cleanText( raw );
	if ( ! url || /\s/.test( url ) ) return null;
	const scheme = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec( url );
	if ( scheme ) {
		if ( ! /^https?$/i.test( scheme[ 1 ]! ) ) return null;
		if ( ! /^https?:\/\/[^/?#\s]/i.test( url ) ) return null;
	} else if ( url.startsWith( '//' ) || url.startsWith( '\\' ) ) {
		return null;
	}
	const encoded = url.replace(
		/["<>\\^`{|}\u00A0]/g,
		( c ) =>
			'%' +
			c.charCodeAt( 0 ).toString( 16 ).toUpperCase().padStart( 2, '0' )
	);
	return urlAttributeSafe( encoded );
}

/**
 * How many characters the searches for closing delimiters may scan in one parseInline(), per character of
 * input: prose spends a fraction of it; text made of unclosed openers ("*a *a *a …") would otherwise cost
 * quadratic time. Once spent, the rest of the text is read as text.
 */
const SCAN_BUDGET_PER_CHAR = 32;
let budget = 0;

/** Charges a search that scanned from `from` to `to` (or to the end when it found nothing). */
function spend< T >( result: T, from: number, to: number ): T {
	budget -= Math.max( 1, to - from );
	return result;
}

/** Where a closing delimiter run for `*`/`_` emphasis starts, or -1. */
function findClosing(
	s: string,
	from: number,
	ch: string,
	size: number
): number {
	for ( let j = from; j < s.length; j++ ) {
		const c = s[ j ];
		if ( c === '\\' ) {
			j++;
			continue;
		}
		if ( c === '`' ) {
			// A code span is opaque: emphasis never closes inside it.
			const end = codeSpanEnd( s, j );
			if ( end > 0 ) j = end - 1;
			continue;
		}
		if ( c !== ch ) continue;
		let run = 1;
		while ( s[ j + run ] === ch ) run++;
		const closes =
			j > from &&
			! /\s/.test( s[ j - 1 ]! ) &&
			( size === 1 ? run === 1 : run >= size ) &&
			( ch !== '_' || ! /[\p{L}\p{N}]/u.test( s[ j + run ] ?? '' ) );
		if ( closes ) return spend( j, from, j );
		j += run - 1;
	}
	return spend( -1, from, s.length );
}

/** The index just past a code span opening at `i` (a run of backticks closed by a run as long), or -1. */
function codeSpanEnd( s: string, i: number ): number {
	let n = 0;
	while ( s[ i + n ] === '`' ) n++;
	let j = i + n;
	while ( j < s.length ) {
		const k = s.indexOf( '`', j );
		if ( k < 0 ) return -1;
		let m = 0;
		while ( s[ k + m ] === '`' ) m++;
		if ( m === n ) return spend( k + m, i, k + m );
		j = k + m;
	}
	return spend( -1, i, s.length );
}

/** Index of the `]` that closes the `[` at `i`, or -1. */
function closingBracket( s: string, i: number ): number {
	let depth = 0;
	for ( let j = i; j < s.length; j++ ) {
		const c = s[ j ];
		if ( c === '\\' ) j++;
		else if ( c === '[' ) depth++;
		else if ( c === ']' && --depth === 0 ) return spend( j, i, j );
	}
	return spend( -1, i, s.length );
}

/** The destination of `(url "title")` opening at `i`: [url, index past `)`], or null. */
function linkDestination( s: string, i: number ): [ string, number ] | null {
	if ( s[ i ] !== '(' ) return null;
	let depth = 0;
	for ( let j = i; j < s.length; j++ ) {
		const c = s[ j ];
		if ( c === '\\' ) j++;
		else if ( c === '(' ) depth++;
		else if ( c === ')' && --depth === 0 ) {
			let inside = s.slice( i + 1, j ).trim();
			const angled = /^<([^<>]*)>/.exec( inside );
			inside = angled
				? angled[ 1 ]!
				: ( inside.split( /\s+/ )[ 0 ] ?? '' );
			return spend( [ inside, j + 1 ], i, j );
		}
	}
	return spend( null, i, s.length );
}

/** The `</tag>` closing the tag opened just before `from`, counting nested tags of the same name: [start, end]. */
function closingTag(
	s: string,
	from: number,
	tag: string
): [ number, number ] | null {
	const pattern = new RegExp( `<(/?)${ tag }(?:${ ATTRIBUTES })\\s*>`, 'gi' );
	pattern.lastIndex = from;
	let depth = 1;
	for ( let m = pattern.exec( s ); m; m = pattern.exec( s ) ) {
		depth += m[ 1 ] ? -1 : 1;
		if ( depth === 0 )
			return spend( [ m.index, m.index + m[ 0 ].length ], from, m.index );
	}
	return spend( null, from, s.length );
}

function parse( s: string, depth: number, inLink: boolean ): InlineNode[] {
	const nodes: InlineNode[] = [];
	let text = '';
	const flush = () => {
		if ( text )
			nodes.push( { type: 'text', text: decodeEntities( text ) } );
		text = '';
	};
	const push = ( node: InlineNode | InlineNode[] ) => {
		flush();
		nodes.push( ...( Array.isArray( node ) ? node : [ node ] ) );
	};
	if ( depth > MAX_DEPTH )
		return [ { type: 'text', text: decodeEntities( s ) } ];

	let i = 0;
	while ( i < s.length ) {
		if ( budget <= 0 ) {
			text += s.slice( i );
			break;
		}
		const c = s[ i ]!;

		if ( c === '\\' && i + 1 < s.length && ESCAPABLE.has( s[ i + 1 ]! ) ) {
			text += s[ i + 1 ];
			i += 2;
			continue;
		}

		if ( c === '`' ) {
			const end = codeSpanEnd( s, i );
			let n = 0;
			while ( s[ i + n ] === '`' ) n++;
			if ( end > 0 ) {
				let code = s.slice( i + n, end - n );
				if ( /^ .*[^ ].* $/.test( code ) ) code = code.slice( 1, -1 );
				push( {
					type: 'code',
					children: [ { type: 'text', text: code } ],
				} );
				i = end;
			} else {
				text += s.slice( i, i + n );
				i += n;
			}
			continue;
		}

		if ( c === '*' || c === '_' ) {
			let run = 0;
			while ( s[ i + run ] === c ) run++;
			const before = s[ i - 1 ] ?? '';
			const after = s[ i + run ] ?? '';
			const opens =
				after !== '' &&
				! /\s/.test( after ) &&
				( c !== '_' || ! /[\p{L}\p{N}]/u.test( before ) );
			let matched = false;
			if ( opens ) {
				// ***x*** is strong and em; then **x**, then *x*; a run that closes nothing is text.
				for ( const size of run >= 3
					? [ 3, 2, 1 ]
					: run === 2
						? [ 2, 1 ]
						: [ 1 ] ) {
					const start = i + run;
					const close = findClosing( s, start, c, size );
					if ( close < 0 ) continue;
					const inner = parse(
						s.slice( start, close ),
						depth + 1,
						inLink
					);
					const node: InlineNode =
						size === 1
							? { type: 'em', children: inner }
							: size === 2
								? { type: 'strong', children: inner }
								: {
										type: 'strong',
										children: [
											{ type: 'em', children: inner },
										],
									};
					text += c.repeat( run - size );
					push( node );
					i = close + size;
					matched = true;
					break;
				}
			}
			if ( ! matched ) {
				text += s.slice( i, i + run );
				i += run;
			}
			continue;
		}

		if ( c === '!' && s[ i + 1 ] === '[' ) {
			// An image inside text: images are sections of their own, so the reference goes.
			const close = closingBracket( s, i + 1 );
			const dest = close > 0 ? linkDestination( s, close + 1 ) : null;
			if ( dest ) {
				i = dest[ 1 ];
				continue;
			}
		}

		if ( c === '[' ) {
			const close = closingBracket( s, i );
			const dest = close > 0 ? linkDestination( s, close + 1 ) : null;
			if ( dest ) {
				const label = parse( s.slice( i + 1, close ), depth + 1, true );
				const href = inLink
					? null
					: safeUrl( decodeEntities( dest[ 0 ] ) );
				push( href ? { type: 'link', href, children: label } : label );
				i = dest[ 1 ];
				continue;
			}
		}

		if ( c === '<' ) {
			const rest = s.slice( i );
			const br = BREAK_TAG.exec( rest );
			if ( br ) {
				text += ' ';
				i += br[ 0 ].length;
				continue;
			}
			const open = OPEN_TAG.exec( rest );
			const tag = open?.[ 1 ]!.toLowerCase();
			const close =
				open && tag ? closingTag( s, i + open[ 0 ].length, tag ) : null;
			if ( open && tag && close ) {
				const inner = s.slice( i + open[ 0 ].length, close[ 0 ] );
				if ( tag === 'a' ) {
					const h = HREF.exec( open[ 2 ] ?? '' );
					const raw = h ? ( h[ 1 ] ?? h[ 2 ] ?? h[ 3 ] ?? '' ) : '';
					const href =
						inLink || ! h ? null : safeUrl( decodeEntities( raw ) );
					const label = parse( inner, depth + 1, true );
					push(
						href ? { type: 'link', href, children: label } : label
					);
				} else if ( tag === 'code' ) {
					push( {
						type: 'code',
						children: [
							{ type: 'text', text: decodeEntities( inner ) },
						],
					} );
				} else {
					push( {
						type: FORMAT_TAGS[ tag ]!,
						children: parse( inner, depth + 1, inLink ),
					} );
				}
				i = close[ 1 ];
				continue;
			}
		}

		text += c;
		i++;
	}
	flush();
	return nodes;
}

/** Drops formats that hold no text and merges neighbouring text, so the markup has no empty tags. */
function tidy( nodes: InlineNode[] ): InlineNode[] {
	const out: InlineNode[] = [];
	for ( const node of nodes ) {
		if ( node.type === 'text' ) {
			const text = cleanControl( node.text );
			if ( ! text ) continue;
			const last = out[ out.length - 1 ];
			if ( last?.type === 'text' ) last.text += text;
			else out.push( { type: 'text', text } );
			continue;
		}
		const children = tidy( node.children );
		if ( ! plainText( children ).trim() ) {
			// Whitespace-only formatting keeps its spaces as text.
			out.push( ...children.filter( ( n ) => n.type === 'text' ) );
			continue;
		}
		out.push( { ...node, children } );
	}
	return out.length === nodes.length ? out : tidy( out );
}

/** Decoded references may bring back characters cleanText removes. */
function cleanControl( text: string ): string {
	return text === '' ? text : cleanText( `.${ text }.` ).slice( 1, -1 );
}

/** Parses a model's inline text into a tree of text and allowed formats. */
export function parseInline( source: string ): InlineNode[] {
	const text = cleanText( source );
	budget = SCAN_BUDGET_PER_CHAR * text.length + 4096;
	const nodes = tidy( parse( text, 0, false ) );
	// Whitespace at the edges of the text, even inside a format, goes: the block's text is trimmed.
	trimEdge( nodes, 'start' );
	trimEdge( nodes, 'end' );
	return tidy( nodes );
}

function trimEdge( nodes: InlineNode[], edge: 'start' | 'end' ) {
	const node = edge === 'start' ? nodes[ 0 ] : nodes[ nodes.length - 1 ];
	if ( ! node ) return;
	if ( node.type === 'text' )
		node.text =
			edge === 'start' ? node.text.trimStart() : node.text.trimEnd();
	else trimEdge( node.children, edge );
}

/** The text a reader sees. */
export function plainText( nodes: InlineNode[] ): string {
	return nodes
		.map( ( n ) =>
			n.type === 'text' ? n.text : plainText( n.children )
		)
		.join( '' );
}

/** Serializes inline nodes as the block editor's rich text would. */
export function inlineNodesToHtml( nodes: InlineNode[] ): string {
	return nodes
		.map( ( n ) => {
			if ( n.type === 'text' ) return escapeText( n.text );
			const inner = inlineNodesToHtml( n.children );
			if ( n.type === 'link' )
				return `<a href="${ escapeRichTextAttribute( n.href ) }">${ inner }</a>`;
			return `<${ n.type }>${ inner }</${ n.type }>`;
		} )
		.join( '' );
}

/** A model's inline text as safe rich-text HTML. */
export function inlineToHtml( source: string ): string {
	return inlineNodesToHtml( parseInline( source ) );
}

/** A model's inline text as the plain text a reader sees (for meta descriptions, excerpts, counts). */
export function inlineToText( source: string ): string {
	return plainText( parseInline( source ) );
}
