// One image on the Images page: its picture (a click shows it large), kind, piece and status, its alt
// text, caption and prompt edited in place, and made again or deleted.
import {
	Button,
	CheckboxControl,
	TextareaControl,
	TextControl,
} from '@wordpress/components';
import { useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';
import { writerApi, type WriterImage } from '../../../api/writer';
import ConfirmButton from '../../components/ConfirmButton';
import ErrorNotice from '../../components/ErrorNotice';
import { priceLabel } from '../../components/job/format';
import { useOperation } from '../../components/useOperation';
import ImageThumb from '../common/ImageThumb';
import { imagesPrice } from '../common/image-jobs';
import { anyImageKind, anyImageStatus } from '../common/labels';
import { contentUrl } from '../common/links';
import { imageChanges, imageName } from './image-form';

interface Props {
	image: WriterImage;
	/** The title of the image's piece, when known. */
	contentTitle: string | null;
	selected: boolean;
	onToggle: () => void;
	onPreview: () => void;
	onChanged: ( image: WriterImage ) => void;
	onDeleted: () => void;
	onGenerate: () => void;
	/** An image job runs: no second one starts. */
	generating: boolean;
	/** Why the user may not change images, if they may not. */
	refusal: string | null;
}

export default function ImageCard( {
	image,
	contentTitle,
	selected,
	onToggle,
	onPreview,
	onChanged,
	onDeleted,
	onGenerate,
	generating,
	refusal,
}: Props ) {
	const [ editing, setEditing ] = useState( false );
	const [ alt, setAlt ] = useState( image.alt );
	const [ caption, setCaption ] = useState( image.caption ?? '' );
	const [ prompt, setPrompt ] = useState( image.prompt );
	const operation = useOperation();
	const name = imageName( image, contentTitle );
	const busy = image.status === 'generating';
	const locked = Boolean( refusal ) || busy;
	const fieldErrors = operation.error?.fieldErrors ?? {};

	const startEditing = () => {
		setAlt( image.alt );
		setCaption( image.caption ?? '' );
		setPrompt( image.prompt );
		operation.clearError();
		setEditing( true );
	};
	const save = async () => {
		const changes = imageChanges( image, { alt, caption, prompt } );
		if ( Object.keys( changes ).length === 0 ) {
			setEditing( false );
			return;
		}
		const saved = await operation.run( () =>
			writerApi.updateImage( image.id, changes )
		);
		if ( saved ) {
			onChanged( saved );
			setEditing( false );
		}
	};
	const remove = async () => {
		const done = await operation.run( () =>
			writerApi.deleteImage( image.id )
		);
		if ( done !== undefined ) {
			onDeleted();
		}
	};
	const noteId = `igny8-image-${ image.id }-price`;

	return (
		<li
			className={ `igny8-image-card is-${ image.status }` }
			aria-label={ name }
		>
			<div className="igny8-image-card-media">
				{ image.url ? (
					<button
						type="button"
						className="igny8-image-open"
						onClick={ onPreview }
						aria-label={ sprintf(
							/* translators: %s: the image's name, e.g. "Featured image of …" */
							__( 'Show %s large', 'igny8' ),
							name
						) }
					>
						<ImageThumb image={ image } />
					</button>
				) : (
					<ImageThumb image={ image } />
				) }
			</div>
			<div className="igny8-image-card-body">
				{ ! refusal && (
					<CheckboxControl
						__nextHasNoMarginBottom
						className="igny8-image-select"
						label={ sprintf(
							/* translators: %s: the image's name */
							__( 'Select %s', 'igny8' ),
							name
						) }
						checked={ selected }
						onChange={ onToggle }
					/>
				) }
				<p className="igny8-image-meta">
					<strong>
						{ anyImageKind( image.kind ) }
						{ image.kind === 'in_article' &&
							` ${ image.position }` }
					</strong>
					{ ' · ' }
					<span className={ `igny8-status is-${ image.status }` }>
						{ anyImageStatus( image.status ) }
					</span>
				</p>
				<p className="igny8-image-meta">
					<a href={ contentUrl( image.content_id ) }>
						{ contentTitle ?? `#${ image.content_id }` }
					</a>
				</p>
				{ image.status === 'failed' && image.error && (
					<p className="igny8-field-error">{ image.error }</p>
				) }
				{ editing ? (
					<form
						className="igny8-image-edit"
						onSubmit={ ( event ) => {
							event.preventDefault();
							void save();
						} }
					>
						<TextControl
							__nextHasNoMarginBottom
							label={ __( 'Alt text', 'igny8' ) }
							value={ alt }
							onChange={ setAlt }
							help={ fieldErrors.alt?.join( ' ' ) }
							disabled={ operation.busy }
						/>
						<TextControl
							__nextHasNoMarginBottom
							label={ __( 'Caption', 'igny8' ) }
							value={ caption }
							onChange={ setCaption }
							help={ fieldErrors.caption?.join( ' ' ) }
							disabled={ operation.busy }
						/>
						<TextareaControl
							__nextHasNoMarginBottom
							label={ __( 'Prompt', 'igny8' ) }
							value={ prompt }
							onChange={ setPrompt }
							help={
								fieldErrors.prompt?.join( ' ' ) ||
								__(
									'What the image should show; used the next time it is made.',
									'igny8'
								)
							}
							rows={ 4 }
							disabled={ operation.busy }
						/>
						<div className="igny8-image-card-actions">
							<Button
								variant="primary"
								type="submit"
								isBusy={ operation.busy }
								disabled={ operation.busy || ! prompt.trim() }
							>
								{ __( 'Save', 'igny8' ) }
							</Button>
							<Button
								variant="tertiary"
								onClick={ () => setEditing( false ) }
							>
								{ __( 'Cancel', 'igny8' ) }
							</Button>
						</div>
					</form>
				) : (
					<dl className="igny8-image-texts">
						<dt>{ __( 'Alt text', 'igny8' ) }</dt>
						<dd>{ image.alt || '—' }</dd>
						<dt>{ __( 'Caption', 'igny8' ) }</dt>
						<dd>{ image.caption || '—' }</dd>
						<dt>{ __( 'Prompt', 'igny8' ) }</dt>
						<dd className="igny8-image-prompt">
							{ image.prompt || '—' }
						</dd>
					</dl>
				) }
				<ErrorNotice
					error={ operation.error }
					onRemove={ operation.clearError }
				/>
				{ ! editing && (
					<div className="igny8-image-card-actions">
						<Button
							variant="secondary"
							size="small"
							disabled={ locked }
							title={ refusal ?? undefined }
							onClick={ startEditing }
						>
							{ __( 'Edit', 'igny8' ) }
						</Button>
						<Button
							variant="secondary"
							size="small"
							disabled={ locked || generating || ! image.prompt }
							title={ refusal ?? undefined }
							aria-describedby={ noteId }
							onClick={ onGenerate }
						>
							{ image.status === 'generated'
								? __( 'Regenerate image', 'igny8' )
								: __( 'Generate image', 'igny8' ) }
						</Button>
						<span className="igny8-price" id={ noteId }>
							{ priceLabel( imagesPrice( 1 ) ) }
						</span>
						<ConfirmButton
							variant="tertiary"
							isDestructive
							disabled={ locked || operation.busy }
							question={ sprintf(
								/* translators: %s: the image's name */
								__( 'Delete %s?', 'igny8' ),
								name
							) }
							confirmLabel={ __( 'Delete', 'igny8' ) }
							onConfirm={ () => void remove() }
						>
							{ __( 'Delete', 'igny8' ) }
						</ConfirmButton>
					</div>
				) }
			</div>
		</li>
	);
}
