import type { ReactNode } from 'react';
import { __ } from '@wordpress/i18n';
import type { ConnectionStatus } from '../../api/wp';
import type { CloudDetails } from '../../store/connection/types';
import { formatTimestamp } from './format';

interface Props {
	status: ConnectionStatus;
	cloud: CloudDetails | null;
}

const LIST_STYLE = {
	display: 'grid',
	gridTemplateColumns: 'max-content 1fr',
	gap: '8px 24px',
	margin: 0,
} as const;

const NONE = '—';

/**
 * The cloud's names when it answered; what the plugin stored at connect time otherwise.
 *
 * @param props        Component props.
 * @param props.status The connection as WordPress stored it.
 * @param props.cloud  The cloud's own details, when it answered.
 */
export default function ConnectionDetails( { status, cloud }: Props ) {
	const plan = cloud
		? ( cloud.plan?.name ?? __( 'No plan', 'igny8' ) )
		: NONE;
	const connectedSince =
		formatTimestamp( status.connected_at ) ??
		formatTimestamp( cloud?.site?.connected_at );

	return (
		<dl style={ LIST_STYLE }>
			<Row label={ __( 'Site', 'igny8' ) } testId="igny8-site-name">
				{ cloud?.site?.name ?? status.site_name ?? NONE }
			</Row>
			<Row label={ __( 'Account', 'igny8' ) } testId="igny8-account-name">
				{ cloud?.account.name ?? status.account_name ?? NONE }
			</Row>
			<Row label={ __( 'Plan', 'igny8' ) } testId="igny8-plan-name">
				{ plan }
			</Row>
			{ cloud && (
				<Row label={ __( 'Credits', 'igny8' ) } testId="igny8-credits">
					{ cloud.account.credits.toLocaleString() }
				</Row>
			) }
			<Row label={ __( 'Site ID', 'igny8' ) } testId="igny8-site-id">
				{ status.site_id ?? NONE }
			</Row>
			<Row
				label={ __( 'Connected since', 'igny8' ) }
				testId="igny8-connected-at"
			>
				{ connectedSince ?? NONE }
			</Row>
		</dl>
	);
}

function Row( {
	label,
	testId,
	children,
}: {
	label: string;
	testId: string;
	children: ReactNode;
} ) {
	return (
		<>
			<dt style={ { fontWeight: 600 } }>{ label }</dt>
			<dd style={ { margin: 0 } } data-testid={ testId }>
				{ children }
			</dd>
		</>
	);
}
