import { useDispatch, useSelect } from '@wordpress/data';
import { store as plannerStore } from '../../../store/planner';
import type { Operation } from '../../../store/planner/types';
import ErrorNotice from '../../components/ErrorNotice';

/**
 * The failure of the first of `operations` that failed last time, dismissible.
 *
 * @param props            Component props.
 * @param props.operations The operations whose failures show here.
 */
export default function OperationError( {
	operations,
}: {
	operations: readonly Operation[];
} ) {
	const key = operations.join( ',' );
	const failed = useSelect(
		( select ) =>
			operations.find( ( operation ) =>
				select( plannerStore ).getError( operation )
			) ?? null,
		// eslint-disable-next-line react-hooks/exhaustive-deps
		[ key ]
	);
	const error = useSelect(
		( select ) =>
			failed ? select( plannerStore ).getError( failed ) : null,
		[ failed ]
	);
	const { clearError } = useDispatch( plannerStore );
	return (
		<ErrorNotice
			error={ error }
			onRemove={ () => failed && clearError( failed ) }
		/>
	);
}
