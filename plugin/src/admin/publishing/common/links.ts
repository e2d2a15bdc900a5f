// Links to WordPress's own screens for a post, and to the Publishing log.
import { adminPageUrl } from '../../components/url';

export const PUBLISHING_PAGE = 'igny8-publishing';

/**
 * The block editor of a post, relative to wp-admin like WordPress's own links.
 *
 * @param postId The WordPress post id.
 */
export function wpEditUrl( postId: number ): string {
	return `post.php?post=${ postId }&action=edit`;
}

/**
 * The Publishing log, filtered when given.
 *
 * @param params Filters, e.g. `{ status: 'failed' }`.
 */
export function publishingUrl(
	params: Record< string, string | number | null | undefined > = {}
): string {
	return adminPageUrl( PUBLISHING_PAGE, params );
}
