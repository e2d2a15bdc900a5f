// Publishing's rewrite of a body's images (issue 11): a core/image block pointing at the cloud's stable image
// address becomes the block of its WordPress attachment, byte for byte what WordPress 6.5's core/image save()
// writes for { id, sizeSlug: 'large', linkDestination: 'none' }. An image WordPress could not show (no
// attachment) is left out of the body, never sent as a broken image.
import {
	attributeSafe,
	commentDelimited,
	decodeEntities,
	escapeAttribute,
} from './escape';
import { safeUrl } from './inline';

/** The path of an image's stable address, whatever origin the Worker had when the body was written. */
export const STABLE_IMAGE_PATH = '/api/v1/writer/images/file/';

/** An image in the WordPress media library, as its block should show it. */
export interface AttachmentImage {
	/** The attachment id. */
	id: number;
	url: string;
	/** The alt text; null or '' keeps the block's own. */
	alt?: string | null;
	/** The caption as rich-text HTML; null or undefined keeps the block's own caption, '' removes it. */
	captionHtml?: string | null;
}

export interface ImageRewrite {
	markup: string;
	/** Refs whose blocks now show their attachment, in body order. */
	replaced: string[];
	/** Refs whose blocks were left out (no attachment to show), in body order. */
	removed: string[];
}

/** The ref of a stable image address (signed or not, any origin); null for any other URL. */
export function stableImageRef( src: string ): string | null {
	const url = decodeEntities( src ).trim();
	const at = url.indexOf( STABLE_IMAGE_PATH );
	if ( at < 0 ) return null;
	const before = url.slice( 0, at );
	// Only the address itself: an origin (or nothing) before the path, nothing but a query or hash after the ref.
	if ( before && ! /^https?:\/\/[^/?#\s]+$/i.test( before ) ) return null;
	const rest = /^([^/?#]+)(?:[?#][\s\S]*)?$/.exec(
		url.slice( at + STABLE_IMAGE_PATH.length )
	);
	if ( ! rest ) return null;
	try {
		return decodeURIComponent( rest[ 1 ]! );
	} catch {
		return null;
	}
}

/**
 * The core/image block of an attachment, as WordPress 6.5 saves `{ id, sizeSlug: 'large', linkDestination:
 * 'none' }`: the figure carries `size-large`, the img `wp-image-{id}`. Null when the URL is not one a post
 * may show.
 */
export function attachmentImageBlock( image: {
	id: number;
	url: string;
	alt: string;
	captionHtml: string;
} ): string | null {
	const url = safeUrl( image.url );
	if ( ! url || ! Number.isSafeInteger( image.id ) || image.id <= 0 )
		return null;
	const caption = image.captionHtml
		? `<figcaption class="wp-element-caption">${ image.captionHtml }</figcaption>`
		: '';
	return commentDelimited(
		'core/image',
		{ id: image.id, sizeSlug: 'large', linkDestination: 'none' },
		`<figure class="wp-block-image size-large"><img src="${ escapeAttribute(
			url
		) }" alt="${ escapeAttribute(
			attributeSafe( image.alt )
		) }" class="wp-image-${ image.id }"/>${ caption }</figure>`
	);
}

/** A core/image block with its delimiters (image blocks have no inner blocks: the first closer ends it). */
const IMAGE_BLOCK =
	/<!--\s+wp:(?:core\/)?image(?:\s+\{[\s\S]*?\})?\s+-->([\s\S]*?)<!--\s+\/wp:(?:core\/)?image\s+-->/g;
const IMG_SRC = /<img\s[^>]*?\bsrc\s*=\s*"([^"]*)"/i;
const IMG_ALT = /<img\s[^>]*?\balt\s*=\s*"([^"]*)"/i;
const CAPTION = /<figcaption\b[^>]*>([\s\S]*?)<\/figcaption>/i;
/** Where a left-out block was, until the whitespace around it is settled. */
const LEFT_OUT = '\uE000igny8:left-out\uE000';
const LEFT_OUT_SPACED = /(\s*)\uE000igny8:left-out\uE000(\s*)/g;

/**
 * The body as it goes to WordPress: every core/image block at a stable address whose ref has an attachment in
 * `media` becomes that attachment's block (the block's alt and caption kept unless `media` gives new ones);
 * stable addresses without one (null or not in `media`) are left out with the blank lines around them. Other
 * blocks, and images already pointing elsewhere, are untouched.
 */
export function publishImages(
	markup: string,
	media: ReadonlyMap< string, AttachmentImage | null >
): ImageRewrite {
	const replaced: string[] = [];
	const removed: string[] = [];
	const out = markup.replace( IMAGE_BLOCK, ( block, html: string ) => {
		const src = IMG_SRC.exec( html )?.[ 1 ];
		const ref = src === undefined ? null : stableImageRef( src );
		if ( ref === null ) return block;
		const image = media.get( ref ) ?? null;
		const alt =
			image?.alt || decodeEntities( IMG_ALT.exec( html )?.[ 1 ] ?? '' );
		const captionHtml =
			image?.captionHtml ?? CAPTION.exec( html )?.[ 1 ]?.trim() ?? '';
		const next = image
			? attachmentImageBlock( {
					id: image.id,
					url: image.url,
					alt,
					captionHtml,
				} )
			: null;
		if ( next === null ) {
			removed.push( ref );
			return LEFT_OUT;
		}
		replaced.push( ref );
		return next;
	} );
	return {
		// A left-out block takes the blank lines that separated it from its neighbours with it.
		markup: out.replace(
			LEFT_OUT_SPACED,
			( _, before: string, after: string ) =>
				before && after ? before : ''
		),
		replaced,
		removed,
	};
}
