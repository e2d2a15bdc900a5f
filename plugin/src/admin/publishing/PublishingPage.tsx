// IGNY8 → Publishing: every publish and update of this site's content to WordPress, newest first, with its
// attempts and what went wrong; a failed one is retried from here and its row follows the retry.
import {
	Button,
	Flex,
	FlexItem,
	SelectControl,
	Spinner,
} from '@wordpress/components';
import {
	lazy,
	Suspense,
	useEffect,
	useRef,
	useState,
} from '@wordpress/element';
import { __ } from '@wordpress/i18n';
import type { CloudList } from '../../api/cloud';
import { publishingApi, type PublishingRecord } from '../../api/publishing';
import type { InitialState } from '../../api/wp';
import DataTable, { type Column } from '../components/DataTable';
import ErrorNotice from '../components/ErrorNotice';
import NotConnectedNotice from '../components/NotConnectedNotice';
import Pagination from '../components/Pagination';
import RoleNotice from '../components/RoleNotice';
import { useCloudData } from '../components/useCloudData';
import { useOperation } from '../components/useOperation';
import { navigate, useUrlParam } from '../components/url';
import { optionsOf } from '../planner/common/labels';
import { formatTimestamp } from '../settings/format';
import { contentUrl } from '../writer/common/links';
import { pageCount } from '../writer/common/query';
import {
	PUBLISHING_RECORD_STATUSES,
	RECORD_PAGE_SIZES,
} from './common/constants';
import {
	anyAction,
	anyRecordStatus,
	recordStatusLabel,
	type RecordStatus,
} from './common/labels';
import PostLinks from './common/PostLinks';
import { isFinished } from './common/record';
import { withPinned, type Pinned } from './pinned';
import { useRefreshWhile } from './common/useRefreshWhile';

const PublishingChart = lazy(
	() =>
		import( /* webpackChunkName: "publishing-chart" */ './PublishingChart' )
);

export default function PublishingPage( {
	initial,
}: {
	initial: InitialState;
} ) {
	if ( ! initial.connected || initial.siteId === null ) {
		return (
			<>
				<h1>{ __( 'Publishing log', 'igny8' ) }</h1>
				<NotConnectedNotice canManage={ initial.user.canManage } />
			</>
		);
	}
	return (
		<Records
			siteId={ initial.siteId }
			canEdit={ Boolean( initial.user.canEdit ) }
		/>
	);
}

function statusParam( value: string | null ): RecordStatus | null {
	return ( PUBLISHING_RECORD_STATUSES as readonly string[] ).includes(
		value ?? ''
	)
		? ( value as RecordStatus )
		: null;
}

function Records( { siteId, canEdit }: { siteId: number; canEdit: boolean } ) {
	const status = statusParam( useUrlParam( 'status' ) );
	const [ page, setPage ] = useState( 1 );
	const [ pageSize, setPageSize ] = useState< number >(
		RECORD_PAGE_SIZES[ 0 ]
	);
	const [ ordering, setOrdering ] = useState( '-created_at' );
	const [ showChart, setShowChart ] = useState( false );
	const [ version, setVersion ] = useState( 0 );
	const retry = useOperation();
	const [ retrying, setRetrying ] = useState< number | null >( null );

	const query = {
		site_id: siteId,
		status: status ?? undefined,
		ordering,
		page,
		page_size: pageSize,
	};
	const key = JSON.stringify( query );
	const list = useCloudData< CloudList< PublishingRecord > >(
		() => publishingApi.listRecords( query ),
		[ key ]
	);
	// Rows retried here stay in view while they go (and after), even when the filter no longer matches them.
	const [ pinned, setPinned ] = useState< Pinned >( {} );
	useEffect( () => setPinned( {} ), [ key ] );
	const items = withPinned( list.data?.results ?? [], pinned );

	// Rows on their way (queued, publishing, a retry) are looked at again quietly until they end.
	const latest = useRef( key );
	latest.current = key;
	useRefreshWhile(
		items.some( ( record ) => ! isFinished( record ) ),
		async () => {
			const asked = key;
			const fresh = await publishingApi.listRecords( query );
			const shown = new Set( fresh.results.map( ( row ) => row.id ) );
			const missing = await Promise.all(
				Object.values( pinned )
					.filter( ( pin ) => ! shown.has( pin.record.id ) )
					.map( ( pin ) => publishingApi.getRecord( pin.record.id ) )
			);
			if ( asked !== latest.current ) {
				return;
			}
			list.setData( () => fresh );
			setPinned( ( current ) => {
				const next = { ...current };
				for ( const record of [ ...fresh.results, ...missing ] ) {
					if ( next[ record.id ] ) {
						next[ record.id ] = { ...next[ record.id ], record };
					}
				}
				return next;
			} );
		}
	);

	const retried = ( record: PublishingRecord ) => {
		const index = items.findIndex( ( row ) => row.id === record.id );
		setPinned( ( current ) => ( {
			...current,
			[ record.id ]: { record, index: Math.max( 0, index ) },
		} ) );
		setVersion( ( v ) => v + 1 );
	};

	const columns: Column< PublishingRecord >[] = [
		{
			key: 'title',
			label: __( 'Content', 'igny8' ),
			primary: true,
			render: ( record ) => (
				<>
					<strong>
						{ record.content_id === null ? (
							record.title
						) : (
							<a href={ contentUrl( record.content_id ) }>
								{ record.title }
							</a>
						) }
					</strong>
					{ record.content_id === null && (
						<div className="igny8-muted">
							{ __( 'The content was deleted.', 'igny8' ) }
						</div>
					) }
					{ canEdit && record.status === 'failed' && (
						<div className="igny8-row-actions">
							<Button
								variant="link"
								isBusy={ retrying === record.id }
								disabled={ retry.busy }
								onClick={ async () => {
									setRetrying( record.id );
									const next = await retry.run( () =>
										publishingApi.retryRecord( record.id )
									);
									setRetrying( null );
									if ( next ) {
										retried( next );
									}
								} }
							>
								{ __( 'Retry', 'igny8' ) }
							</Button>
						</div>
					) }
				</>
			),
		},
		{
			key: 'action',
			label: __( 'Action', 'igny8' ),
			width: '6em',
			render: ( record ) => anyAction( record.action ),
		},
		{
			key: 'status',
			label: __( 'Status', 'igny8' ),
			width: '8em',
			render: ( record ) => (
				<span className={ `igny8-status is-${ record.status }` }>
					{ anyRecordStatus( record.status ) }
				</span>
			),
		},
		{
			key: 'attempts',
			label: __( 'Attempts', 'igny8' ),
			width: '6em',
			numeric: true,
			render: ( record ) =>
				`${ record.attempts }/${ record.max_attempts }`,
		},
		{
			key: 'post',
			label: __( 'WordPress post', 'igny8' ),
			render: ( record ) =>
				record.wp_post_id === null && ! record.url ? (
					'—'
				) : (
					<PostLinks
						postId={ record.wp_post_id }
						url={ record.url }
					/>
				),
		},
		{
			key: 'error',
			label: __( 'Error', 'igny8' ),
			render: ( record ) =>
				record.error ? (
					<div className="igny8-record-error">{ record.error }</div>
				) : (
					'—'
				),
		},
		{
			key: 'next',
			label: __( 'Next attempt', 'igny8' ),
			width: '10em',
			render: ( record ) =>
				( record.status === 'queued' &&
					formatTimestamp( record.next_attempt_at ) ) ||
				'—',
		},
		{
			key: 'updated',
			label: __( 'Updated', 'igny8' ),
			sortField: 'updated_at',
			firstDirection: 'desc',
			width: '10em',
			render: ( record ) => formatTimestamp( record.updated_at ) ?? '—',
		},
	];

	const count = list.data?.count ?? 0;
	return (
		<div className="igny8-planner igny8-publishing">
			<h1 className="wp-heading-inline">
				{ __( 'Publishing log', 'igny8' ) }
			</h1>
			<hr className="wp-header-end" />
			<p className="igny8-muted">
				{ __(
					'Every publish and update of this site’s content to WordPress, newest first.',
					'igny8'
				) }
			</p>
			<Flex className="igny8-filters" align="flex-end" wrap>
				<FlexItem>
					<SelectControl
						__nextHasNoMarginBottom
						label={ __( 'Status', 'igny8' ) }
						value={ status ?? '' }
						options={ optionsOf(
							PUBLISHING_RECORD_STATUSES,
							recordStatusLabel,
							__( 'All', 'igny8' )
						) }
						onChange={ ( value: string ) => {
							setPage( 1 );
							navigate( { status: value || null } );
						} }
					/>
				</FlexItem>
				<FlexItem>
					<Button
						variant="secondary"
						aria-expanded={ showChart }
						onClick={ () => setShowChart( ( shown ) => ! shown ) }
					>
						{ showChart
							? __( 'Hide the chart', 'igny8' )
							: __( 'Last 14 days as a chart', 'igny8' ) }
					</Button>
				</FlexItem>
			</Flex>
			{ showChart && (
				<Suspense fallback={ <Spinner /> }>
					<PublishingChart siteId={ siteId } version={ version } />
				</Suspense>
			) }
			<ErrorNotice error={ retry.error } onRemove={ retry.clearError } />
			<RoleNotice
				error={ list.error }
				refused={ __(
					'Your role may not see this site’s publishing log.',
					'igny8'
				) }
				onRetry={ list.reload }
			/>
			<DataTable
				caption={ __( 'Publishing log', 'igny8' ) }
				columns={ columns }
				items={ items }
				ordering={ ordering }
				onSort={ ( next ) => {
					setPage( 1 );
					setOrdering( next );
				} }
				loading={ list.loading }
				emptyMessage={
					status
						? __( 'No records with this status.', 'igny8' )
						: __(
								'Nothing published yet. Approved content is published from the Content page.',
								'igny8'
							)
				}
				rowTestId="igny8-record-row"
			/>
			<Pagination
				page={ page }
				pageCount={ pageCount( count, pageSize ) }
				count={ count }
				pageSize={ pageSize }
				pageSizes={ RECORD_PAGE_SIZES }
				onPage={ setPage }
				onPageSize={ ( size ) => {
					setPage( 1 );
					setPageSize( size );
				} }
				disabled={ list.loading }
			/>
		</div>
	);
}
