// A body of block markup as the review screen shows it: the HTML a post would print, with the cloud's
// image addresses swapped for signed URLs, and its words counted (pure; see test/markup.test.ts). Text helpers
// come from @igny8/shared's zod-free subpaths, so the count is the cloud's own.
import { decodeEntities, stripComments } from '@igny8/shared/blocks/escape';
import { wordCount } from '@igny8/shared/blocks/text';

/** Where the cloud serves an image's bytes: `…/api/v1/writer/images/file/{ref}` (signed: `?exp=…&sig=…`). */
const FILE_PATH = '/api/v1/writer/images/file/';

/**
 * The image an address points at: what follows `/api/v1/writer/images/file/`, without query or fragment;
 * null when the address is not one of the cloud's image files.
 *
 * @param url An image's stable address or signed URL.
 */
export function imageFileRef( url: string ): string | null {
	const at = url.indexOf( FILE_PATH );
	if ( at < 0 ) {
		return null;
	}
	const ref = url.slice( at + FILE_PATH.length ).split( /[?#]/ )[ 0 ];
	return ref ? ref : null;
}

export function escapeHtml( text: string ): string {
	return text
		.replace( /&/g, '&amp;' )
		.replace( /</g, '&lt;' )
		.replace( />/g, '&gt;' )
		.replace( /"/g, '&quot;' )
		.replace( /'/g, '&#39;' );
}

const ATTRIBUTE = ( name: string ) =>
	new RegExp(
		`(\\s${ name }\\s*=\\s*)(?:"([^"]*)"|'([^']*)'|([^\\s"'=<>\`]+))`,
		'i'
	);

function attribute( tag: string, name: string ): string | null {
	const match = ATTRIBUTE( name ).exec( tag );
	return match
		? decodeEntities( match[ 2 ] ?? match[ 3 ] ?? match[ 4 ] ?? '' )
		: null;
}

/** Images the preview can show: the signed URL of each (null until its bytes exist). */
export interface PreviewImage {
	url: string | null;
}

/**
 * The body as the post would print it: comments gone, each image the cloud serves shown through the signed
 * URL of the same image (matched on its file's path), and a neutral placeholder where there is none yet.
 * Other images and all other HTML stay as they are (the preview renders in a sandbox without scripts).
 *
 * @param markup      Block markup.
 * @param images      The content's images, with their signed URLs.
 * @param placeholder The placeholder's words, e.g. "Image not generated yet".
 */
export function previewHtml(
	markup: string,
	images: readonly PreviewImage[],
	placeholder: string
): string {
	const signed = new Map< string, string >();
	for ( const image of images ) {
		const ref = image.url ? imageFileRef( image.url ) : null;
		if ( ref && image.url ) {
			signed.set( ref, image.url );
		}
	}
	return stripComments( markup ).replace( /<img\b[^>]*>/gi, ( tag ) => {
		const src = attribute( tag, 'src' );
		const ref = src === null ? null : imageFileRef( src );
		if ( ref === null ) {
			return tag;
		}
		const url = signed.get( ref );
		if ( ! url ) {
			const words = escapeHtml( placeholder );
			return `<span class="igny8-image-placeholder" role="img" aria-label="${ words }">${ words }</span>`;
		}
		return tag
			.replace( ATTRIBUTE( 'srcset' ), '' )
			.replace(
				ATTRIBUTE( 'src' ),
				( _whole, prefix: string ) =>
					`${ prefix }"${ escapeHtml( url ) }"`
			);
	} );
}

/**
 * Words of a body as the cloud counts them (its word_count): shared's own count, which imports no zod.
 */
export const countWords = wordCount;

/** Comments removed, as the cloud removes them (re-exported for the preview and its tests). */
export { stripComments };

/**
 * How long a text is against a limit, for a counter: "48/60", over when past it.
 *
 * @param text  The text.
 * @param limit The most characters that show in full.
 */
export function lengthAgainst(
	text: string,
	limit: number
): { length: number; over: boolean } {
	const length = [ ...text.trim() ].length;
	return { length, over: length > limit };
}
