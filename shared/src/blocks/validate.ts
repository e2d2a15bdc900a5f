// The Worker-side check of a body before it is saved or sent (ARCHITECTURE §5): parsed with WordPress's own
// default block parser (no DOM), against the core blocks we emit. The block editor's validation in Chromium
// remains the final word; this catches what must never be stored: freeform HTML, unknown blocks, broken shapes.
import { parse } from '@wordpress/block-serialization-default-parser';
import { decodeEntities } from './escape';

export type ParsedBlock = ReturnType< typeof parse >[ number ];

/** The blocks sectionsToBlocks writes, and so the only ones a body may hold. */
export const EMITTED_BLOCKS = [
	'core/heading',
	'core/paragraph',
	'core/list',
	'core/list-item',
	'core/quote',
	'core/table',
	'core/image',
] as const;

export interface BlockProblem {
	/** The block's name; null for content outside any block. */
	block: string | null;
	/** Where it is: indexes from the top level down through inner blocks. */
	at: number[];
	message: string;
}

export interface BlockValidation {
	valid: boolean;
	problems: BlockProblem[];
}

const EMITTED = new Set< string >( EMITTED_BLOCKS );
/** The default parser's block delimiter, simplified: enough to pair openers with closers. */
const DELIMITER =
	/<!--\s+(\/)?wp:((?:[a-z][a-z0-9_-]*\/)?[a-z][a-z0-9_-]*)\s+(?:\{[\s\S]*?\}\s+)?(\/)?-->/g;
const UNSAFE_TAGS =
	/^(?:script|style|iframe|frame|frameset|object|embed|applet|form|input|button|textarea|select|svg|math|link|meta|base|template|noscript)$/i;
const URL_ATTRIBUTES =
	/^(?:href|src|srcset|action|formaction|poster|xlink:href)$/i;
/** A start tag with its attributes, quoted values included: "<" inside a value is not a tag. */
const START_TAG =
	/<([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*\/?>/y;
const ATTRIBUTE =
	/([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;

export interface HtmlTag {
	name: string;
	attributes: [ string, string ][];
	source: string;
}

/** The start tags of an HTML fragment, read left to right as a browser would (text and values skipped). */
export function scanTags( html: string ): HtmlTag[] {
	const tags: HtmlTag[] = [];
	for (
		let i = html.indexOf( '<' );
		i >= 0;
		i = html.indexOf( '<', i + 1 )
	) {
		START_TAG.lastIndex = i;
		const m = START_TAG.exec( html );
		if ( ! m ) continue;
		const attributes = [ ...m[ 2 ]!.matchAll( ATTRIBUTE ) ].map(
			( a ): [ string, string ] => [
				a[ 1 ]!.toLowerCase(),
				a[ 2 ] ?? a[ 3 ] ?? a[ 4 ] ?? '',
			]
		);
		tags.push( {
			name: m[ 1 ]!.toLowerCase(),
			attributes,
			source: m[ 0 ],
		} );
		i = START_TAG.lastIndex - 1;
	}
	return tags;
}

/** A URL as a browser resolves its scheme: references decoded, controls and spaces ignored. */
function schemeOf( value: string ): string {
	// eslint-disable-next-line no-control-regex
	return decodeEntities( value ).replace( /[\u0000-\u0020]/g, '' );
}

function isUnsafe( tag: HtmlTag ): boolean {
	if ( UNSAFE_TAGS.test( tag.name ) ) return true;
	return tag.attributes.some(
		( [ name, value ] ) =>
			name.startsWith( 'on' ) ||
			( URL_ATTRIBUTES.test( name ) &&
				/^(?:javascript|vbscript|data):/i.test( schemeOf( value ) ) )
	);
}

function snippet( text: string ): string {
	const flat = text.replace( /\s+/g, ' ' ).trim();
	return flat.length > 60 ? `${ flat.slice( 0, 57 ) }…` : flat;
}

function fullName( name: string ): string {
	return name.includes( '/' ) ? name : `core/${ name }`;
}

/** Openers and closers must pair up: the parser quietly closes what is left open, and the editor would not. */
function delimiterProblems( markup: string ): BlockProblem[] {
	const problems: BlockProblem[] = [];
	const stack: string[] = [];
	for ( const m of markup.matchAll( DELIMITER ) ) {
		const name = fullName( m[ 2 ]! );
		if ( m[ 3 ] ) continue; // self-closing
		if ( ! m[ 1 ] ) {
			stack.push( name );
			continue;
		}
		const open = stack.pop();
		if ( open !== name ) {
			problems.push( {
				block: name,
				at: [],
				message: open
					? `closing ${ name } while ${ open } is open`
					: `closing ${ name } that was never opened`,
			} );
			if ( open ) stack.push( open );
		}
	}
	for ( const name of stack )
		problems.push( {
			block: name,
			at: [],
			message: `${ name } is never closed`,
		} );
	return problems;
}

function classes( tag: string ): string[] {
	const m = /\sclass\s*=\s*"([^"]*)"/i.exec( tag );
	return m ? m[ 1 ]!.split( /\s+/ ).filter( Boolean ) : [];
}

/** The block's own HTML: its inner content with the inner blocks left out. */
function ownHtml( block: ParsedBlock ): string {
	return block.innerContent
		.filter( ( part ): part is string => part !== null )
		.join( '' )
		.trim();
}

function checkBlock(
	block: ParsedBlock,
	at: number[],
	parent: string | null,
	problems: BlockProblem[]
) {
	const name = block.blockName;
	const report = ( message: string ) =>
		problems.push( { block: name, at, message } );

	if ( name === null ) {
		if ( block.innerHTML.trim() )
			report(
				`content outside blocks: "${ snippet( block.innerHTML ) }"`
			);
		return;
	}
	if ( ! EMITTED.has( name ) ) {
		report( `${ name } is not a block the Writer emits` );
		return;
	}

	const html = ownHtml( block );
	const attrs = ( block.attrs ?? {} ) as Record< string, unknown >;
	const inner = block.innerBlocks;
	const innerOnly = ( allowed: readonly string[], what: string ) => {
		for ( const child of inner )
			if ( child.blockName && ! allowed.includes( child.blockName ) )
				problems.push( {
					block: child.blockName,
					at: [ ...at, inner.indexOf( child ) ],
					message: `${ child.blockName } inside ${ name } (${ what })`,
				} );
	};

	const unsafe = scanTags( html ).find( isUnsafe );
	if ( unsafe ) report( `unsafe HTML: ${ snippet( unsafe.source ) }` );

	if ( name === 'core/list-item' && parent !== 'core/list' )
		report( 'a list item outside a list' );

	switch ( name ) {
		case 'core/paragraph':
			if ( ! /^<p(?:\s[^>]*)?>[\s\S]*<\/p>$/.test( html ) )
				report( 'not a single <p> element' );
			innerOnly( [], 'a paragraph has no inner blocks' );
			break;
		case 'core/heading': {
			const m = /^<h([1-6])(\s[^>]*)?>[\s\S]*<\/h\1>$/.exec( html );
			const level = attrs.level ?? 2;
			if ( ! m ) report( 'not a single <h1>…<h6> element' );
			else {
				if ( Number( m[ 1 ] ) !== level )
					report(
						`<h${ m[ 1 ] }> for a heading of level ${ JSON.stringify( level ) }`
					);
				if ( ! classes( m[ 2 ] ?? '' ).includes( 'wp-block-heading' ) )
					report( 'the heading lacks its wp-block-heading class' );
			}
			innerOnly( [], 'a heading has no inner blocks' );
			break;
		}
		case 'core/list': {
			const m = /^<(ul|ol)(?:\s[^>]*)?>([\s\S]*)<\/\1>$/.exec( html );
			if ( ! m ) report( 'not a single <ul> or <ol> element' );
			else {
				if ( ( m[ 1 ] === 'ol' ) !== ( attrs.ordered === true ) )
					report(
						`<${ m[ 1 ] }> for a list with ordered ${ JSON.stringify( attrs.ordered ?? false ) }`
					);
				if ( m[ 2 ]!.trim() )
					report(
						`text between list items: "${ snippet( m[ 2 ]! ) }"`
					);
			}
			if ( ! inner.some( ( b ) => b.blockName === 'core/list-item' ) )
				report( 'a list without items' );
			innerOnly( [ 'core/list-item' ], 'only list items' );
			break;
		}
		case 'core/list-item': {
			if ( ! /^<li(?:\s[^>]*)?>[\s\S]*<\/li>$/.test( html ) )
				report( 'not a single <li> element' );
			innerOnly( [ 'core/list' ], 'only a nested list' );
			break;
		}
		case 'core/quote': {
			const m = /^<blockquote(\s[^>]*)?>([\s\S]*)<\/blockquote>$/.exec(
				html
			);
			if ( ! m ) report( 'not a single <blockquote> element' );
			else {
				if ( ! classes( m[ 1 ] ?? '' ).includes( 'wp-block-quote' ) )
					report( 'the quote lacks its wp-block-quote class' );
				const rest = m[ 2 ]!.replace( /<cite>[\s\S]*<\/cite>\s*$/, '' );
				if ( rest.trim() )
					report(
						`text in a quote outside its blocks: "${ snippet( rest ) }"`
					);
			}
			if ( ! inner.length ) report( 'a quote without inner blocks' );
			innerOnly(
				[ 'core/paragraph', 'core/heading', 'core/list', 'core/image' ],
				'paragraphs, headings, lists or images'
			);
			break;
		}
		case 'core/table': {
			const m =
				/^<figure(\s[^>]*)?><table(?:\s[^>]*)?>([\s\S]*)<\/table>(?:<figcaption[\s\S]*<\/figcaption>)?<\/figure>$/.exec(
					html
				);
			if ( ! m ) report( 'not a <figure> holding one <table>' );
			else {
				if ( ! classes( m[ 1 ] ?? '' ).includes( 'wp-block-table' ) )
					report( 'the table lacks its wp-block-table class' );
				if ( ! /<tr[\s>]/.test( m[ 2 ]! ) )
					report( 'a table without rows' );
			}
			innerOnly( [], 'a table has no inner blocks' );
			break;
		}
		case 'core/image': {
			const m = /^<figure(\s[^>]*)?>[\s\S]*<\/figure>$/.exec( html );
			const img = /<img(\s[^>]*?)\/?>/.exec( html );
			if ( ! m ) report( 'not a <figure> element' );
			else if ( ! classes( m[ 1 ] ?? '' ).includes( 'wp-block-image' ) )
				report( 'the image lacks its wp-block-image class' );
			if ( ! img || ! /\ssrc\s*=\s*"[^"]+"/.test( img[ 1 ]! ) )
				report( 'an image without a source' );
			else if (
				typeof attrs.id === 'number' &&
				! classes( img[ 1 ]! ).includes( `wp-image-${ attrs.id }` )
			)
				report(
					`the image of attachment ${ attrs.id } lacks its wp-image-${ attrs.id } class`
				);
			innerOnly( [], 'an image has no inner blocks' );
			break;
		}
	}

	inner.forEach( ( child, i ) =>
		checkBlock( child, [ ...at, i ], name, problems )
	);
}

/**
 * Checks a body of block markup: no content outside blocks (whitespace between them is fine), only the blocks
 * the Writer emits, each with the shape its save() gives it, delimiters that pair up, no unsafe HTML.
 */
export function validateBlockMarkup( markup: string ): BlockValidation {
	const problems = delimiterProblems( markup );
	parse( markup ).forEach( ( block, i ) =>
		checkBlock( block, [ i ], null, problems )
	);
	return { valid: problems.length === 0, problems };
}

export { parse as parseBlocks };
