// Entry of IGNY8 → Settings: wires api-fetch from the inlined state and mounts the page.
import { dispatch } from '@wordpress/data';
import domReady from '@wordpress/dom-ready';
import * as element from '@wordpress/element';
import { configureApiFetch, readInitialState, statusFromInitialState } from '../../api/wp';
import { store as connectionStore } from '../../store/connection';
import ConnectionPage from './ConnectionPage';

domReady( () => {
	const container = document.getElementById( 'igny8-settings-root' );
	if ( ! container ) {
		return;
	}
	const initial = readInitialState();
	configureApiFetch( initial );
	dispatch( connectionStore ).receiveStatus( statusFromInitialState( initial ) );

	const page = <ConnectionPage canManage={ initial.user.canManage } defaultCloudUrl={ initial.cloudUrl } />;
	// createRoot came with WordPress 6.2; keep the legacy render for anything older that loads us.
	if ( typeof element.createRoot === 'function' ) {
		element.createRoot( container ).render( page );
	} else {
		element.render( page, container );
	}
} );
