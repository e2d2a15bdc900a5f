// Settings → Sync: how WordPress and the IGNY8 cloud keep each other up to date. The last full sync of the
// site's posts, the last event the cloud received, publishes waiting or failed, the plugin's outbox, and
// "Sync now": the outbox is sent, then a full sync runs and is followed until it ends.
import {
	Button,
	Card,
	CardBody,
	CardHeader,
	Notice,
	Spinner,
} from '@wordpress/components';
import { useState } from '@wordpress/element';
import { __, _n, sprintf } from '@wordpress/i18n';
import { toErrorInfo, type ErrorInfo } from '../../../api/errors';
import {
	publishingApi,
	type SiteSync,
	type SiteSyncStatus,
} from '../../../api/publishing';
import {
	flushOutbox,
	getStatus,
	outboxOf,
	type OutboxStatus,
} from '../../../api/wp';
import ErrorNotice from '../../components/ErrorNotice';
import { useCloudData } from '../../components/useCloudData';
import { POLL_MS } from '../../publishing/common/constants';
import { anySiteSyncState } from '../../publishing/common/labels';
import { publishingUrl } from '../../publishing/common/links';
import { useRefreshWhile } from '../../publishing/common/useRefreshWhile';
import { formatTimestamp } from '../format';
import { isSyncRunning, syncPercent } from './sync';

interface Props {
	siteId: number;
	canManage: boolean;
}

const count = ( value: number ) => value.toLocaleString();

export default function SyncPanel( { siteId, canManage }: Props ) {
	const status = useCloudData< SiteSyncStatus >(
		() => publishingApi.getSyncStatus( siteId ),
		[ siteId ]
	);
	const outbox = useCloudData< OutboxStatus | null >(
		async () => ( await getStatus() ).outbox ?? null,
		[]
	);
	const [ busy, setBusy ] = useState( false );
	const [ errors, setErrors ] = useState< ErrorInfo[] >( [] );
	/** The sync this page started, followed until it ends. */
	const [ started, setStarted ] = useState< number | null >( null );

	const sync = status.data?.last_full_sync ?? null;
	const running = isSyncRunning( sync );
	useRefreshWhile(
		running,
		async () => {
			const fresh = await publishingApi.getSyncStatus( siteId );
			status.setData( () => fresh );
			if ( ! isSyncRunning( fresh.last_full_sync ) ) {
				outbox.reload();
			}
		},
		POLL_MS
	);

	const syncNow = async () => {
		setBusy( true );
		setErrors( [] );
		const failed: ErrorInfo[] = [];
		try {
			const backlog = outboxOf( await flushOutbox() );
			if ( backlog ) {
				outbox.setData( () => backlog );
			} else {
				outbox.reload();
			}
		} catch ( failure ) {
			// The full sync still runs: it reads the posts themselves.
			failed.push( toErrorInfo( failure ) );
		}
		try {
			const next: SiteSync = await publishingApi.startSync( siteId );
			setStarted( next.id );
			status.setData( ( current ) =>
				current ? { ...current, last_full_sync: next } : current
			);
			if ( ! status.data ) {
				status.reload();
			}
		} catch ( failure ) {
			failed.push( toErrorInfo( failure ) );
		}
		setErrors( failed );
		setBusy( false );
	};

	return (
		<Card className="igny8-sync-card" style={ { maxWidth: 720 } }>
			<CardHeader>
				<h2 style={ { margin: 0 } }>{ __( 'Sync', 'igny8' ) }</h2>
			</CardHeader>
			<CardBody>
				<p className="description" style={ { marginTop: 0 } }>
					{ __(
						'WordPress tells IGNY8 about every change to its posts as it happens; a full sync reads all published posts again.',
						'igny8'
					) }
				</p>
				{ errors.map( ( error, index ) => (
					<ErrorNotice
						key={ index }
						error={ error }
						onRemove={ () =>
							setErrors( ( current ) =>
								current.filter( ( other ) => other !== error )
							)
						}
					/>
				) ) }
				<ErrorNotice
					error={ status.error }
					actions={ [
						{
							label: __( 'Retry', 'igny8' ),
							onClick: status.reload,
						},
					] }
				/>
				{ status.data ? (
					<CloudFacts status={ status.data } />
				) : (
					! status.error && <Spinner />
				) }
				<OutboxFacts
					outbox={ outbox.data }
					loading={ outbox.loading }
					error={ outbox.error }
				/>
				{ sync &&
					started === sync.id &&
					! running &&
					sync.state === 'succeeded' && (
						<Notice status="success" isDismissible={ false }>
							<span data-testid="igny8-sync-done">
								{ sprintf(
									/* translators: %s: number of posts */
									_n(
										'Sync finished: %s post read from WordPress.',
										'Sync finished: %s posts read from WordPress.',
										sync.posts_seen,
										'igny8'
									),
									count( sync.posts_seen )
								) }
							</span>
						</Notice>
					) }
				{ canManage ? (
					<Button
						variant="secondary"
						isBusy={ busy || running }
						disabled={ busy || running }
						onClick={ () => void syncNow() }
						style={ { marginTop: 12 } }
					>
						{ running
							? __( 'Syncing…', 'igny8' )
							: __( 'Sync now', 'igny8' ) }
					</Button>
				) : (
					<p className="description">
						{ __(
							'Only administrators can start a sync.',
							'igny8'
						) }
					</p>
				) }
			</CardBody>
		</Card>
	);
}

function CloudFacts( { status }: { status: SiteSyncStatus } ) {
	const sync = status.last_full_sync;
	return (
		<dl className="igny8-sync-facts">
			<dt>{ __( 'Last full sync', 'igny8' ) }</dt>
			<dd data-testid="igny8-sync-last">
				{ sync ? <FullSync sync={ sync } /> : __( 'Never', 'igny8' ) }
			</dd>
			<dt>{ __( 'Posts mirrored', 'igny8' ) }</dt>
			<dd data-testid="igny8-sync-mirrored">
				{ count( status.posts_mirrored ) }
			</dd>
			<dt>{ __( 'Last event received', 'igny8' ) }</dt>
			<dd data-testid="igny8-sync-last-event">
				{ formatTimestamp( status.last_event_at ) ??
					__( 'None yet', 'igny8' ) }
			</dd>
			<dt>{ __( 'Publishing', 'igny8' ) }</dt>
			<dd data-testid="igny8-sync-publishing">
				{ sprintf(
					/* translators: 1: publishes waiting, 2: publishes failed, 3: conflicts */
					__(
						'%1$s waiting · %2$s failed · %3$s in conflict',
						'igny8'
					),
					count( status.publishing_pending ),
					count( status.publishing_failed ),
					count( status.conflicts )
				) }
				{ status.publishing_failed > 0 && (
					<>
						{ ' · ' }
						<a href={ publishingUrl( { status: 'failed' } ) }>
							{ __( 'See the failed ones', 'igny8' ) }
						</a>
					</>
				) }
			</dd>
		</dl>
	);
}

function FullSync( { sync }: { sync: SiteSync } ) {
	const running = isSyncRunning( sync );
	const percent = syncPercent( sync );
	return (
		<>
			<span className={ `igny8-status is-sync-${ sync.state }` }>
				{ anySiteSyncState( sync.state ) }
			</span>{ ' ' }
			{ running ? (
				<span className="igny8-sync-progress">
					<progress
						max={ 100 }
						value={ percent }
						aria-label={ __( 'Full sync', 'igny8' ) }
					/>{ ' ' }
					{ sprintf(
						/* translators: %d: percentage */
						__( '%d%%', 'igny8' ),
						percent
					) }
					{ sync.total_pages !== null &&
						` · ${ sprintf(
							/* translators: 1: pages read, 2: pages in all */
							__( 'page %1$d of %2$d', 'igny8' ),
							sync.pages_done,
							sync.total_pages
						) }` }
				</span>
			) : (
				sprintf(
					/* translators: 1: date and time, 2: number of posts */
					_n(
						'%1$s · %2$s post read',
						'%1$s · %2$s posts read',
						sync.posts_seen,
						'igny8'
					),
					formatTimestamp( sync.finished_at ?? sync.started_at ) ??
						'—',
					count( sync.posts_seen )
				)
			) }
			{ sync.error && (
				<span
					className="igny8-publish-error"
					style={ { display: 'block', marginTop: 4 } }
				>
					{ sync.error }
				</span>
			) }
		</>
	);
}

function OutboxFacts( {
	outbox,
	loading,
	error,
}: {
	outbox: OutboxStatus | null;
	loading: boolean;
	error: ErrorInfo | null;
} ) {
	let value;
	if ( error ) {
		value = error.message;
	} else if ( ! outbox ) {
		value = loading ? (
			<Spinner />
		) : (
			__( 'Not reported by the plugin.', 'igny8' )
		);
	} else {
		const oldest = formatTimestamp( outbox.oldest_pending_at );
		const delivered = formatTimestamp( outbox.last_delivery_at );
		value = (
			<>
				{ sprintf(
					/* translators: 1: events waiting, 2: events that gave up */
					__( '%1$s waiting · %2$s failed', 'igny8' ),
					count( outbox.pending ),
					count( outbox.failed )
				) }
				{ oldest &&
					` · ${ sprintf(
						/* translators: %s: date and time */
						__( 'oldest waiting since %s', 'igny8' ),
						oldest
					) }` }
				{ delivered &&
					` · ${ sprintf(
						/* translators: %s: date and time */
						__( 'last sent %s', 'igny8' ),
						delivered
					) }` }
				{ outbox.last_error && (
					<span className="igny8-publish-error igny8-block">
						{ sprintf(
							/* translators: %s: why the last delivery failed */
							__( 'Last delivery failed: %s', 'igny8' ),
							outbox.last_error
						) }
					</span>
				) }
			</>
		);
	}
	return (
		<dl className="igny8-sync-facts">
			<dt>{ __( 'Outbox (changes to send)', 'igny8' ) }</dt>
			<dd data-testid="igny8-outbox">{ value }</dd>
		</dl>
	);
}
