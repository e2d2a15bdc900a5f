// The sector choice and the loading of what the pages show: lists, summary, cluster options, a cluster.
import { store as preferencesStore } from '@wordpress/preferences';
import type { CloudList } from '../../../api/cloud';
import { toErrorInfo } from '../../../api/errors';
import { plannerApi as api, type Params } from '../../../api/planner';
import {
	listFailed,
	listRequested,
	receiveCluster,
	receiveClusterOptions,
	receiveList,
	receiveSectors,
	receiveSummary,
	setPage,
	setSector,
} from '../actions';
import {
	MAX_PAGE_SIZE,
	PREFERENCES_SCOPE,
	sectorPreference,
} from '../constants';
import { listParams, pageCount, requestKey } from '../query';
import type { ListItems, ListName } from '../types';
import { run, type Thunk } from './base';

const LIST_CALLS: {
	[ L in ListName ]: (
		params: Params
	) => Promise< CloudList< ListItems[ L ] > >;
} = {
	keywords: api.listKeywords,
	clusters: api.listClusters,
	ideas: api.listIdeas,
	clusterKeywords: api.listKeywords,
};

/** The site's sectors; picks the one this user chose last time, else the first active one. */
export const loadSectors =
	(): Thunk< Promise< void > > =>
	async ( { dispatch, select, registry } ) => {
		const siteId = select.getSiteId();
		if ( siteId === null || select.isBusy( 'sectors' ) ) {
			return;
		}
		const page = await run( dispatch, 'sectors', () =>
			api.listSectors( siteId )
		);
		if ( ! page ) {
			return;
		}
		dispatch( receiveSectors( page.results ) );
		const active = page.results.filter(
			( sector ) => sector.status === 'active'
		);
		const stored = registry
			.select( preferencesStore )
			.get( PREFERENCES_SCOPE, sectorPreference( siteId ) );
		const current = select.getSectorId();
		const chosen =
			active.find( ( sector ) => sector.id === current ) ??
			active.find( ( sector ) => sector.id === stored ) ??
			active[ 0 ] ??
			null;
		dispatch( setSector( chosen?.id ?? null ) );
	};

/**
 * Switches every Planner page to `sectorId` and remembers it for this WordPress user.
 *
 * @param sectorId The sector.
 */
export const selectSector =
	( sectorId: number ): Thunk =>
	( { dispatch, select, registry } ) => {
		const siteId = select.getSiteId();
		if ( siteId === null || select.getSectorId() === sectorId ) {
			return;
		}
		dispatch( setSector( sectorId ) );
		registry
			.dispatch( preferencesStore )
			.set( PREFERENCES_SCOPE, sectorPreference( siteId ), sectorId );
	};

/**
 * Loads the current page of `list` unless it already shows (or waits for) that very page; `force`
 * loads it again all the same. An answer that arrives after the query changed is dropped.
 *
 * @param list  The store's list.
 * @param force Load even when the page already shows.
 */
export const fetchList =
	( list: ListName, force = false ): Thunk< Promise< void > > =>
	async ( { dispatch, select } ) => {
		const at = select.getPlacement();
		const current = select.getList( list );
		const { query } = current;
		if (
			! at ||
			( list === 'clusterKeywords' &&
				! ( query.filters as { cluster_id?: number } ).cluster_id )
		) {
			return;
		}
		const params = listParams( query, at );
		const key = requestKey( params );
		if (
			! force &&
			current.requestKey === key &&
			( current.loading || current.loaded )
		) {
			return;
		}
		dispatch( listRequested( list, key ) );
		try {
			const page = await LIST_CALLS[ list ]( params );
			dispatch( receiveList( list, key, page.results, page.count ) );
			// Rows were deleted and this page is past the end now: show the last page there is.
			const last = pageCount( page.count, query.pageSize );
			if (
				page.results.length === 0 &&
				page.count > 0 &&
				query.page > last
			) {
				dispatch( setPage( list, last ) );
				await dispatch( fetchList( list ) );
			}
		} catch ( error ) {
			dispatch( listFailed( list, key, toErrorInfo( error ) ) );
		}
	};

export const loadSummary =
	(): Thunk< Promise< void > > =>
	async ( { dispatch, select } ) => {
		const at = select.getPlacement();
		if ( ! at ) {
			return;
		}
		const summary = await run( dispatch, 'summary', () =>
			api.getSummary( at )
		);
		if ( summary ) {
			dispatch( receiveSummary( at.sector_id, summary ) );
		}
	};

/** Cluster option loads under way, by sector: the table, the filters and the bulk actions all ask at once. */
const loadingClusterOptions = new Map< number, Promise< void > >();

/** Every cluster of the sector by name (one page of up to 200), for filters and pickers. */
export const loadClusterOptions =
	(): Thunk< Promise< void > > =>
	( { dispatch, select } ) => {
		const at = select.getPlacement();
		if ( ! at ) {
			return Promise.resolve();
		}
		const pending = loadingClusterOptions.get( at.sector_id );
		if ( pending ) {
			return pending;
		}
		const load = run( dispatch, 'clusterOptions', () =>
			api.listClusters( {
				...at,
				ordering: 'name',
				page: 1,
				page_size: MAX_PAGE_SIZE,
			} )
		).then( ( page ) => {
			loadingClusterOptions.delete( at.sector_id );
			if ( page ) {
				dispatch( receiveClusterOptions( at.sector_id, page.results ) );
			}
		} );
		loadingClusterOptions.set( at.sector_id, load );
		return load;
	};

export const loadCluster =
	( clusterId: number ): Thunk< Promise< void > > =>
	async ( { dispatch } ) => {
		const cluster = await run( dispatch, 'cluster', () =>
			api.getCluster( clusterId )
		);
		if ( cluster ) {
			dispatch( receiveCluster( cluster ) );
		}
	};

/** After a change: everything this page has loaded, loaded again. */
export const refresh =
	(): Thunk< Promise< void > > =>
	async ( { dispatch, select } ) => {
		const work: Promise< void >[] = [];
		for ( const list of [
			'keywords',
			'clusters',
			'ideas',
			'clusterKeywords',
		] as const ) {
			if ( select.getList( list ).requestKey !== null ) {
				work.push( dispatch( fetchList( list, true ) ) );
			}
		}
		if ( select.getSummary() ) {
			work.push( dispatch( loadSummary() ) );
		}
		if ( select.getClusterOptions() ) {
			work.push( dispatch( loadClusterOptions() ) );
		}
		const clusterId = select.getClusterId();
		if ( clusterId !== null ) {
			work.push( dispatch( loadCluster( clusterId ) ) );
		}
		await Promise.all( work );
	};
