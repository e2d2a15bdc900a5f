// A change the user asks for on a screen that keeps its data to itself (save, delete, test).
import { useCallback, useState } from '@wordpress/element';
import { toErrorInfo, type ErrorInfo } from '../../api/errors';

export interface Operation {
	busy: boolean;
	error: ErrorInfo | null;
	/** Runs `work`; resolves to its value, or to undefined once its failure is shown. */
	run: < R >( work: () => Promise< R > ) => Promise< R | undefined >;
	clearError: () => void;
}

/** Busy while the change runs; its last failure kept until the next attempt. */
export function useOperation(): Operation {
	const [ busy, setBusy ] = useState( false );
	const [ error, setError ] = useState< ErrorInfo | null >( null );
	const run = useCallback(
		async < R >( work: () => Promise< R > ): Promise< R | undefined > => {
			setBusy( true );
			setError( null );
			try {
				const value = await work();
				setBusy( false );
				return value;
			} catch ( failure ) {
				setError( toErrorInfo( failure ) );
				setBusy( false );
				return undefined;
			}
		},
		[]
	);
	const clearError = useCallback( () => setError( null ), [] );
	return { busy, error, run, clearError };
}
