import { Notice } from '@wordpress/components';
import { __ } from '@wordpress/i18n';
import type { ErrorInfo } from '../../api/errors';
import ErrorNotice from './ErrorNotice';

interface Props {
	error: ErrorInfo | null;
	/** What a user whose role may not see this reads instead of the refusal. */
	refused: string;
	onRetry?: () => void;
}

/**
 * A failed load as a notice; a 403 (the user's cloud role may not see this) as a plain explanation.
 *
 * @param props         Component props.
 * @param props.error   The failure to show.
 * @param props.refused What to say instead when the user's role may not see this.
 * @param props.onRetry Loads again.
 */
export default function RoleNotice( { error, refused, onRetry }: Props ) {
	if ( ! error ) {
		return null;
	}
	if ( error.status === 403 ) {
		return (
			<Notice status="info" isDismissible={ false }>
				<span data-testid="igny8-role-refused">{ refused }</span>
			</Notice>
		);
	}
	return (
		<ErrorNotice
			error={ error }
			actions={
				onRetry
					? [ { label: __( 'Retry', 'igny8' ), onClick: onRetry } ]
					: undefined
			}
		/>
	);
}
