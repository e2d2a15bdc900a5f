// The two ways to a published post: its block editor in this wp-admin, and the post as readers see it.
import { __ } from '@wordpress/i18n';
import { wpEditUrl } from './links';

interface Props {
	postId: number | null;
	url: string | null;
	/** Between the links, e.g. " | " in a row's actions. */
	separator?: string;
}

export default function PostLinks( { postId, url, separator = ' · ' }: Props ) {
	if ( postId === null && ! url ) {
		return null;
	}
	return (
		<span className="igny8-post-links">
			{ postId !== null && (
				<a href={ wpEditUrl( postId ) }>
					{ __( 'Edit in WordPress', 'igny8' ) }
				</a>
			) }
			{ postId !== null && url && separator }
			{ url && (
				<a href={ url } target="_blank" rel="noreferrer">
					{ __( 'View post', 'igny8' ) }
					<span className="screen-reader-text">
						{ __( '(opens in a new tab)', 'igny8' ) }
					</span>
				</a>
			) }
		</span>
	);
}
