// Settings → Connection: link this site to the IGNY8 cloud, test the link, or unlink it.
import {
	Card,
	CardBody,
	CardHeader,
	Notice,
	Spinner,
} from '@wordpress/components';
import { useSelect } from '@wordpress/data';
import { __ } from '@wordpress/i18n';
import { store as connectionStore } from '../../store/connection';
import ConnectForm from './ConnectForm';
import ConnectedPanel from './ConnectedPanel';
import SyncPanel from './sync/SyncPanel';

interface Props {
	canManage: boolean;
	defaultCloudUrl: string;
}

export default function ConnectionPage( {
	canManage,
	defaultCloudUrl,
}: Props ) {
	const { status, statusError, lastDisconnect } = useSelect( ( select ) => {
		const connection = select( connectionStore );
		return {
			status: connection.getStatus(),
			statusError: connection.getLastError( 'status' ),
			lastDisconnect: connection.getLastDisconnect(),
		};
	}, [] );

	let body;
	if ( ! status ) {
		body = statusError ? (
			<Notice status="error" isDismissible={ false }>
				{ statusError.message }
			</Notice>
		) : (
			<Spinner />
		);
	} else if ( status.connected ) {
		body = <ConnectedPanel status={ status } canManage={ canManage } />;
	} else if ( canManage ) {
		body = (
			<ConnectForm
				defaultCloudUrl={ status.cloud_url || defaultCloudUrl }
			/>
		);
	} else {
		body = (
			<p>
				{ __(
					'This site is not linked to IGNY8 yet. Ask an administrator to link it.',
					'igny8'
				) }
			</p>
		);
	}

	return (
		<>
			{ lastDisconnect && ! status?.connected && (
				<Notice
					status={
						lastDisconnect.cloud_cleared ? 'success' : 'warning'
					}
					isDismissible={ false }
				>
					{ lastDisconnect.cloud_cleared
						? __( 'The site was unlinked from IGNY8.', 'igny8' )
						: __(
								'The site was unlinked here, but the IGNY8 cloud could not be told. ' +
									'Remove the site in the IGNY8 dashboard too.',
								'igny8'
							) }
				</Notice>
			) }
			<Card style={ { maxWidth: 720, marginTop: 16 } }>
				<CardHeader>
					<h2 style={ { margin: 0 } }>
						{ __( 'Connection', 'igny8' ) }
					</h2>
				</CardHeader>
				<CardBody>{ body }</CardBody>
			</Card>
			{ status?.connected && status.site_id !== null && (
				<SyncPanel siteId={ status.site_id } canManage={ canManage } />
			) }
		</>
	);
}
