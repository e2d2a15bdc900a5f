// The product's words for the Writer's statuses and image kinds, translated when shown.
import { __ } from '@wordpress/i18n';
import { CONTENT_STATUSES, IMAGE_KINDS, IMAGE_STATUSES } from './constants';

export type ContentStatus = ( typeof CONTENT_STATUSES )[ number ];
export type ImageKind = ( typeof IMAGE_KINDS )[ number ];
export type ImageStatus = ( typeof IMAGE_STATUSES )[ number ];

export function contentStatusLabel( status: ContentStatus ): string {
	switch ( status ) {
		case 'draft':
			return __( 'Draft', 'igny8' );
		case 'review':
			return __( 'In review', 'igny8' );
		case 'approved':
			return __( 'Approved', 'igny8' );
		case 'published':
			return __( 'Published', 'igny8' );
	}
}

export function imageKindLabel( kind: ImageKind ): string {
	return kind === 'featured'
		? __( 'Featured image', 'igny8' )
		: __( 'In-article image', 'igny8' );
}

export function imageStatusLabel( status: ImageStatus ): string {
	switch ( status ) {
		case 'pending':
			return __( 'Not generated yet', 'igny8' );
		case 'generating':
			return __( 'Generating', 'igny8' );
		case 'generated':
			return __( 'Generated', 'igny8' );
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

export const anyContentStatus = labelOr( CONTENT_STATUSES, contentStatusLabel );
export const anyImageKind = labelOr( IMAGE_KINDS, imageKindLabel );
export const anyImageStatus = labelOr( IMAGE_STATUSES, imageStatusLabel );
