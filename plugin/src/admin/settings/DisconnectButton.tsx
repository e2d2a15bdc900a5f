import { Button, __experimentalConfirmDialog } from '@wordpress/components';
import { useDispatch, useSelect } from '@wordpress/data';
import { useState } from '@wordpress/element';
import { __ } from '@wordpress/i18n';
import { store as connectionStore } from '../../store/connection';

// WordPress 6.5 ships the dialog as __experimentalConfirmDialog; fall back to window.confirm without it.
const ConfirmDialog: typeof __experimentalConfirmDialog | undefined = __experimentalConfirmDialog;

const QUESTION = () =>
	__( 'Disconnect this site from IGNY8? Publishing and sync stop until it is connected again.', 'igny8' );

export default function DisconnectButton() {
	const [ confirming, setConfirming ] = useState( false );
	const busy = useSelect( ( select ) => select( connectionStore ).isBusy( 'disconnect' ), [] );
	const { disconnect } = useDispatch( connectionStore );

	const onClick = () => {
		if ( ConfirmDialog ) {
			setConfirming( true );
		} else if ( window.confirm( QUESTION() ) ) {
			void disconnect();
		}
	};

	return (
		<>
			<Button variant="tertiary" isDestructive isBusy={ busy } disabled={ busy } onClick={ onClick }>
				{ __( 'Disconnect', 'igny8' ) }
			</Button>
			{ ConfirmDialog && (
				<ConfirmDialog
					isOpen={ confirming }
					confirmButtonText={ __( 'Disconnect', 'igny8' ) }
					onConfirm={ () => {
						setConfirming( false );
						void disconnect();
					} }
					onCancel={ () => setConfirming( false ) }
				>
					{ QUESTION() }
				</ConfirmDialog>
			) }
		</>
	);
}
