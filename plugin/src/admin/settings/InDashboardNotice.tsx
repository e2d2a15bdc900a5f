// Says that what a tab shows belongs to the whole IGNY8 account and is changed in the IGNY8 dashboard,
// with a link there (the Settings tabs; the Credits page for the ledger).
import { Notice } from '@wordpress/components';
import { __ } from '@wordpress/i18n';
import type { ReactNode } from 'react';
import { dashboardUrl } from './dashboard';

interface Props {
	cloudUrl: string;
	children: ReactNode;
	testId?: string;
}

export default function InDashboardNotice( {
	cloudUrl,
	children,
	testId,
}: Props ) {
	const href = dashboardUrl( cloudUrl );
	return (
		<Notice
			status="info"
			isDismissible={ false }
			className="igny8-in-dashboard"
		>
			<p style={ { margin: 0 } } data-testid={ testId }>
				{ children }
				{ href && (
					<>
						{ ' ' }
						<a
							href={ href }
							target="_blank"
							rel="noreferrer"
							data-testid="igny8-dashboard-link"
						>
							{ __( 'Open the IGNY8 dashboard', 'igny8' ) }
						</a>
					</>
				) }
			</p>
		</Notice>
	);
}
