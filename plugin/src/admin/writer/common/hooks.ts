// Hooks the Writer pages share: where they work, a list with its query, the ticked rows, and fresh image URLs.
import { useSelect } from '@wordpress/data';
import {
	useCallback,
	useEffect,
	useMemo,
	useRef,
	useState,
} from '@wordpress/element';
import type { CloudList } from '../../../api/cloud';
import type { Params, Placement } from '../../../api/planner';
import { store as jobsStore } from '../../../store/jobs';
import { batchProgress } from '../../../store/jobs/batch';
import { store as plannerStore } from '../../../store/planner';
import { useCloudData } from '../../components/useCloudData';
import { DEFAULT_PAGE_SIZE, URL_REFRESH_MARGIN_MS } from './constants';
import { listParams, pageCount, refreshDelay, type ListQuery } from './query';

/** The site and sector the page works in (the Planner's sector choice), and whether the user may only look. */
export function usePlacement(): {
	placement: Placement | null;
	readOnly: boolean;
} {
	// Plain values from the store: a placement object made in the selector would be new on every call.
	const { siteId, sectorId, readOnly } = useSelect( ( select ) => {
		const planner = select( plannerStore );
		return {
			siteId: planner.getSiteId(),
			sectorId: planner.getSectorId(),
			readOnly: planner.isReadOnly(),
		};
	}, [] );
	const placement = useMemo(
		() =>
			siteId === null || sectorId === null
				? null
				: { site_id: siteId, sector_id: sectorId },
		[ siteId, sectorId ]
	);
	return { placement, readOnly };
}

/** Where a list starts: its filters and ordering. */
export interface ListStart< F extends object > {
	filters: F;
	ordering?: string | null;
}

/**
 * One page of a Writer list, loaded again whenever the sector or the query changes.
 *
 * @param load    Fetches a page with the given URL parameters.
 * @param initial The filters and ordering the list starts with.
 */
export function useWriterList< T, F extends object >(
	load: ( params: Params ) => Promise< CloudList< T > >,
	initial: ListStart< F >
) {
	const { placement } = usePlacement();
	const [ query, setQuery ] = useState< ListQuery< F > >( () => ( {
		filters: initial.filters,
		ordering: initial.ordering ?? null,
		page: 1,
		pageSize: DEFAULT_PAGE_SIZE,
	} ) );
	const sectorId = placement?.sector_id ?? null;
	// Another sector starts on the first page.
	useEffect( () => {
		setQuery( ( current ) =>
			current.page === 1 ? current : { ...current, page: 1 }
		);
	}, [ sectorId ] );
	const data = useCloudData< CloudList< T > | null >(
		() =>
			placement
				? load( listParams( query, placement ) )
				: Promise.resolve( null ),
		[ placement?.site_id, sectorId, JSON.stringify( query ) ]
	);
	const setFilters = useCallback(
		( filters: Partial< F > ) =>
			setQuery( ( current ) => ( {
				...current,
				filters: { ...current.filters, ...filters },
				page: 1,
			} ) ),
		[]
	);
	const setOrdering = useCallback(
		( ordering: string ) =>
			setQuery( ( current ) => ( { ...current, ordering, page: 1 } ) ),
		[]
	);
	const setPage = useCallback(
		( page: number ) => setQuery( ( current ) => ( { ...current, page } ) ),
		[]
	);
	const setPageSize = useCallback(
		( pageSize: number ) =>
			setQuery( ( current ) => ( { ...current, pageSize, page: 1 } ) ),
		[]
	);
	const count = data.data?.count ?? 0;
	return {
		placement,
		query,
		setFilters,
		setOrdering,
		setPage,
		setPageSize,
		items: data.data?.results ?? [],
		count,
		pageCount: pageCount( count, query.pageSize ),
		loaded: data.data !== null,
		loading: data.loading,
		error: data.error,
		reload: data.reload,
		setData: data.setData,
	};
}

/**
 * The ticked rows of a list; forgotten when the rows shown change (another page, filter or sector).
 *
 * @param items The rows shown.
 */
export function useSelection( items: ReadonlyArray< { id: number } > ) {
	const [ selected, setSelected ] = useState< number[] >( [] );
	const shown = items.map( ( item ) => item.id ).join( ',' );
	useEffect( () => {
		setSelected( ( current ) => {
			const ids = new Set( shown.split( ',' ).map( Number ) );
			const kept = current.filter( ( id ) => ids.has( id ) );
			return kept.length === current.length ? current : kept;
		} );
	}, [ shown ] );
	const toggle = useCallback(
		( id: number ) =>
			setSelected( ( current ) =>
				current.includes( id )
					? current.filter( ( other ) => other !== id )
					: [ ...current, id ]
			),
		[]
	);
	return { selected, setSelected, toggle };
}

/**
 * Calls `reload` shortly before the first of the signed image URLs expires, so previews keep working.
 *
 * @param expiries `url_expires_at` of the images shown.
 * @param reload   Loads the images again (with new URLs).
 */
export function useUrlRefresh(
	expiries: ReadonlyArray< string | null >,
	reload: () => void
): void {
	const key = expiries.join( '|' );
	useEffect( () => {
		const delay = refreshDelay(
			key ? key.split( '|' ).map( ( value ) => value || null ) : [],
			Date.now(),
			URL_REFRESH_MARGIN_MS
		);
		if ( delay === null ) {
			return undefined;
		}
		const timer = window.setTimeout( reload, delay );
		return () => window.clearTimeout( timer );
	}, [ key, reload ] );
}

/**
 * Calls `onChange` when the batch of `key` has started its jobs and each time one of them ends, so the
 * page shows what the jobs changed (a task now generating, then in review).
 *
 * @param key      The batch's jobs store key.
 * @param onChange Loads again what the jobs change.
 */
export function useBatchFollowUp( key: string, onChange: () => void ): void {
	const batch = useSelect(
		( select ) => select( jobsStore ).getBatch( key ),
		[ key ]
	);
	const latest = useRef( onChange );
	latest.current = onChange;
	const ended =
		batch && ! batch.starting ? batchProgress( batch ).finished : -1;
	useEffect( () => {
		if ( ended >= 0 ) {
			latest.current();
		}
	}, [ ended ] );
}

/**
 * Calls `onEnd` once the job of `key` (a single job of the jobs store) has ended.
 *
 * @param key   The job's jobs store key.
 * @param onEnd Loads again what the job changed.
 */
export function useJobFollowUp( key: string, onEnd: () => void ): void {
	const state = useSelect(
		( select ) => select( jobsStore ).getJob( key )?.state ?? null,
		[ key ]
	);
	const latest = useRef( onEnd );
	latest.current = onEnd;
	const ended =
		state === 'succeeded' || state === 'failed' || state === 'cancelled';
	useEffect( () => {
		if ( ended ) {
			latest.current();
		}
	}, [ ended ] );
}
