// A piece's images on its review screen: featured first, then in-article, each with its status; prompts
// for them and the images themselves made from here, priced before they start.
import { Button, Spinner } from '@wordpress/components';
import { __, _n, sprintf } from '@wordpress/i18n';
import type { Content, WriterImage } from '../../../api/writer';
import ErrorNotice from '../../components/ErrorNotice';
import { priceLabel } from '../../components/job/format';
import type { ErrorInfo } from '../../../api/errors';
import ImageThumb from '../common/ImageThumb';
import {
	GenerateImagesProgress,
	ImagePromptsProgress,
	imagePromptsPrice,
	imagesPrice,
	useGenerateImages,
	useImagePrompts,
} from '../common/image-jobs';
import { anyImageKind, anyImageStatus } from '../common/labels';
import { imagesUrl } from '../common/links';

interface Props {
	content: Content;
	images: readonly WriterImage[] | null;
	error: ErrorInfo | null;
	onRetry: () => void;
	/** Why the user may not start jobs, if they may not. */
	refusal: string | null;
}

export default function ImageStrip( {
	content,
	images,
	error,
	onRetry,
	refusal,
}: Props ) {
	const prompts = useImagePrompts();
	const generation = useGenerateImages();
	const waiting = ( images ?? [] ).filter(
		( image ) => image.status === 'pending' || image.status === 'failed'
	).length;
	const promptsNote = refusal ?? priceLabel( imagePromptsPrice( 1 ) );
	let imagesNote: string;
	if ( refusal ) {
		imagesNote = refusal;
	} else if ( waiting === 0 ) {
		imagesNote = images?.length
			? __( 'No image is waiting to be made.', 'igny8' )
			: __( 'Write the image prompts first.', 'igny8' );
	} else {
		imagesNote = `${ sprintf(
			/* translators: %s: number of images */
			_n( '%s image', '%s images', waiting, 'igny8' ),
			waiting.toLocaleString()
		) } · ${ priceLabel( imagesPrice( waiting ) ) }`;
	}

	return (
		<section
			className="igny8-image-strip"
			aria-labelledby="igny8-image-strip-title"
		>
			<h3 id="igny8-image-strip-title">{ __( 'Images', 'igny8' ) }</h3>
			<div className="igny8-image-actions">
				<span className="igny8-priced-action">
					<Button
						variant="secondary"
						isBusy={ prompts.active }
						disabled={ Boolean( refusal ) || prompts.active }
						aria-describedby="igny8-image-prompts-price"
						onClick={ () => prompts.start( [ content ] ) }
					>
						{ __( 'Generate image prompts', 'igny8' ) }
					</Button>
					<span
						className="igny8-price"
						id="igny8-image-prompts-price"
					>
						{ promptsNote }
					</span>
				</span>
				<span className="igny8-priced-action">
					<Button
						variant="secondary"
						isBusy={ generation.active }
						disabled={
							Boolean( refusal ) ||
							generation.active ||
							waiting === 0
						}
						aria-describedby="igny8-generate-images-price"
						onClick={ () =>
							generation.start( { content_id: content.id } )
						}
					>
						{ __( 'Generate images', 'igny8' ) }
					</Button>
					<span
						className="igny8-price"
						id="igny8-generate-images-price"
					>
						{ imagesNote }
					</span>
				</span>
				<a href={ imagesUrl( content.id ) }>
					{ __( 'Edit the images', 'igny8' ) }
				</a>
			</div>
			<ImagePromptsProgress />
			<GenerateImagesProgress />
			<ErrorNotice
				error={ error }
				actions={ [
					{ label: __( 'Retry', 'igny8' ), onClick: onRetry },
				] }
			/>
			{ ! images && ! error && <Spinner /> }
			{ images?.length === 0 && (
				<p className="igny8-muted">
					{ __(
						'No images yet: generate their prompts, then the images.',
						'igny8'
					) }
				</p>
			) }
			{ images && images.length > 0 && (
				<ul className="igny8-image-strip-list">
					{ images.map( ( image ) => (
						<li key={ image.id } className="igny8-image-strip-item">
							<ImageThumb image={ image } />
							<span className="igny8-image-caption">
								<strong>{ anyImageKind( image.kind ) }</strong>
								{ image.kind === 'in_article' &&
									` ${ image.position }` }
								{ ' · ' }
								<span
									className={ `igny8-status is-${ image.status }` }
								>
									{ anyImageStatus( image.status ) }
								</span>
							</span>
							{ image.alt && (
								<span className="igny8-image-alt">
									{ sprintf(
										/* translators: %s: the image's alt text */
										__( 'Alt text: %s', 'igny8' ),
										image.alt
									) }
								</span>
							) }
							{ image.status === 'failed' && image.error && (
								<span className="igny8-muted">
									{ image.error }
								</span>
							) }
						</li>
					) ) }
				</ul>
			) }
		</section>
	);
}
