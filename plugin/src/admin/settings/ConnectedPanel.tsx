import { Button, Flex, FlexItem, Notice, Spinner } from '@wordpress/components';
import { useDispatch, useSelect } from '@wordpress/data';
import { __, sprintf } from '@wordpress/i18n';
import type { ConnectionStatus } from '../../api/wp';
import { store as connectionStore } from '../../store/connection';
import ConnectedBadge from './ConnectedBadge';
import ConnectionDetails from './ConnectionDetails';
import DisconnectButton from './DisconnectButton';
import TestResult from './TestResult';

interface Props {
	status: ConnectionStatus;
	canManage: boolean;
}

export default function ConnectedPanel( { status, canManage }: Props ) {
	const { cloud, cloudError, loadingCloud, testing, lastTest, error } =
		useSelect( ( select ) => {
			const connection = select( connectionStore );
			const lastError = connection.getLastError();
			return {
				cloud: connection.getCloudDetails(),
				cloudError: connection.getCloudError(),
				loadingCloud: connection.isBusy( 'cloud' ),
				testing: connection.isBusy( 'test' ),
				lastTest: connection.getLastTestResult(),
				// Failures of a background status refresh are not worth a notice while the page has a status.
				error: lastError?.operation === 'status' ? null : lastError,
			};
		}, [] );
	const { testConnection, loadCloudDetails, clearError } =
		useDispatch( connectionStore );

	return (
		<>
			<Flex justify="flex-start" gap={ 3 } style={ { marginBottom: 16 } }>
				<FlexItem>
					<ConnectedBadge />
				</FlexItem>
				<FlexItem>
					{ sprintf(
						/* translators: %s: the IGNY8 cloud's URL */
						__( 'Connected to %s', 'igny8' ),
						status.cloud_url
					) }
				</FlexItem>
				{ loadingCloud && (
					<FlexItem>
						<Spinner />
					</FlexItem>
				) }
			</Flex>

			{ cloudError && (
				<Notice
					status="warning"
					isDismissible={ false }
					actions={ [
						{
							label: __( 'Retry', 'igny8' ),
							onClick: () => void loadCloudDetails(),
						},
					] }
				>
					{ sprintf(
						/* translators: %s: the reason */
						__(
							'Details from the IGNY8 cloud could not be loaded; showing what this site remembers. %s',
							'igny8'
						),
						cloudError.message
					) }
				</Notice>
			) }

			{ error && (
				<Notice status="error" onRemove={ () => clearError() }>
					{ error.message }
				</Notice>
			) }

			<div style={ { marginTop: 16 } }>
				<ConnectionDetails status={ status } cloud={ cloud } />
			</div>

			{ lastTest && <TestResult result={ lastTest } /> }

			{ canManage ? (
				<Flex
					justify="flex-start"
					gap={ 2 }
					style={ { marginTop: 16 } }
				>
					<FlexItem>
						<Button
							variant="secondary"
							isBusy={ testing }
							disabled={ testing }
							onClick={ () => void testConnection() }
						>
							{ __( 'Test connection', 'igny8' ) }
						</Button>
					</FlexItem>
					<FlexItem>
						<DisconnectButton />
					</FlexItem>
				</Flex>
			) : (
				<p className="description">
					{ __(
						'Only administrators can change the connection.',
						'igny8'
					) }
				</p>
			) }
		</>
	);
}
