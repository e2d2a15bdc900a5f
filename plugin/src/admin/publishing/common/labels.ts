// The product's words for publishing: a content's sync state, a record's status and action, a post's status
// in WordPress, a full sync's state; translated when shown.
import { __ } from '@wordpress/i18n';
import {
	CONTENT_SYNC_STATES,
	PUBLISHING_ACTIONS,
	PUBLISHING_RECORD_STATUSES,
	SITE_SYNC_STATES,
	WP_POST_STATUSES,
} from './constants';

export type ContentSyncState = ( typeof CONTENT_SYNC_STATES )[ number ];
export type RecordStatus = ( typeof PUBLISHING_RECORD_STATUSES )[ number ];
export type PublishingAction = ( typeof PUBLISHING_ACTIONS )[ number ];
export type WpPostStatus = ( typeof WP_POST_STATUSES )[ number ];
export type SiteSyncState = ( typeof SITE_SYNC_STATES )[ number ];

/**
 * The badge of a content's sync state; "none" (never published) reads as such in filters.
 *
 * @param state The content's sync state.
 */
export function syncStateLabel( state: ContentSyncState ): string {
	switch ( state ) {
		case 'none':
			return __( 'Not published', 'igny8' );
		case 'pending':
			return __( 'Publishing…', 'igny8' );
		case 'synced':
			return __( 'Synced', 'igny8' );
		case 'failed':
			return __( 'Failed', 'igny8' );
		case 'conflict':
			return __( 'Conflict', 'igny8' );
	}
}

export function recordStatusLabel( status: RecordStatus ): string {
	switch ( status ) {
		case 'queued':
			return __( 'Queued', 'igny8' );
		case 'publishing':
			return __( 'Publishing…', 'igny8' );
		case 'published':
			return __( 'Published', 'igny8' );
		case 'failed':
			return __( 'Failed', 'igny8' );
		case 'conflict':
			return __( 'Conflict', 'igny8' );
	}
}

export function actionLabel( action: PublishingAction ): string {
	return action === 'publish'
		? __( 'Publish', 'igny8' )
		: __( 'Update', 'igny8' );
}

/**
 * Where the post stands in WordPress, as a fragment a badge or a fact can show.
 *
 * @param status The post's status in WordPress.
 */
export function wpStatusLabel( status: WpPostStatus ): string {
	switch ( status ) {
		case 'publish':
			return __( 'Published in WordPress', 'igny8' );
		case 'future':
			return __( 'Scheduled in WordPress', 'igny8' );
		case 'draft':
			return __( 'Draft in WordPress', 'igny8' );
		case 'pending':
			return __( 'Pending review in WordPress', 'igny8' );
		case 'private':
			return __( 'Private in WordPress', 'igny8' );
		case 'trash':
			return __( 'In the trash', 'igny8' );
	}
}

export function siteSyncStateLabel( state: SiteSyncState ): string {
	switch ( state ) {
		case 'queued':
			return __( 'Waiting to start', 'igny8' );
		case 'running':
			return __( 'Running', 'igny8' );
		case 'succeeded':
			return __( 'Finished', 'igny8' );
		case 'failed':
			return __( 'Failed', 'igny8' );
	}
}

/**
 * A value the cloud may add later still shows, as it was sent.
 *
 * @param known The values this plugin has labels for.
 * @param label The label of a known value.
 */
function labelOr< T extends string >(
	known: readonly T[],
	label: ( value: T ) => string
) {
	return ( value: string ): string =>
		known.includes( value as T ) ? label( value as T ) : value;
}

export const anySyncState = labelOr( CONTENT_SYNC_STATES, syncStateLabel );
export const anyRecordStatus = labelOr(
	PUBLISHING_RECORD_STATUSES,
	recordStatusLabel
);
export const anyAction = labelOr( PUBLISHING_ACTIONS, actionLabel );
export const anyWpStatus = labelOr( WP_POST_STATUSES, wpStatusLabel );
export const anySiteSyncState = labelOr( SITE_SYNC_STATES, siteSyncStateLabel );
