// An image's texts as the Images page edits them, and how the page names an image (pure; see test/).
import { __, sprintf } from '@wordpress/i18n';
import type { ImageUpdate, WriterImage } from '../../../api/writer';
import { anyImageKind } from '../common/labels';

export interface ImageTexts {
	alt: string;
	caption: string;
	prompt: string;
}

/**
 * Only the texts that changed, trimmed as the cloud keeps them (an emptied caption is null).
 *
 * @param image  The image as the cloud has it.
 * @param values The texts as typed.
 */
export function imageChanges(
	image: Pick< WriterImage, 'alt' | 'caption' | 'prompt' >,
	values: ImageTexts
): ImageUpdate {
	const changes: ImageUpdate = {};
	if ( values.alt.trim() !== image.alt.trim() ) {
		changes.alt = values.alt.trim();
	}
	if ( values.caption.trim() !== ( image.caption ?? '' ).trim() ) {
		changes.caption = values.caption.trim() || null;
	}
	if ( values.prompt.trim() !== image.prompt.trim() ) {
		changes.prompt = values.prompt.trim();
	}
	return changes;
}

/**
 * How the page names an image (its card, its checkbox): kind, place, and piece when known.
 *
 * @param image        The image.
 * @param contentTitle Its piece's title, if known.
 */
export function imageName(
	image: Pick< WriterImage, 'id' | 'kind' | 'position' >,
	contentTitle?: string | null
): string {
	const kind =
		image.kind === 'in_article'
			? `${ anyImageKind( image.kind ) } ${ image.position }`
			: anyImageKind( image.kind );
	return contentTitle
		? sprintf(
				/* translators: 1: e.g. "In-article image 2", 2: the content's title */
				__( '%1$s of “%2$s”', 'igny8' ),
				kind,
				contentTitle
			)
		: `${ kind } #${ image.id }`;
}
