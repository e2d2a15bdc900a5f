// The review screen's WordPress section: where the post stands (its status there, when both sides last
// agreed, links to it), publishing or updating it, the latest publish as it goes, and a conflict to resolve.
import { Button, Notice } from '@wordpress/components';
import { useEffect, useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';
import { itemsOf } from '../../../../api/cloud';
import {
	publishingApi,
	type PublishingRecord,
} from '../../../../api/publishing';
import type { Content } from '../../../../api/writer';
import ErrorNotice from '../../../components/ErrorNotice';
import { useCloudData } from '../../../components/useCloudData';
import { useOperation } from '../../../components/useOperation';
import { anyWpStatus } from '../../../publishing/common/labels';
import { publishingUrl } from '../../../publishing/common/links';
import PostLinks from '../../../publishing/common/PostLinks';
import RecordProgress from '../../../publishing/common/RecordProgress';
import { isFinished } from '../../../publishing/common/record';
import SyncBadge from '../../../publishing/common/SyncBadge';
import { useFollowedRecord } from '../../../publishing/common/useFollowedRecord';
import { formatTimestamp } from '../../../settings/format';
import CompareDialog from './CompareDialog';
import PublishDialog from './PublishDialog';
import { postLinksOf, publishBlock } from './publish-state';

interface Props {
	content: Content;
	readOnly: boolean;
	/** Loads the content again (its sync state, WordPress status and links changed). */
	onChanged: () => void;
	/** The content as resolving a conflict left it. */
	onResolved: ( content: Content ) => void;
}

export default function WordPressPanel( {
	content,
	readOnly,
	onChanged,
	onResolved,
}: Props ) {
	const [ dialog, setDialog ] = useState< 'publish' | 'compare' | null >(
		null
	);
	const retry = useOperation();
	const followed = useFollowedRecord( () => onChanged() );
	// Shown once seen running here, or when the latest one did not get through.
	const [ watched, setWatched ] = useState( false );

	// The latest publish of this piece: followed when it is still on its way.
	const latest = useCloudData(
		async () =>
			itemsOf< PublishingRecord >(
				await publishingApi.listRecords( {
					site_id: content.site_id,
					content_id: content.id,
					ordering: '-created_at',
					page_size: 1,
				} )
			)[ 0 ] ?? null,
		[ content.id, content.site_id, content.sync_state ]
	);
	const { follow } = followed;
	const found = latest.data;
	useEffect( () => {
		if ( found && ! isFinished( found ) ) {
			setWatched( true );
		}
		follow( found ?? null );
	}, [ found, follow ] );

	const started = ( record: PublishingRecord ) => {
		setWatched( true );
		follow( record );
		onChanged();
	};

	/**
	 * A dialog started a publish (followed here too), or saw one end.
	 *
	 * @param next The record.
	 */
	const changed = ( next: PublishingRecord ) => {
		if ( isFinished( next ) ) {
			onChanged();
		} else {
			started( next );
		}
	};

	const block = publishBlock( content );
	const isPublished = content.status === 'published';
	const record = followed.record;
	const showRecord =
		record !== null &&
		( watched || record.status === 'failed' || ! isFinished( record ) );

	let refusal: string | null = null;
	if ( readOnly ) {
		refusal = __(
			'Your role may read this content but not publish it.',
			'igny8'
		);
	} else if ( block === 'not-approved' ) {
		refusal = __( 'Approve the content to publish it.', 'igny8' );
	} else if ( block === 'pending' ) {
		refusal = __( 'A publish is on its way.', 'igny8' );
	} else if ( block === 'conflict' ) {
		refusal = __( 'Resolve the conflict first.', 'igny8' );
	}

	return (
		<section
			className="igny8-wordpress-panel"
			aria-labelledby="igny8-wordpress-panel-title"
		>
			<h3 id="igny8-wordpress-panel-title">
				{ __( 'WordPress', 'igny8' ) }
			</h3>
			{ content.sync_state === 'conflict' && (
				<Notice
					status="warning"
					isDismissible={ false }
					actions={ [
						{
							label: __( 'Compare versions', 'igny8' ),
							onClick: () => setDialog( 'compare' ),
							variant: 'primary',
						},
					] }
				>
					<span data-testid="igny8-conflict-notice">
						{ __(
							'This post was changed in WordPress and here since they last agreed. Compare the two versions and keep one.',
							'igny8'
						) }
					</span>
				</Notice>
			) }
			<p className="igny8-wordpress-facts">
				<SyncBadge state={ content.sync_state } />{ ' ' }
				<span data-testid="igny8-wp-status">
					{ isPublished || content.external_id !== null
						? ( content.wp_status &&
								anyWpStatus( content.wp_status ) ) ||
							__( 'Not in WordPress', 'igny8' )
						: __( 'Not published yet.', 'igny8' ) }
				</span>
				{ content.last_synced_at && (
					<>
						{ ' · ' }
						{ sprintf(
							/* translators: %s: date and time */
							__( 'Last synced %s', 'igny8' ),
							formatTimestamp( content.last_synced_at ) ?? '—'
						) }
					</>
				) }
				{ postLinksOf( content ).postId !== null && (
					<>
						{ ' · ' }
						<PostLinks { ...postLinksOf( content ) } />
					</>
				) }
			</p>
			<div className="igny8-wordpress-actions">
				<Button
					variant={ isPublished ? 'secondary' : 'primary' }
					disabled={ refusal !== null }
					title={ refusal ?? undefined }
					aria-describedby="igny8-publish-note"
					onClick={ () => setDialog( 'publish' ) }
				>
					{ isPublished
						? __( 'Update in WordPress', 'igny8' )
						: __( 'Publish', 'igny8' ) }
				</Button>
				<span className="igny8-price" id="igny8-publish-note">
					{ refusal ??
						( isPublished
							? __( 'Sends this version to the post.', 'igny8' )
							: __(
									'Makes a WordPress post of it, with its images in the media library.',
									'igny8'
								) ) }
				</span>
				<a href={ publishingUrl() }>
					{ __( 'Publishing log', 'igny8' ) }
				</a>
			</div>
			<ErrorNotice error={ latest.error } />
			<ErrorNotice error={ retry.error } onRemove={ retry.clearError } />
			{ showRecord && record && (
				<RecordProgress
					record={ record }
					error={ followed.error }
					links={ false }
					retrying={ retry.busy }
					onRetry={
						readOnly
							? undefined
							: async () => {
									const next = await retry.run( () =>
										publishingApi.retryRecord( record.id )
									);
									if ( next ) {
										started( next );
									}
								}
					}
				/>
			) }
			{ dialog === 'publish' && (
				<PublishDialog
					content={ content }
					onClose={ () => setDialog( null ) }
					onChanged={ changed }
				/>
			) }
			{ dialog === 'compare' && (
				<CompareDialog
					contentId={ content.id }
					readOnly={ readOnly }
					onClose={ () => setDialog( null ) }
					onKeptWordPress={ onResolved }
					onChanged={ changed }
				/>
			) }
		</section>
	);
}
