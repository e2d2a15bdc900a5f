// The words of a body of block markup: its visible text (no delimiters, no tags) and how many words it has,
// for the content's word_count and for checks on length.
import { decodeEntities, stripComments } from './escape';

/** Tags that sit inside a word's flow: removing them must not split "bold" in "<strong>b</strong>old". */
const INLINE_TAGS =
	/^(?:a|abbr|b|bdi|bdo|cite|code|data|del|dfn|em|i|ins|kbd|mark|q|s|samp|small|span|strong|sub|sup|time|u|var)$/i;

/**
 * The text of an HTML fragment: tags and comments gone (block-level ones leave a space), references decoded.
 * Scripts, styles and templates are not text a reader sees: their contents go too.
 */
export function htmlToText( html: string ): string {
	const stripped = stripComments( html, ' ' )
		.replace( /<(script|style|template)\b[\s\S]*?<\/\1\s*>/gi, ' ' )
		.replace(
			/<\/?([a-zA-Z][a-zA-Z0-9-]*)(?:\s[^>]*)?\/?>/g,
			( _tag, name: string ) => ( INLINE_TAGS.test( name ) ? '' : ' ' )
		);
	return decodeEntities( stripped ).replace( /\s+/g, ' ' ).trim();
}

/** The visible text of block markup, all blocks in one string. */
export function markupText( markup: string ): string {
	return htmlToText( markup );
}

// Scripts written without spaces between words: each character counts as one word, as word counters commonly do.
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/gu;
const WORD = /[\p{L}\p{N}\p{M}]+(?:['’.\-_][\p{L}\p{N}\p{M}]+)*/gu;

/** Words in a piece of plain text: letters and digits, with inner apostrophes, dots and dashes ("don't", "3.5", "e-mail"). */
export function textWordCount( text: string ): number {
	return text.replace( UNSPACED, ' $& ' ).match( WORD )?.length ?? 0;
}

/** Words in the text of block markup (comments and tags stripped): the content's word_count. */
export function wordCount( markup: string ): number {
	return textWordCount( markupText( markup ) );
}
