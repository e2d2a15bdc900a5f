// The sector's images as a grid, filtered by piece, status and kind: each previewed through its signed URL
// (asked for again before it expires), its texts edited in place, made again or deleted; the ticked ones
// made together, priced before they start.
import { Button, Flex, SelectControl, Spinner } from '@wordpress/components';
import { lazy, Suspense, useMemo, useState } from '@wordpress/element';
import { __, _n, sprintf } from '@wordpress/i18n';
import { itemsOf } from '../../../api/cloud';
import {
	writerApi,
	type ContentSummary,
	type WriterImage,
} from '../../../api/writer';
import ConfirmButton from '../../components/ConfirmButton';
import ErrorNotice from '../../components/ErrorNotice';
import { priceLabel } from '../../components/job/format';
import Pagination from '../../components/Pagination';
import { useCloudData } from '../../components/useCloudData';
import { useOperation } from '../../components/useOperation';
import { navigate, useUrlParam } from '../../components/url';
import { optionsOf } from '../../planner/common/labels';
import {
	GENERATE_IMAGES_JOB,
	GENERATION_BATCH_MAX,
	IMAGE_KINDS,
	IMAGE_STATUSES,
	PAGE_SIZES,
} from '../common/constants';
import {
	useJobFollowUp,
	usePlacement,
	useSelection,
	useUrlRefresh,
	useWriterList,
} from '../common/hooks';
import {
	GenerateImagesProgress,
	imagesPrice,
	useGenerateImages,
} from '../common/image-jobs';
import {
	imageKindLabel,
	imageStatusLabel,
	type ImageKind,
	type ImageStatus,
} from '../common/labels';
import ImageCard from './ImageCard';
import { imageName } from './image-form';

const ImagePreview = lazy(
	() => import( /* webpackChunkName: "image-preview" */ './ImagePreview' )
);

interface Filters {
	content_id?: number;
	status?: ImageStatus;
	kind?: ImageKind;
}

const ORDERINGS = [ '-created_at', 'created_at', 'position' ] as const;

function orderingLabel( ordering: ( typeof ORDERINGS )[ number ] ): string {
	switch ( ordering ) {
		case '-created_at':
			return __( 'Newest first', 'igny8' );
		case 'created_at':
			return __( 'Oldest first', 'igny8' );
		case 'position':
			return __( 'Place in the article', 'igny8' );
	}
}

/** The sector's pieces (the newest 200), for the filter and the cards' links, and a title by id. */
function useContentTitles() {
	const { placement } = usePlacement();
	const pieces = useCloudData(
		async () =>
			placement
				? itemsOf< ContentSummary >(
						await writerApi.listContent( {
							site_id: placement.site_id,
							sector_id: placement.sector_id,
							ordering: '-updated_at',
							page_size: 200,
						} )
					)
				: [],
		[ placement?.site_id, placement?.sector_id ]
	);
	const titles = useMemo(
		() =>
			new Map(
				( pieces.data ?? [] ).map( ( piece ) => [
					piece.id,
					piece.title,
				] )
			),
		[ pieces.data ]
	);
	return { pieces: pieces.data ?? [], titles };
}

export default function ImagesPage( { readOnly }: { readOnly: boolean } ) {
	const param = useUrlParam( 'content' );
	const initialContent =
		param && /^\d+$/.test( param ) ? Number( param ) : undefined;
	const list = useWriterList< WriterImage, Filters >( writerApi.listImages, {
		filters: { content_id: initialContent },
		ordering: initialContent ? 'position' : '-created_at',
	} );
	const { pieces, titles } = useContentTitles();
	const { selected, setSelected, toggle } = useSelection( list.items );
	const [ previewing, setPreviewing ] = useState< WriterImage | null >(
		null
	);
	const removal = useOperation();
	const generation = useGenerateImages();
	useJobFollowUp( GENERATE_IMAGES_JOB, list.reload );
	useUrlRefresh(
		list.items.map( ( image ) => image.url_expires_at ),
		list.reload
	);

	const refusal = readOnly
		? __( 'Your role may view images but not change them.', 'igny8' )
		: null;
	const ticked = list.items.filter(
		( image ) =>
			selected.includes( image.id ) &&
			image.status !== 'generating' &&
			image.prompt
	);
	const tooMany = ticked.length > GENERATION_BATCH_MAX;
	const { filters } = list.query;

	const replace = ( image: WriterImage ) =>
		list.setData( ( current ) =>
			current
				? {
						...current,
						results: current.results.map( ( other ) =>
							other.id === image.id ? image : other
						),
					}
				: current
		);
	const removeTicked = async () => {
		const ids = [ ...selected ];
		await removal.run( () =>
			Promise.all( ids.map( ( id ) => writerApi.deleteImage( id ) ) )
		);
		setSelected( [] );
		list.reload();
	};

	let note: string;
	if ( refusal ) {
		note = refusal;
	} else if ( ticked.length === 0 ) {
		note = __( 'Tick the images to make.', 'igny8' );
	} else if ( tooMany ) {
		note = sprintf(
			/* translators: %d: the most images at a time */
			__( 'At most %d images at a time.', 'igny8' ),
			GENERATION_BATCH_MAX
		);
	} else {
		note = `${ sprintf(
			/* translators: %s: number of images */
			_n( '%s image', '%s images', ticked.length, 'igny8' ),
			ticked.length.toLocaleString()
		) } · ${ priceLabel( imagesPrice( ticked.length ) ) }`;
	}

	return (
		<>
			<div className="igny8-filters" role="search">
				<SelectControl
					__nextHasNoMarginBottom
					label={ __( 'Content', 'igny8' ) }
					value={
						filters.content_id === undefined
							? ''
							: String( filters.content_id )
					}
					options={ [
						{ value: '', label: __( 'All content', 'igny8' ) },
						...pieces.map( ( piece ) => ( {
							value: String( piece.id ),
							label: piece.title,
						} ) ),
						...( filters.content_id !== undefined &&
						! titles.has( filters.content_id )
							? [
									{
										value: String( filters.content_id ),
										label: `#${ filters.content_id }`,
									},
								]
							: [] ),
					] }
					onChange={ ( value: string ) => {
						const contentId = value ? Number( value ) : undefined;
						navigate( { content: contentId ?? null }, true );
						list.setFilters( { content_id: contentId } );
					} }
				/>
				<SelectControl
					__nextHasNoMarginBottom
					label={ __( 'Status', 'igny8' ) }
					value={ filters.status ?? '' }
					options={ optionsOf(
						IMAGE_STATUSES,
						imageStatusLabel,
						__( 'All', 'igny8' )
					) }
					onChange={ ( status: string ) =>
						list.setFilters( {
							status: ( status || undefined ) as
								ImageStatus | undefined,
						} )
					}
				/>
				<SelectControl
					__nextHasNoMarginBottom
					label={ __( 'Kind', 'igny8' ) }
					value={ filters.kind ?? '' }
					options={ optionsOf(
						IMAGE_KINDS,
						imageKindLabel,
						__( 'All', 'igny8' )
					) }
					onChange={ ( kind: string ) =>
						list.setFilters( {
							kind: ( kind || undefined ) as
								ImageKind | undefined,
						} )
					}
				/>
				<SelectControl
					__nextHasNoMarginBottom
					label={ __( 'Order', 'igny8' ) }
					value={ list.query.ordering ?? '-created_at' }
					options={ optionsOf( ORDERINGS, orderingLabel ) }
					onChange={ list.setOrdering }
				/>
			</div>
			<Flex className="igny8-toolbar" gap={ 2 } align="flex-end" wrap>
				{ ! readOnly && (
					<>
						<strong>
							{ sprintf(
								/* translators: %d: number of images */
								_n(
									'%d selected',
									'%d selected',
									selected.length,
									'igny8'
								),
								selected.length
							) }
						</strong>
						<Button
							variant="tertiary"
							disabled={ list.items.length === 0 }
							onClick={ () =>
								setSelected(
									selected.length === list.items.length
										? []
										: list.items.map(
												( image ) => image.id
											)
								)
							}
						>
							{ selected.length === list.items.length &&
							list.items.length > 0
								? __( 'Select none', 'igny8' )
								: __( 'Select all', 'igny8' ) }
						</Button>
					</>
				) }
				<span className="igny8-priced-action">
					<Button
						variant="primary"
						isBusy={ generation.active }
						disabled={
							Boolean( refusal ) ||
							generation.active ||
							ticked.length === 0 ||
							tooMany
						}
						aria-describedby="igny8-generate-images-price"
						onClick={ () =>
							generation.start( {
								image_ids: ticked.map( ( image ) => image.id ),
							} )
						}
					>
						{ __( 'Generate images', 'igny8' ) }
					</Button>
					<span
						className="igny8-price"
						id="igny8-generate-images-price"
					>
						{ note }
					</span>
				</span>
				<ConfirmButton
					isDestructive
					isBusy={ removal.busy }
					disabled={ Boolean( refusal ) || selected.length === 0 }
					question={ sprintf(
						/* translators: %d: number of images */
						_n(
							'Delete %d image and its file?',
							'Delete %d images and their files?',
							selected.length,
							'igny8'
						),
						selected.length
					) }
					confirmLabel={ __( 'Delete', 'igny8' ) }
					onConfirm={ () => void removeTicked() }
				>
					{ __( 'Delete', 'igny8' ) }
				</ConfirmButton>
			</Flex>
			<GenerateImagesProgress />
			<ErrorNotice
				error={ removal.error }
				onRemove={ removal.clearError }
			/>
			<ErrorNotice
				error={ list.error }
				actions={ [
					{ label: __( 'Retry', 'igny8' ), onClick: list.reload },
				] }
			/>
			{ ! list.loaded && ! list.error && <Spinner /> }
			{ list.loaded && list.items.length === 0 && (
				<p className="igny8-muted">
					{ __(
						'No images here yet. Generate image prompts for a piece on its review screen, then its images.',
						'igny8'
					) }
				</p>
			) }
			<ul
				className={ `igny8-image-grid${ list.loading ? ' is-loading' : '' }` }
				aria-label={ __( 'Images', 'igny8' ) }
				aria-busy={ list.loading }
			>
				{ list.items.map( ( image ) => (
					<ImageCard
						key={ `${ image.id }-${ image.updated_at }` }
						image={ image }
						contentTitle={ titles.get( image.content_id ) ?? null }
						selected={ selected.includes( image.id ) }
						onToggle={ () => toggle( image.id ) }
						onPreview={ () => setPreviewing( image ) }
						onChanged={ replace }
						onDeleted={ list.reload }
						onGenerate={ () =>
							generation.start( { image_ids: [ image.id ] } )
						}
						generating={ generation.active }
						refusal={ refusal }
					/>
				) ) }
			</ul>
			<Pagination
				page={ list.query.page }
				pageCount={ list.pageCount }
				count={ list.count }
				pageSize={ list.query.pageSize }
				pageSizes={ PAGE_SIZES }
				onPage={ list.setPage }
				onPageSize={ list.setPageSize }
				disabled={ list.loading }
			/>
			{ previewing && (
				<Suspense fallback={ <Spinner /> }>
					<ImagePreview
						image={
							list.items.find(
								( image ) => image.id === previewing.id
							) ?? previewing
						}
						name={ imageName(
							previewing,
							titles.get( previewing.content_id )
						) }
						onClose={ () => setPreviewing( null ) }
					/>
				</Suspense>
			) }
		</>
	);
}
