import { Notice } from '@wordpress/components';
import { __ } from '@wordpress/i18n';
import { adminPageUrl } from './url';

/**
 * What an IGNY8 page shows instead of itself while the site is not linked to the cloud.
 *
 * @param props           Component props.
 * @param props.canManage Whether this user may link the site (manage_options).
 */
export default function NotConnectedNotice( {
	canManage,
}: {
	canManage: boolean;
} ) {
	return (
		<Notice status="warning" isDismissible={ false }>
			<p style={ { margin: 0 } } data-testid="igny8-not-connected">
				{ __( 'This site is not connected to IGNY8 yet.', 'igny8' ) }{ ' ' }
				{ canManage ? (
					<a href={ adminPageUrl( 'igny8-settings' ) }>
						{ __( 'Connect it in IGNY8 → Settings.', 'igny8' ) }
					</a>
				) : (
					__(
						'Ask an administrator to connect it in IGNY8 → Settings.',
						'igny8'
					)
				) }
			</p>
		</Notice>
	);
}
