// The sector's articles: filters (status, sync state, text), sorting by title, words or date, pages; each
// opens its review screen. Approved pieces are published from here, published ones show where their post
// stands in WordPress (and the list looks again while a publish is on its way).
import { Button, SelectControl } from '@wordpress/components';
import { useRef, useState } from '@wordpress/element';
import { __ } from '@wordpress/i18n';
import type { MouseEvent } from 'react';
import { writerApi, type ContentSummary } from '../../../api/writer';
import ConfirmButton from '../../components/ConfirmButton';
import DataTable, { type Column } from '../../components/DataTable';
import DebouncedTextControl from '../../components/DebouncedTextControl';
import ErrorNotice from '../../components/ErrorNotice';
import Pagination from '../../components/Pagination';
import { useOperation } from '../../components/useOperation';
import { navigate } from '../../components/url';
import { formatNumber } from '../../planner/common/format';
import { optionsOf } from '../../planner/common/labels';
import { CONTENT_SYNC_STATES } from '../../publishing/common/constants';
import {
	anyWpStatus,
	syncStateLabel,
	type ContentSyncState,
} from '../../publishing/common/labels';
import PostLinks from '../../publishing/common/PostLinks';
import SyncBadge from '../../publishing/common/SyncBadge';
import { useRefreshWhile } from '../../publishing/common/useRefreshWhile';
import { formatTimestamp } from '../../settings/format';
import { CONTENT_STATUSES, PAGE_SIZES } from '../common/constants';
import { useWriterList } from '../common/hooks';
import { listParams } from '../common/query';
import {
	anyContentStatus,
	contentStatusLabel,
	type ContentStatus,
} from '../common/labels';
import { contentUrl, imagesUrl } from '../common/links';
import PublishDialog from './publishing/PublishDialog';
import { canPublish, postLinksOf } from './publishing/publish-state';

interface Filters {
	search?: string;
	status?: ContentStatus;
	sync_state?: ContentSyncState;
}

/**
 * Follows a link to a review screen without loading the page again.
 *
 * @param contentId The piece to open.
 */
const open = ( contentId: number ) => ( event: MouseEvent ) => {
	if ( event.metaKey || event.ctrlKey || event.shiftKey || event.button ) {
		return;
	}
	event.preventDefault();
	navigate( { content: contentId } );
};

export default function ContentList( { readOnly }: { readOnly: boolean } ) {
	const list = useWriterList< ContentSummary, Filters >(
		writerApi.listContent,
		{ filters: {}, ordering: '-updated_at' }
	);
	const removal = useOperation();
	const [ publishing, setPublishing ] = useState< ContentSummary | null >(
		null
	);

	// While a publish is on its way, look again quietly (no busy table) until it ends.
	const { placement, query, setData } = list;
	const shown = `${ placement?.site_id }:${ placement?.sector_id }:${ JSON.stringify( query ) }`;
	const latest = useRef( shown );
	latest.current = shown;
	useRefreshWhile(
		list.items.some( ( item ) => item.sync_state === 'pending' ),
		async () => {
			if ( ! placement ) {
				return;
			}
			const asked = shown;
			const fresh = await writerApi.listContent(
				listParams( query, placement )
			);
			if ( asked === latest.current ) {
				setData( () => fresh );
			}
		}
	);

	const columns: Column< ContentSummary >[] = [
		{
			key: 'title',
			label: __( 'Title', 'igny8' ),
			sortField: 'title',
			primary: true,
			render: ( item ) => (
				<>
					<strong>
						<a
							href={ contentUrl( item.id ) }
							onClick={ open( item.id ) }
						>
							{ item.title }
						</a>
					</strong>
					<div className="igny8-row-actions">
						<a
							href={ contentUrl( item.id ) }
							onClick={ open( item.id ) }
						>
							{ __( 'Review', 'igny8' ) }
						</a>
						{ ' | ' }
						<a href={ imagesUrl( item.id ) }>
							{ __( 'Images', 'igny8' ) }
						</a>
						{ postLinksOf( item ).postId !== null && (
							<>
								{ ' | ' }
								<PostLinks
									{ ...postLinksOf( item ) }
									separator=" | "
								/>
							</>
						) }
						{ ! readOnly && canPublish( item ) && (
							<>
								{ ' | ' }
								<Button
									variant="link"
									onClick={ () => setPublishing( item ) }
								>
									{ item.status === 'published'
										? __( 'Update in WordPress', 'igny8' )
										: __( 'Publish', 'igny8' ) }
								</Button>
							</>
						) }
						{ ! readOnly && item.status !== 'published' && (
							<>
								{ ' | ' }
								<ConfirmButton
									variant="link"
									isDestructive
									disabled={ removal.busy }
									question={ __(
										'Delete this content and its images?',
										'igny8'
									) }
									confirmLabel={ __( 'Delete', 'igny8' ) }
									onConfirm={ async () => {
										const done = await removal.run( () =>
											writerApi.deleteContent( item.id )
										);
										if ( done !== undefined ) {
											list.reload();
										}
									} }
								>
									{ __( 'Delete', 'igny8' ) }
								</ConfirmButton>
							</>
						) }
					</div>
				</>
			),
		},
		{
			key: 'status',
			label: __( 'Status', 'igny8' ),
			width: '9em',
			render: ( item ) => (
				<span className={ `igny8-status is-${ item.status }` }>
					{ anyContentStatus( item.status ) }
				</span>
			),
		},
		{
			key: 'wordpress',
			label: __( 'WordPress', 'igny8' ),
			width: '12em',
			render: ( item ) =>
				item.sync_state === 'none' && item.status !== 'published' ? (
					'—'
				) : (
					<>
						<SyncBadge state={ item.sync_state } />
						<div className="igny8-wp-status">
							{ item.wp_status
								? anyWpStatus( item.wp_status )
								: __( 'Not in WordPress', 'igny8' ) }
						</div>
					</>
				),
		},
		{
			key: 'words',
			label: __( 'Words', 'igny8' ),
			sortField: 'word_count',
			firstDirection: 'desc',
			numeric: true,
			width: '7em',
			render: ( item ) => formatNumber( item.word_count ),
		},
		{
			key: 'meta',
			label: __( 'Meta title', 'igny8' ),
			render: ( item ) => item.meta_title || '—',
		},
		{
			key: 'updated',
			label: __( 'Updated', 'igny8' ),
			sortField: 'updated_at',
			firstDirection: 'desc',
			width: '11em',
			render: ( item ) => formatTimestamp( item.updated_at ) ?? '—',
		},
	];

	const { filters } = list.query;
	return (
		<>
			<div className="igny8-filters" role="search">
				<DebouncedTextControl
					type="search"
					label={ __( 'Search content', 'igny8' ) }
					value={ filters.search ?? '' }
					onChange={ ( search ) => list.setFilters( { search } ) }
				/>
				<SelectControl
					__nextHasNoMarginBottom
					label={ __( 'Status', 'igny8' ) }
					value={ filters.status ?? '' }
					options={ optionsOf(
						CONTENT_STATUSES,
						contentStatusLabel,
						__( 'All', 'igny8' )
					) }
					onChange={ ( status: string ) =>
						list.setFilters( {
							status: ( status || undefined ) as
								ContentStatus | undefined,
						} )
					}
				/>
				<SelectControl
					__nextHasNoMarginBottom
					label={ __( 'Sync state', 'igny8' ) }
					value={ filters.sync_state ?? '' }
					options={ optionsOf(
						CONTENT_SYNC_STATES,
						syncStateLabel,
						__( 'All', 'igny8' )
					) }
					onChange={ ( state: string ) =>
						list.setFilters( {
							sync_state: ( state || undefined ) as
								ContentSyncState | undefined,
						} )
					}
				/>
			</div>
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
			<DataTable
				caption={ __( 'Content', 'igny8' ) }
				columns={ columns }
				items={ list.items }
				ordering={ list.query.ordering }
				onSort={ list.setOrdering }
				loading={ list.loading || ! list.loaded }
				emptyMessage={ __(
					'No content yet. Generate it from tasks on the Tasks page.',
					'igny8'
				) }
			/>
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
			{ publishing && (
				<PublishDialog
					content={ publishing }
					onClose={ () => setPublishing( null ) }
					onChanged={ list.reload }
				/>
			) }
		</>
	);
}
