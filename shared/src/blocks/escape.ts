// Escaping as WordPress 6.5 writes it, so that what we serialize is what the block editor would save again:
// rich text is the browser's innerHTML of the parsed element, other attributes go through
// @wordpress/escape-html's escapeAttribute, block attributes through @wordpress/blocks' serializeAttributes.

/** Characters a saved body must not carry: C0/C1 controls (but tab and newlines), BOM, U+FFFC, lone surrogates. */
const UNSAFE_CHARS =
	// eslint-disable-next-line no-control-regex
	/[\u0000-\u0008\u000B\u000E-\u001F\u007F-\u009F\uFEFF\uFFFC]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
/** HTML's own whitespace (not NBSP: that one is content) plus the Unicode line and paragraph separators. */
const HTML_SPACE = /[ \t\n\f\r\u2028\u2029]+/g;

/**
 * The text as it will stand in a block: controls and lone surrogates dropped (the HTML parser or the database
 * would drop or mangle them, and the editor would then see a different block), whitespace collapsed and trimmed
 * (HTML collapses it when it renders anyway).
 */
export function cleanText( text: string ): string {
	return text.replace( UNSAFE_CHARS, '' ).replace( HTML_SPACE, ' ' ).trim();
}

/** Text content as the browser serializes it (innerHTML), which is what rich-text attributes keep. */
export function escapeText( text: string ): string {
	return text
		.replace( /&/g, '&amp;' )
		.replace( /</g, '&lt;' )
		.replace( />/g, '&gt;' )
		.replace( /\u00A0/g, '&nbsp;' );
}

/** An attribute value inside rich text (a link's href), as the browser serializes it. */
export function escapeRichTextAttribute( value: string ): string {
	return value
		.replace( /&/g, '&amp;' )
		.replace( /"/g, '&quot;' )
		.replace( /\u00A0/g, '&nbsp;' );
}

/** What @wordpress/escape-html's escapeAmpersand leaves alone: something that reads as a character reference. */
const ENTITY_LIKE = /&(?=(?:[a-z0-9]+|#[0-9]+|#x[a-f0-9]+);)/gi;

/**
 * An attribute value written by an element's save() (an image's src and alt): @wordpress/escape-html's
 * escapeAttribute. It leaves "&name;" as it is, so a value holding one would come back decoded and the block
 * would no longer validate: give such values to attributeSafe() first.
 */
export function escapeAttribute( value: string ): string {
	return value
		.replace( /&(?!(?:[a-z0-9]+|#[0-9]+|#x[a-f0-9]+);)/gi, '&amp;' )
		.replace( /"/g, '&quot;' )
		.replace( />/g, '&gt;' );
}

/**
 * A text value (an image's alt) that survives escapeAttribute → browser → escapeAttribute unchanged: character
 * references a model wrote are decoded ("Tom &amp; Jerry" means "Tom & Jerry"), and one we don't know is broken
 * up ("&foo;" → "& foo;") so that it reads the same after every save.
 */
export function attributeSafe( text: string ): string {
	return cleanText( decodeEntities( text ) ).replace( ENTITY_LIKE, '& ' );
}

/** A URL that survives the same trip: a "&" that would read as a character reference is percent-encoded. */
export function urlAttributeSafe( url: string ): string {
	return url.replace( ENTITY_LIKE, '%26' );
}

/** Block attributes in a block comment, exactly as @wordpress/blocks' serializeAttributes writes them. */
export function serializeAttributes(
	attributes: Record< string, unknown >
): string {
	return (
		JSON.stringify( attributes )
			// Don't break HTML comments.
			.replace( /--/g, '\\u002d\\u002d' )
			// Don't break non-standard-compliant tools.
			.replace( /</g, '\\u003c' )
			.replace( />/g, '\\u003e' )
			.replace( /&/g, '\\u0026' )
			// Bypass the server's stripslashes, which would unescape stringify's escaping of quotation marks.
			.replace( /\\"/g, '\\u0022' )
	);
}

/** One block with its comment delimiters, as @wordpress/blocks' getCommentDelimitedContent writes it. */
export function commentDelimited(
	name: string,
	attributes: Record< string, unknown > | null,
	content: string
): string {
	const serialized =
		attributes && Object.keys( attributes ).length
			? serializeAttributes( attributes ) + ' '
			: '';
	const short = name.startsWith( 'core/' ) ? name.slice( 5 ) : name;
	if ( ! content ) return `<!-- wp:${ short } ${ serialized }/-->`;
	return `<!-- wp:${ short } ${ serialized }-->\n${ content }\n<!-- /wp:${ short } -->`;
}

const NAMED_ENTITIES: Record< string, string > = {
	amp: '&',
	lt: '<',
	gt: '>',
	quot: '"',
	apos: "'",
	nbsp: '\u00A0',
	ndash: '\u2013',
	mdash: '\u2014',
	hellip: '\u2026',
	lsquo: '\u2018',
	rsquo: '\u2019',
	ldquo: '\u201C',
	rdquo: '\u201D',
	laquo: '\u00AB',
	raquo: '\u00BB',
	copy: '\u00A9',
	reg: '\u00AE',
	trade: '\u2122',
	euro: '\u20AC',
	deg: '\u00B0',
	times: '\u00D7',
	middot: '\u00B7',
	bull: '\u2022',
	colon: ':',
	Tab: '\t',
	NewLine: '\n',
};

/**
 * Character references decoded: numeric ones and the named ones markup commonly carries (unknown names stay as
 * they are). Enough for text we wrote ourselves and for hrefs a model wrote; not a full HTML5 decoder.
 */
export function decodeEntities( text: string ): string {
	return text.replace(
		/&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([a-zA-Z][a-zA-Z0-9]{1,31}));/g,
		( whole, dec?: string, hex?: string, name?: string ) => {
			if ( name !== undefined ) return NAMED_ENTITIES[ name ] ?? whole;
			const code =
				dec !== undefined ? Number( dec ) : parseInt( hex!, 16 );
			if (
				code === 0 ||
				code > 0x10ffff ||
				( code >= 0xd800 && code <= 0xdfff )
			)
				return '\uFFFD';
			return String.fromCodePoint( code );
		}
	);
}

/** HTML comments removed (closed ones only: an unclosed "<!--" stays as text), in linear time. */
export function stripComments( text: string, replacement = '' ): string {
	let out = '';
	let last = 0;
	for (
		let i = text.indexOf( '<!--' );
		i >= 0;
		i = text.indexOf( '<!--', last )
	) {
		const end = text.indexOf( '-->', i + 4 );
		if ( end < 0 ) break;
		out += text.slice( last, i ) + replacement;
		last = end + 3;
	}
	return out + text.slice( last );
}
