// Two versions of a body side by side: each as the lines of text a reader sees (a paragraph, a heading, a
// list item, an image by its alt text), and which lines the other version lacks (pure; see
// test/compare.test.ts).
import { decodeEntities } from '@igny8/shared/blocks/escape';
import { htmlToText } from '@igny8/shared/blocks/text';

/** Where one block of text ends: closing block-level tags, line breaks and block delimiters. */
const LINE_END =
	/<\/(?:p|h[1-6]|li|figcaption|td|th|blockquote|pre|div|figure|tr|dt|dd|summary|cite)\s*>|<br\s*\/?>|<!--\s*\/?wp:[\s\S]*?-->/gi;
const IMAGE = /<img\b[^>]*>/gi;
const ALT = /\salt\s*=\s*(?:"([^"]*)"|'([^']*)')/i;

/**
 * The text of a body, a line per paragraph, heading, list item, caption or cell; images as `image( alt )`.
 *
 * @param markup Block markup (or plain HTML).
 * @param image  The line an image shows as, from its alt text.
 */
export function bodyLines(
	markup: string,
	image: ( alt: string ) => string
): string[] {
	const marked = markup
		.replace( IMAGE, ( tag ) => {
			const alt = ALT.exec( tag );
			const text = decodeEntities( alt?.[ 1 ] ?? alt?.[ 2 ] ?? '' );
			// Kept apart from the text around it, and safe from the tag stripping below.
			return `\n${ image( text ).replace( /</g, '‹' ) }\n`;
		} )
		.replace( LINE_END, '$&\n' );
	return marked
		.split( '\n' )
		.map( ( piece ) => htmlToText( piece ) )
		.filter( ( line ) => line !== '' );
}

export interface Line {
	text: string;
	/** Not in the other version (added here, or changed). */
	changed: boolean;
}

/** Past this many cells the table of common lines is not worth its memory: every line shows as changed. */
const MAX_CELLS = 4_000_000;

/**
 * Each side's lines, marked where the other side lacks them (a longest common subsequence of lines).
 *
 * @param left  One version's lines.
 * @param right The other version's lines.
 */
export function compareLines(
	left: readonly string[],
	right: readonly string[]
): { left: Line[]; right: Line[] } {
	const n = left.length;
	const m = right.length;
	const keptLeft = new Array< boolean >( n ).fill( false );
	const keptRight = new Array< boolean >( m ).fill( false );
	if ( ( n + 1 ) * ( m + 1 ) <= MAX_CELLS ) {
		// lengths[i][j]: common lines of left[i..] and right[j..].
		const width = m + 1;
		const lengths = new Uint32Array( ( n + 1 ) * width );
		for ( let i = n - 1; i >= 0; i-- ) {
			for ( let j = m - 1; j >= 0; j-- ) {
				lengths[ i * width + j ] =
					left[ i ] === right[ j ]
						? lengths[ ( i + 1 ) * width + j + 1 ] + 1
						: Math.max(
								lengths[ ( i + 1 ) * width + j ],
								lengths[ i * width + j + 1 ]
							);
			}
		}
		let i = 0;
		let j = 0;
		while ( i < n && j < m ) {
			if ( left[ i ] === right[ j ] ) {
				keptLeft[ i++ ] = true;
				keptRight[ j++ ] = true;
			} else if (
				lengths[ ( i + 1 ) * width + j ] >= lengths[ i * width + j + 1 ]
			) {
				i++;
			} else {
				j++;
			}
		}
	}
	return {
		left: left.map( ( text, i ) => ( { text, changed: ! keptLeft[ i ] } ) ),
		right: right.map( ( text, j ) => ( {
			text,
			changed: ! keptRight[ j ],
		} ) ),
	};
}
