// The product's words for each status, intent and content type, translated when shown.
import { __ } from '@wordpress/i18n';
import {
	CLUSTER_STATUSES,
	IDEA_STATUSES,
	KEYWORD_STATUSES,
	TASK_STATUSES,
} from '../../../store/planner/constants';
import type {
	ClusterStatus,
	ContentType,
	IdeaStatus,
	KeywordIntent,
	KeywordStatus,
} from '../../../store/planner/types';

type TaskStatus = ( typeof TASK_STATUSES )[ number ];

export function keywordStatusLabel( status: KeywordStatus ): string {
	switch ( status ) {
		case 'active':
			return __( 'Active', 'igny8' );
		case 'inactive':
			return __( 'Inactive', 'igny8' );
		case 'used':
			return __( 'Used', 'igny8' );
	}
}

export function intentLabel( intent: KeywordIntent ): string {
	switch ( intent ) {
		case 'informational':
			return __( 'Informational', 'igny8' );
		case 'commercial':
			return __( 'Commercial', 'igny8' );
		case 'transactional':
			return __( 'Transactional', 'igny8' );
		case 'navigational':
			return __( 'Navigational', 'igny8' );
	}
}

export function clusterStatusLabel( status: ClusterStatus ): string {
	return status === 'archived'
		? __( 'Archived', 'igny8' )
		: __( 'Active', 'igny8' );
}

export function ideaStatusLabel( status: IdeaStatus ): string {
	switch ( status ) {
		case 'draft':
			return __( 'Draft', 'igny8' );
		case 'approved':
			return __( 'Approved', 'igny8' );
		case 'in_progress':
			return __( 'In progress', 'igny8' );
		case 'completed':
			return __( 'Completed', 'igny8' );
	}
}

export function taskStatusLabel( status: TaskStatus ): string {
	switch ( status ) {
		case 'queued':
			return __( 'Queued', 'igny8' );
		case 'generating':
			return __( 'Generating', 'igny8' );
		case 'review':
			return __( 'In review', 'igny8' );
		case 'completed':
			return __( 'Completed', 'igny8' );
		case 'failed':
			return __( 'Failed', 'igny8' );
	}
}

export function contentTypeLabel( type: ContentType ): string {
	switch ( type ) {
		case 'post':
			return __( 'Post', 'igny8' );
		case 'page':
			return __( 'Page', 'igny8' );
		case 'product':
			return __( 'Product', 'igny8' );
		case 'category':
			return __( 'Category page', 'igny8' );
		case 'guide':
			return __( 'Guide', 'igny8' );
		case 'listicle':
			return __( 'Listicle', 'igny8' );
		case 'comparison':
			return __( 'Comparison', 'igny8' );
		case 'review':
			return __( 'Review', 'igny8' );
		case 'how_to':
			return __( 'How-to', 'igny8' );
	}
}

/**
 * A status the cloud may add later still shows, as it was sent.
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

export const anyKeywordStatus = labelOr( KEYWORD_STATUSES, keywordStatusLabel );
export const anyClusterStatus = labelOr( CLUSTER_STATUSES, clusterStatusLabel );
export const anyIdeaStatus = labelOr( IDEA_STATUSES, ideaStatusLabel );
export const anyTaskStatus = labelOr( TASK_STATUSES, taskStatusLabel );

/**
 * SelectControl options: "All" first, then each value with its label.
 *
 * @param values The values, in order.
 * @param label  A value's label.
 * @param all    The label of the "All" option; none without it.
 */
export function optionsOf< T extends string >(
	values: readonly T[],
	label: ( value: T ) => string,
	all?: string
) {
	const options = values.map( ( value ) => ( {
		value: value as string,
		label: label( value ),
	} ) );
	return all === undefined
		? options
		: [ { value: '', label: all }, ...options ];
}
