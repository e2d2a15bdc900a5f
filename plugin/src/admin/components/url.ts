// wp-admin page links, and the current page's own query parameters as navigable state.
import { useEffect, useState } from '@wordpress/element';

const CHANGE_EVENT = 'igny8:navigate';

/** The menu slugs of the Writer's pages (plugin/php/class-admin.php, app_pages()). */
export const WRITER_PAGES = {
	tasks: 'igny8-tasks',
	content: 'igny8-content',
	images: 'igny8-images',
} as const;

/**
 * `admin.php?page={page}&…`, relative to wp-admin like WordPress's own menu links.
 *
 * @param page   The admin page's slug.
 * @param params Query parameters; null and undefined ones are left out.
 */
export function adminPageUrl(
	page: string,
	params: Record< string, string | number | null | undefined > = {}
): string {
	const search = new URLSearchParams( { page } );
	for ( const [ key, value ] of Object.entries( params ) ) {
		if ( value !== null && value !== undefined && value !== '' ) {
			search.set( key, String( value ) );
		}
	}
	return `admin.php?${ search.toString() }`;
}

/**
 * Changes query parameters of this page without loading it again (null removes one).
 *
 * @param params  Parameters to set, or null to remove.
 * @param replace Replace the history entry instead of adding one.
 */
export function navigate(
	params: Record< string, string | number | null >,
	replace = false
): void {
	const url = new URL( window.location.href );
	for ( const [ key, value ] of Object.entries( params ) ) {
		if ( value === null ) {
			url.searchParams.delete( key );
		} else {
			url.searchParams.set( key, String( value ) );
		}
	}
	if ( url.href === window.location.href ) {
		return;
	}
	window.history[ replace ? 'replaceState' : 'pushState' ](
		null,
		'',
		url.href
	);
	window.dispatchEvent( new Event( CHANGE_EVENT ) );
}

function readParam( name: string ): string | null {
	return new URL( window.location.href ).searchParams.get( name );
}

/**
 * A query parameter of this page, following navigate() and the browser's back and forward buttons.
 *
 * @param name The query parameter.
 */
export function useUrlParam( name: string ): string | null {
	const [ value, setValue ] = useState( () => readParam( name ) );
	useEffect( () => {
		const update = () => setValue( readParam( name ) );
		window.addEventListener( 'popstate', update );
		window.addEventListener( CHANGE_EVENT, update );
		return () => {
			window.removeEventListener( 'popstate', update );
			window.removeEventListener( CHANGE_EVENT, update );
		};
	}, [ name ] );
	return value;
}

/**
 * Offers `blob` to the user as a downloaded file.
 *
 * @param blob     The file's content.
 * @param fileName The name the browser saves it under.
 */
export function saveBlob( blob: Blob, fileName: string ): void {
	const href = URL.createObjectURL( blob );
	const link = document.createElement( 'a' );
	link.href = href;
	link.download = fileName;
	link.style.display = 'none';
	document.body.appendChild( link );
	link.click();
	link.remove();
	// Some browsers read the object URL after click() returns.
	window.setTimeout( () => URL.revokeObjectURL( href ), 10_000 );
}
