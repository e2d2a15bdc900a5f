// Something shown is still changing in the background (a publish on its way, a sync running): look again,
// quietly, every few seconds while it is.
import { useEffect, useRef } from '@wordpress/element';

/**
 * Calls `refresh` every `delay` ms (after the previous call settled) for as long as `active` holds.
 *
 * @param active  Whether to keep looking.
 * @param refresh Loads again; a failure is ignored (the next look tries again).
 * @param delay   Milliseconds between looks.
 */
export function useRefreshWhile(
	active: boolean,
	refresh: () => Promise< unknown > | void,
	delay = 3_000
): void {
	const latest = useRef( refresh );
	latest.current = refresh;
	useEffect( () => {
		if ( ! active ) {
			return undefined;
		}
		let live = true;
		let timer = 0;
		const tick = async () => {
			try {
				await latest.current();
			} catch {
				// The next look tries again.
			}
			if ( live ) {
				timer = window.setTimeout( tick, delay );
			}
		};
		timer = window.setTimeout( tick, delay );
		return () => {
			live = false;
			window.clearTimeout( timer );
		};
	}, [ active, delay ] );
}
