// One piece of content to review: its text edited beside a preview of the post, saved or approved, its
// images, and its WordPress post (published, updated, a conflict resolved). A save the cloud refuses (the
// body is not valid block markup) shows the problems and keeps the text as typed.
import {
	Button,
	Flex,
	FlexItem,
	Notice,
	Spinner,
	TextareaControl,
	TextControl,
} from '@wordpress/components';
import { useEffect, useState } from '@wordpress/element';
import { __, _n, sprintf } from '@wordpress/i18n';
import type { MouseEvent } from 'react';
import { itemsOf } from '../../../api/cloud';
import type { ErrorInfo } from '../../../api/errors';
import {
	writerApi,
	type Content,
	type ContentUpdate,
	type WriterImage,
} from '../../../api/writer';
import ErrorNotice from '../../components/ErrorNotice';
import { useCloudData } from '../../components/useCloudData';
import { useOperation } from '../../components/useOperation';
import { adminPageUrl, navigate, WRITER_PAGES } from '../../components/url';
import { formatTimestamp } from '../../settings/format';
import {
	GENERATE_IMAGES_JOB,
	IMAGE_PROMPTS_JOB,
	META_DESCRIPTION_MAX,
	META_TITLE_MAX,
} from '../common/constants';
import {
	useBatchFollowUp,
	useJobFollowUp,
	usePlacement,
	useUrlRefresh,
} from '../common/hooks';
import { anyContentStatus } from '../common/labels';
import { countWords, lengthAgainst } from '../common/markup';
import ContentPreview from './ContentPreview';
import {
	changesOf,
	statusMoves,
	valuesOf,
	type ContentValues,
} from './content-form';
import ImageStrip from './ImageStrip';
import WordPressPanel from './publishing/WordPressPanel';
import SyncBadge from '../../publishing/common/SyncBadge';

interface Props {
	contentId: number;
	readOnly: boolean;
}

const FIELD_LABELS: Readonly< Record< string, string > > = {
	get title() {
		return __( 'Title', 'igny8' );
	},
	get meta_title() {
		return __( 'Meta title', 'igny8' );
	},
	get meta_description() {
		return __( 'Meta description', 'igny8' );
	},
	get body() {
		return __( 'Body', 'igny8' );
	},
	get status() {
		return __( 'Status', 'igny8' );
	},
};

const backToList = ( event: MouseEvent ) => {
	event.preventDefault();
	navigate( { content: null } );
};

/**
 * `value`, once it stopped changing for `delay` ms (the preview follows typing without redrawing each key).
 *
 * @param value The latest value.
 * @param delay Milliseconds of quiet.
 */
function useSettled< T >( value: T, delay = 400 ): T {
	const [ settled, setSettled ] = useState( value );
	useEffect( () => {
		const timer = window.setTimeout( () => setSettled( value ), delay );
		return () => window.clearTimeout( timer );
	}, [ value, delay ] );
	return settled;
}

export default function ContentReview( { contentId, readOnly }: Props ) {
	const { placement } = usePlacement();
	const siteId = placement?.site_id ?? null;
	const content = useCloudData(
		() => writerApi.getContent( contentId ),
		[ contentId ]
	);
	const images = useCloudData(
		async () =>
			siteId === null
				? []
				: itemsOf< WriterImage >(
						await writerApi.listImages( {
							site_id: siteId,
							content_id: contentId,
							ordering: 'position',
							page_size: 200,
						} )
					),
		[ siteId, contentId ]
	);
	useUrlRefresh(
		( images.data ?? [] ).map( ( image ) => image.url_expires_at ),
		images.reload
	);
	// Image jobs change the images (and prompts may place images in the body): show what they did.
	useBatchFollowUp( IMAGE_PROMPTS_JOB, () => {
		images.reload();
		content.reload();
	} );
	useJobFollowUp( GENERATE_IMAGES_JOB, images.reload );

	if ( content.error ) {
		return (
			<>
				<BackLink />
				<ErrorNotice
					error={ content.error }
					actions={ [
						{
							label: __( 'Retry', 'igny8' ),
							onClick: content.reload,
						},
					] }
				/>
			</>
		);
	}
	if ( ! content.data || content.data.id !== contentId ) {
		return <Spinner />;
	}
	return (
		<Review
			// A new piece (or the same one after a reload that may hold others' changes) starts a new form.
			key={ `${ content.data.id }` }
			content={ content.data }
			images={ images.data }
			imagesError={ images.error }
			onImagesRetry={ images.reload }
			onSaved={ ( saved ) => content.setData( () => saved ) }
			onReload={ content.reload }
			readOnly={ readOnly }
		/>
	);
}

function BackLink() {
	return (
		<p className="igny8-back">
			<a
				href={ adminPageUrl( WRITER_PAGES.content ) }
				onClick={ backToList }
			>
				← { __( 'All content', 'igny8' ) }
			</a>
		</p>
	);
}

interface ReviewProps {
	content: Content;
	images: WriterImage[] | null;
	imagesError: ErrorInfo | null;
	onImagesRetry: () => void;
	onSaved: ( content: Content ) => void;
	onReload: () => void;
	readOnly: boolean;
}

function Review( {
	content,
	images,
	imagesError,
	onImagesRetry,
	onSaved,
	onReload,
	readOnly,
}: ReviewProps ) {
	const [ values, setValues ] = useState< ContentValues >( () =>
		valuesOf( content )
	);
	// What the form was last filled from: a reload with other text refills a form with no changes of its own.
	const [ base, setBase ] = useState( content );
	const save = useOperation();
	const [ saved, setSaved ] = useState< string | null >( null );
	const changes = changesOf( base, values );
	const dirty = Object.keys( changes ).length > 0;

	useEffect( () => {
		if ( content !== base && ! dirty ) {
			setBase( content );
			setValues( valuesOf( content ) );
		}
	}, [ content, base, dirty ] );

	// Leaving with unsaved text asks first.
	useEffect( () => {
		if ( ! dirty ) {
			return undefined;
		}
		const warn = ( event: BeforeUnloadEvent ) => {
			event.preventDefault();
			event.returnValue = '';
		};
		window.addEventListener( 'beforeunload', warn );
		return () => window.removeEventListener( 'beforeunload', warn );
	}, [ dirty ] );

	const previewBody = useSettled( values.body );
	const previewTitle = useSettled( values.title );
	const set = ( change: Partial< ContentValues > ) => {
		setSaved( null );
		setValues( ( current ) => ( { ...current, ...change } ) );
	};

	const send = async ( body: ContentUpdate, done: string ) => {
		setSaved( null );
		const result = await save.run( () =>
			writerApi.updateContent( content.id, body )
		);
		if ( result ) {
			// The cloud may have rewritten the body (HTML pasted in becomes blocks): show what it keeps.
			setBase( result );
			setValues( valuesOf( result ) );
			onSaved( result );
			// An edit of published content goes to the post by itself (the cloud queued the update).
			setSaved(
				result.status === 'published' &&
					result.sync_state === 'pending' &&
					content.sync_state !== 'pending'
					? __(
							'Saved. The change is on its way to WordPress.',
							'igny8'
						)
					: done
			);
		}
	};

	const refusal = readOnly
		? __( 'Your role may read this content but not change it.', 'igny8' )
		: null;
	// Published content stays editable here: a change goes to the post with "Update in WordPress".
	const locked = readOnly || save.busy;
	const moves = statusMoves( content.status );
	const words = dirty ? countWords( values.body ) : content.word_count;
	const metaTitleLength = lengthAgainst( values.metaTitle, META_TITLE_MAX );
	const metaDescriptionLength = lengthAgainst(
		values.metaDescription,
		META_DESCRIPTION_MAX
	);
	const fieldErrors = save.error?.fieldErrors ?? {};
	const problems = ( field: string ) => fieldErrors[ field ] ?? [];

	return (
		<div className="igny8-review">
			<BackLink />
			<Flex className="igny8-review-header" align="center" wrap>
				<FlexItem>
					<h2 className="igny8-review-title">{ content.title }</h2>
				</FlexItem>
				<FlexItem>
					<span className={ `igny8-status is-${ content.status }` }>
						{ anyContentStatus( content.status ) }
					</span>
				</FlexItem>
				<FlexItem>
					<SyncBadge state={ content.sync_state } />
				</FlexItem>
			</Flex>
			<p className="igny8-review-facts">
				{ sprintf(
					/* translators: %s: number of words */
					_n( '%s word', '%s words', words, 'igny8' ),
					words.toLocaleString()
				) }
				{ dirty && ` (${ __( 'unsaved', 'igny8' ) })` }
				{ ' · ' }
				{ sprintf(
					/* translators: %s: date and time */
					__( 'Updated %s', 'igny8' ),
					formatTimestamp( content.updated_at ) ?? '—'
				) }
			</p>
			{ readOnly && (
				<Notice status="info" isDismissible={ false }>
					{ refusal }
				</Notice>
			) }
			<WordPressPanel
				content={ content }
				readOnly={ readOnly }
				onChanged={ onReload }
				onResolved={ onSaved }
			/>
			{ saved && (
				<Notice status="success" onRemove={ () => setSaved( null ) }>
					{ saved }
				</Notice>
			) }
			<ErrorNotice
				error={ save.error }
				onRemove={ save.clearError }
				fieldLabels={ FIELD_LABELS }
			/>
			<div className="igny8-review-columns">
				<form
					className="igny8-review-form"
					aria-label={ __( 'Edit the content', 'igny8' ) }
					onSubmit={ ( event ) => {
						event.preventDefault();
						if ( dirty && ! locked ) {
							void send( changes, __( 'Saved.', 'igny8' ) );
						}
					} }
				>
					<TextControl
						__nextHasNoMarginBottom
						label={ __( 'Title', 'igny8' ) }
						value={ values.title }
						onChange={ ( title: string ) => set( { title } ) }
						help={ problems( 'title' ).join( ' ' ) }
						disabled={ locked }
					/>
					<TextControl
						__nextHasNoMarginBottom
						label={ __( 'Meta title', 'igny8' ) }
						value={ values.metaTitle }
						onChange={ ( metaTitle: string ) =>
							set( { metaTitle } )
						}
						help={
							<Counter
								{ ...metaTitleLength }
								limit={ META_TITLE_MAX }
								problems={ problems( 'meta_title' ) }
							/>
						}
						disabled={ locked }
					/>
					<TextareaControl
						__nextHasNoMarginBottom
						label={ __( 'Meta description', 'igny8' ) }
						value={ values.metaDescription }
						onChange={ ( metaDescription: string ) =>
							set( { metaDescription } )
						}
						help={
							<Counter
								{ ...metaDescriptionLength }
								limit={ META_DESCRIPTION_MAX }
								problems={ problems( 'meta_description' ) }
							/>
						}
						rows={ 3 }
						disabled={ locked }
					/>
					<TextareaControl
						__nextHasNoMarginBottom
						className="igny8-body-field"
						label={ __( 'Body (block markup)', 'igny8' ) }
						value={ values.body }
						onChange={ ( body: string ) => set( { body } ) }
						help={
							problems( 'body' ).length ? (
								<ul className="igny8-field-error">
									{ problems( 'body' ).map( ( problem ) => (
										<li key={ problem }>{ problem }</li>
									) ) }
								</ul>
							) : (
								__(
									'WordPress block markup; pasted HTML or Markdown is turned into blocks when saved.',
									'igny8'
								)
							)
						}
						rows={ 24 }
						disabled={ locked }
						spellCheck
					/>
					<Flex className="igny8-review-actions" gap={ 2 } wrap>
						<Button
							variant="secondary"
							type="submit"
							isBusy={ save.busy }
							disabled={ locked || ! dirty }
							title={ refusal ?? undefined }
						>
							{ __( 'Save', 'igny8' ) }
						</Button>
						{ dirty && ! locked && (
							<Button
								variant="tertiary"
								onClick={ () => {
									save.clearError();
									setValues( valuesOf( base ) );
								} }
							>
								{ __( 'Discard changes', 'igny8' ) }
							</Button>
						) }
						{ moves.approve && (
							<Button
								variant="primary"
								isBusy={ save.busy }
								disabled={ locked }
								title={ refusal ?? undefined }
								onClick={ () =>
									void send(
										{ ...changes, status: 'approved' },
										__( 'Approved.', 'igny8' )
									)
								}
							>
								{ __( 'Approve', 'igny8' ) }
							</Button>
						) }
						{ moves.toReview && (
							<Button
								variant="secondary"
								isBusy={ save.busy }
								disabled={ locked }
								title={ refusal ?? undefined }
								onClick={ () =>
									void send(
										{ ...changes, status: 'review' },
										content.status === 'approved'
											? __(
													'Sent back to review.',
													'igny8'
												)
											: __( 'Sent to review.', 'igny8' )
									)
								}
							>
								{ content.status === 'approved'
									? __( 'Back to review', 'igny8' )
									: __( 'Send to review', 'igny8' ) }
							</Button>
						) }
					</Flex>
				</form>
				<div className="igny8-review-preview">
					<h3>{ __( 'Preview', 'igny8' ) }</h3>
					<ContentPreview
						title={ previewTitle }
						body={ previewBody }
						images={ images ?? [] }
					/>
				</div>
			</div>
			<ImageStrip
				content={ content }
				images={ images }
				error={ imagesError }
				onRetry={ onImagesRetry }
				refusal={ refusal }
			/>
		</div>
	);
}

function Counter( {
	length,
	over,
	limit,
	problems,
}: {
	length: number;
	over: boolean;
	limit: number;
	problems: readonly string[];
} ) {
	return (
		<span className={ over ? 'igny8-counter is-over' : 'igny8-counter' }>
			{ sprintf(
				/* translators: 1: characters typed, 2: characters search engines show */
				__( '%1$d/%2$d characters', 'igny8' ),
				length,
				limit
			) }
			{ over &&
				` · ${ __( 'search results may cut the rest', 'igny8' ) }` }
			{ problems.length > 0 && ` · ${ problems.join( ' ' ) }` }
		</span>
	);
}
