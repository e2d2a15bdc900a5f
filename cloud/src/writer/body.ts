// What the Writer makes of a body: valid block markup, its word count and its revision hash.
import {
	EMITTED_BLOCKS,
	htmlToSections,
	looksLikeHtml,
	markdownToSections,
	sectionsToBlocks,
	sha256Hex,
	validateBlockMarkup,
	wordCount,
} from '@igny8/shared';
import { validation } from '../lib/errors';

/**
 * A body as it is stored: block markup that parses into core blocks with nothing outside them. Block
 * markup is checked as it comes; HTML or Markdown (pasted or imported) becomes blocks through the same
 * sections the generator fills. What still fails the check answers 400 with the problems: invalid
 * markup is never saved. Core blocks the Writer does not emit itself (a separator, a group) are the
 * editor's to judge; anything else must be one of ours.
 */
export function normaliseBody( raw: string ): string {
	const text = raw.trim();
	if ( ! text ) return '';
	const markup = text.includes( '<!-- wp:' )
		? text
		: sectionsToBlocks(
				looksLikeHtml( text )
					? htmlToSections( text )
					: markdownToSections( text )
			);
	const problems = validateBlockMarkup( markup ).problems.filter(
		( p ) =>
			! (
				p.block?.startsWith( 'core/' ) &&
				! ( EMITTED_BLOCKS as readonly string[] ).includes( p.block )
			)
	);
	if ( problems.length )
		throw validation( 'The body is not valid block markup', {
			body: problems
				.slice( 0, 20 )
				.map( ( p ) => `${ p.block ?? 'content' }: ${ p.message }` ),
		} );
	return markup;
}

/** Words a reader sees, counted like the editor sidebar counts them (shared/src/blocks). */
export const countWords = wordCount;

/** The revision the sync compares: hex SHA-256 of the body exactly as stored. */
export function revisionHash( markup: string ): Promise< string > {
	return sha256Hex( markup );
}
