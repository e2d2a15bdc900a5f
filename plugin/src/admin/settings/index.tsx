// Entry of IGNY8 → Settings: wires api-fetch from the inlined state and mounts the tabbed page.
import { dispatch } from '@wordpress/data';
import { statusFromInitialState } from '../../api/wp';
import { store as connectionStore } from '../../store/connection';
import { mountPage } from '../components/mount';
import SettingsPage from './SettingsPage';
import './settings.css';

mountPage( 'igny8-settings-root', ( initial ) => {
	dispatch( connectionStore ).receiveStatus(
		statusFromInitialState( initial )
	);
	return (
		<SettingsPage
			canManage={ initial.user.canManage }
			defaultCloudUrl={ initial.cloudUrl }
		/>
	);
} );
