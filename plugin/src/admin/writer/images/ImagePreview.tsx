// One image shown large in a modal, with its texts.
import { Modal } from '@wordpress/components';
import { __ } from '@wordpress/i18n';
import type { WriterImage } from '../../../api/writer';

interface Props {
	image: WriterImage;
	name: string;
	onClose: () => void;
}

export default function ImagePreview( { image, name, onClose }: Props ) {
	return (
		<Modal
			title={ name }
			onRequestClose={ onClose }
			className="igny8-image-preview"
			size="large"
		>
			<figure className="igny8-image-preview-figure">
				{ image.url ? (
					<img src={ image.url } alt={ image.alt } />
				) : (
					<span className="igny8-image-placeholder">
						{ __( 'Image not generated yet', 'igny8' ) }
					</span>
				) }
				{ image.caption && <figcaption>{ image.caption }</figcaption> }
			</figure>
			<dl className="igny8-image-texts">
				<dt>{ __( 'Alt text', 'igny8' ) }</dt>
				<dd>{ image.alt || '—' }</dd>
				<dt>{ __( 'Prompt', 'igny8' ) }</dt>
				<dd className="igny8-image-prompt">{ image.prompt || '—' }</dd>
				{ image.model && (
					<>
						<dt>{ __( 'Model', 'igny8' ) }</dt>
						<dd>{ image.model }</dd>
					</>
				) }
			</dl>
		</Modal>
	);
}
