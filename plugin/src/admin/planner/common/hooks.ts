// Hooks that tie a Planner table to the store: its state, and its loading when the query changes.
import { useDispatch, useSelect } from '@wordpress/data';
import { useEffect, useMemo } from '@wordpress/element';
import { store as plannerStore } from '../../../store/planner';
import type { Cluster, ListName, Lists } from '../../../store/planner/types';

/**
 * The list's state; loads its page whenever the sector or the query changes.
 *
 * @param list The store's list.
 */
export function useList< L extends ListName >(
	list: L
): Lists[ L ] & { readOnly: boolean } {
	const { state, sectorId, readOnly } = useSelect(
		( select ) => {
			const planner = select( plannerStore );
			return {
				state: planner.getList( list ) as Lists[ L ],
				sectorId: planner.getSectorId(),
				readOnly: planner.isReadOnly(),
			};
		},
		[ list ]
	);
	const { fetchList } = useDispatch( plannerStore );
	useEffect( () => {
		if ( sectorId !== null ) {
			void fetchList( list );
		}
	}, [ list, sectorId, state.query, fetchList ] );
	return { ...state, readOnly };
}

/**
 * The query of `list` (filters, ordering, page), typed for that list.
 *
 * @param list The store's list.
 */
export function useListQuery< L extends ListName >(
	list: L
): Lists[ L ][ 'query' ] {
	return useSelect(
		( select ) => select( plannerStore ).getListQuery( list ),
		[ list ]
	) as Lists[ L ][ 'query' ];
}

/** Every cluster of the sector (for filters and pickers), loaded once per sector, and a name by id. */
export function useClusterOptions(): {
	clusters: Cluster[] | null;
	names: ReadonlyMap< number, string >;
} {
	const { clusters, sectorId } = useSelect( ( select ) => {
		const planner = select( plannerStore );
		return {
			clusters: planner.getClusterOptions(),
			sectorId: planner.getSectorId(),
		};
	}, [] );
	const { loadClusterOptions } = useDispatch( plannerStore );
	const missing = sectorId !== null && ! clusters;
	useEffect( () => {
		// Once per sector (the thunk shares a load under way); a failed load is not retried in a loop.
		if ( missing ) {
			void loadClusterOptions();
		}
		// eslint-disable-next-line react-hooks/exhaustive-deps
	}, [ sectorId ] );
	const names = useMemo(
		() =>
			new Map(
				( clusters ?? [] ).map( ( cluster ) => [
					cluster.id,
					cluster.name,
				] )
			),
		[ clusters ]
	);
	return { clusters, names };
}
