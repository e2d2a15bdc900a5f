// Loads something from the cloud for a screen that keeps it to itself (a settings tab, the credits page).
import { useCallback, useEffect, useRef, useState } from '@wordpress/element';
import { toErrorInfo, type ErrorInfo } from '../../api/errors';

export interface CloudData< T > {
	data: T | null;
	error: ErrorInfo | null;
	loading: boolean;
	/** Loads again (after a change, or Retry). */
	reload: () => void;
	/** Replaces what is shown without asking the cloud (with what a change answered). */
	setData: ( update: ( current: T | null ) => T | null ) => void;
}

/**
 * Runs `load` on mount and whenever `deps` change; an answer to an older load is dropped.
 *
 * @param load Fetches the data.
 * @param deps Values that call for a new load when they change.
 */
export function useCloudData< T >(
	load: () => Promise< T >,
	deps: readonly unknown[]
): CloudData< T > {
	const [ data, setState ] = useState< T | null >( null );
	const [ error, setError ] = useState< ErrorInfo | null >( null );
	const [ loading, setLoading ] = useState( true );
	const [ version, setVersion ] = useState( 0 );
	const latest = useRef( 0 );
	const loader = useRef( load );
	loader.current = load;

	useEffect( () => {
		const request = ++latest.current;
		setLoading( true );
		setError( null );
		loader.current().then(
			( value ) => {
				if ( request === latest.current ) {
					setState( () => value );
					setLoading( false );
				}
			},
			( failure: unknown ) => {
				if ( request === latest.current ) {
					setError( toErrorInfo( failure ) );
					setLoading( false );
				}
			}
		);
		// eslint-disable-next-line react-hooks/exhaustive-deps
	}, [ ...deps, version ] );

	const reload = useCallback( () => setVersion( ( v ) => v + 1 ), [] );
	const setData = useCallback(
		( update: ( current: T | null ) => T | null ) => setState( update ),
		[]
	);
	return { data, error, loading, reload, setData };
}
