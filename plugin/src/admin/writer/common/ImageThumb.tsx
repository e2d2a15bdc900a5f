// An image of a piece as a thumbnail: the picture through its signed URL, or a neutral box saying why
// there is none yet.
import { __ } from '@wordpress/i18n';
import type { WriterImage } from '../../../api/writer';
import { anyImageStatus } from './labels';

export default function ImageThumb( { image }: { image: WriterImage } ) {
	if ( image.url ) {
		return (
			<img
				className="igny8-image-thumb"
				src={ image.url }
				alt={ image.alt }
				loading="lazy"
			/>
		);
	}
	return (
		<span
			className={ `igny8-image-thumb igny8-image-placeholder is-${ image.status }` }
			role="img"
			aria-label={ __( 'Image not generated yet', 'igny8' ) }
		>
			{ anyImageStatus( image.status ) }
		</span>
	);
}
