import { useDispatch, useSelect } from '@wordpress/data';
import { __ } from '@wordpress/i18n';
import { store as connectionStore } from '../../store/connection';
import ConfirmButton from '../components/ConfirmButton';

export default function DisconnectButton() {
	const busy = useSelect(
		( select ) => select( connectionStore ).isBusy( 'disconnect' ),
		[]
	);
	const { disconnect } = useDispatch( connectionStore );

	return (
		<ConfirmButton
			question={ __(
				'Disconnect this site from IGNY8? Publishing and sync stop until it is connected again.',
				'igny8'
			) }
			confirmLabel={ __( 'Disconnect', 'igny8' ) }
			onConfirm={ () => void disconnect() }
			variant="tertiary"
			isDestructive
			isBusy={ busy }
		>
			{ __( 'Disconnect', 'igny8' ) }
		</ConfirmButton>
	);
}
