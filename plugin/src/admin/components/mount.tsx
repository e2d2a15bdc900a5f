// Mounts one wp-admin page's app into its root div, with api-fetch pointed at this site's REST API.
import domReady from '@wordpress/dom-ready';
import * as element from '@wordpress/element';
import type { ReactElement } from 'react';
import {
	configureApiFetch,
	readInitialState,
	type InitialState,
} from '../../api/wp';

export function mountPage(
	rootId: string,
	render: ( initial: InitialState ) => ReactElement
): void {
	domReady( () => {
		const container = document.getElementById( rootId );
		if ( ! container ) {
			return;
		}
		const initial = readInitialState();
		configureApiFetch( initial );
		const page = render( initial );
		// createRoot came with WordPress 6.2; keep the legacy render for anything older that loads us.
		if ( typeof element.createRoot === 'function' ) {
			element.createRoot( container ).render( page );
		} else {
			element.render( page, container );
		}
	} );
}
