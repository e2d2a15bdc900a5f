// Why an AI job did not start, with the way out: the Credits page, or the AI providers of the IGNY8 dashboard
// (providers belong to the whole account; Settings → AI providers links there).
import { Notice } from '@wordpress/components';
import { __, sprintf } from '@wordpress/i18n';
import type { ErrorInfo } from '../../api/errors';
import ErrorNotice from './ErrorNotice';
import { startProblem } from './job/format';
import { adminPageUrl } from './url';

interface Props {
	error: ErrorInfo;
	onDismiss?: () => void;
	/** Whether the user may open Settings (the page's `canManage`). */
	canManage?: boolean;
}

export default function JobStartError( {
	error,
	onDismiss,
	canManage = window.igny8Initial?.user.canManage ?? false,
}: Props ) {
	const problem = startProblem( error );
	if ( problem.kind === 'other' ) {
		return <ErrorNotice error={ error } onRemove={ onDismiss } />;
	}
	if ( problem.kind === 'credits' ) {
		return (
			<Notice
				status="warning"
				isDismissible={ Boolean( onDismiss ) }
				onRemove={ onDismiss }
			>
				<p
					style={ { margin: 0 } }
					data-testid="igny8-job-start-error"
					data-reason="insufficient_credits"
				>
					{ problem.cost !== null && problem.balance !== null
						? sprintf(
								/* translators: 1: credits the job costs, 2: credits the account has */
								__(
									'This needs %1$s credits; you have %2$s.',
									'igny8'
								),
								problem.cost.toLocaleString(),
								problem.balance.toLocaleString()
							)
						: error.message }{ ' ' }
					<a href={ adminPageUrl( 'igny8-credits' ) }>
						{ __( 'See your credits', 'igny8' ) }
					</a>
				</p>
			</Notice>
		);
	}
	return (
		<Notice
			status="warning"
			isDismissible={ Boolean( onDismiss ) }
			onRemove={ onDismiss }
		>
			<p
				style={ { margin: 0 } }
				data-testid="igny8-job-start-error"
				data-reason="provider_not_configured"
			>
				{ __(
					'No AI provider is configured yet, so nothing was started or charged.',
					'igny8'
				) }{ ' ' }
				{ canManage ? (
					<a
						href={ adminPageUrl( 'igny8-settings', {
							tab: 'ai-providers',
						} ) }
					>
						{ __(
							'Set one up in the IGNY8 dashboard (Settings → AI providers shows the way).',
							'igny8'
						) }
					</a>
				) : (
					__(
						'Ask the IGNY8 account owner to set one up in the IGNY8 dashboard.',
						'igny8'
					)
				) }
			</p>
		</Notice>
	);
}
