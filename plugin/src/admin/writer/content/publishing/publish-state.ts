// What publishing a piece may do now, from its status and sync state (pure; see test/publish-state.test.ts).
import type { ContentSummary } from '../../../../api/writer';

type Piece = Pick<
	ContentSummary,
	'status' | 'sync_state' | 'external_id' | 'external_url' | 'wp_status'
>;

/** Why a piece cannot be published or updated now; null when it can. */
export type PublishBlock = 'not-approved' | 'pending' | 'conflict' | null;

export function publishBlock( piece: Piece ): PublishBlock {
	if ( piece.status !== 'approved' && piece.status !== 'published' ) {
		return 'not-approved';
	}
	if ( piece.sync_state === 'pending' ) {
		return 'pending';
	}
	if ( piece.sync_state === 'conflict' ) {
		return 'conflict';
	}
	return null;
}

export function canPublish( piece: Piece ): boolean {
	return publishBlock( piece ) === null;
}

/**
 * The post's links as far as they lead somewhere: no editor for a post in the trash or gone, no view of a
 * post that is gone.
 *
 * @param piece The content.
 */
export function postLinksOf( piece: Piece ): {
	postId: number | null;
	url: string | null;
} {
	if ( piece.external_id === null || piece.wp_status === null ) {
		return { postId: null, url: null };
	}
	return {
		postId: piece.wp_status === 'trash' ? null : piece.external_id,
		url: piece.wp_status === 'trash' ? null : piece.external_url,
	};
}
