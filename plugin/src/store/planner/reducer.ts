import type { Action } from './actions';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './constants';
import type {
	ListFilters,
	ListName,
	ListState,
	Lists,
	Operation,
	PlannerState,
} from './types';

/** Operations that read: a 403 on them means no access at all, not a read-only user. */
const READ_OPERATIONS: ReadonlySet< Operation > = new Set( [
	'sectors',
	'summary',
	'clusterOptions',
	'cluster',
	'export',
] );

const LIST_NAMES: readonly ListName[] = [
	'keywords',
	'clusters',
	'ideas',
	'clusterKeywords',
];

function emptyList< L extends ListName >(
	filters: ListFilters[ L ],
	pageSize = DEFAULT_PAGE_SIZE
): ListState< L > {
	return {
		query: { filters, ordering: null, page: 1, pageSize },
		items: [],
		count: 0,
		requestKey: null,
		loading: false,
		loaded: false,
		error: null,
		selected: [],
	};
}

export const INITIAL_STATE: PlannerState = {
	siteId: null,
	readOnly: false,
	sectors: null,
	sectorId: null,
	summary: null,
	clusterOptions: null,
	clusterId: null,
	cluster: null,
	lists: {
		keywords: emptyList< 'keywords' >( {} ),
		clusters: emptyList< 'clusters' >( {} ),
		ideas: emptyList< 'ideas' >( {} ),
		clusterKeywords: emptyList< 'clusterKeywords' >( {}, MAX_PAGE_SIZE ),
	},
	busy: {
		sectors: false,
		summary: false,
		clusterOptions: false,
		cluster: false,
		export: false,
		createKeyword: false,
		bulkDelete: false,
		bulkUpdate: false,
		import: false,
		autoCluster: false,
		addToCluster: false,
		updateCluster: false,
		removeFromCluster: false,
		merge: false,
		split: false,
		saveIdea: false,
		approveIdeas: false,
		createTasks: false,
	},
	errors: {},
	importProgress: null,
	lastImport: null,
	lastAutoCluster: null,
	lastCreatedTasks: null,
	lastCreatedIdea: null,
};

/**
 * Drops empty values so that equal filters always look equal (and make equal request keys).
 *
 * @param filters A list's filters.
 */
function cleanFilters< F extends object >( filters: F ): F {
	const out: Record< string, unknown > = {};
	for ( const [ key, value ] of Object.entries( filters ) ) {
		if (
			value !== undefined &&
			value !== null &&
			value !== '' &&
			! Number.isNaN( value )
		) {
			out[ key ] = value;
		}
	}
	return out as F;
}

function updateList(
	state: PlannerState,
	list: ListName,
	update: ( current: ListState ) => ListState
): PlannerState {
	const current = state.lists[ list ] as ListState;
	const next = update( current );
	return next === current
		? state
		: { ...state, lists: { ...state.lists, [ list ]: next } };
}

/**
 * A new query: back to page one, nothing ticked.
 *
 * @param current The list's state.
 * @param query   The query's changes.
 */
function requery(
	current: ListState,
	query: Partial< ListState[ 'query' ] >
): ListState {
	return {
		...current,
		query: { ...current.query, page: 1, ...query },
		selected: [],
	};
}

/**
 * Another sector: every list starts over. A cluster filter means nothing there and goes, except the
 * detail list's own cluster: the detail view follows its cluster's sector.
 *
 * @param lists Every list's state.
 */
function resetForSector( lists: Lists ): Lists {
	const out = {} as Record< ListName, ListState >;
	for ( const name of LIST_NAMES ) {
		const current = lists[ name ] as ListState;
		const { cluster_id: clusterId, ...others } = current.query.filters as {
			cluster_id?: unknown;
		};
		const filters =
			name === 'clusterKeywords' ? current.query.filters : others;
		out[ name ] = {
			...emptyList( filters ),
			query: { ...current.query, filters, page: 1 },
		};
	}
	return out as Lists;
}

function replaceById< T extends { id: number } >( items: T[], item: T ): T[] {
	const index = items.findIndex( ( candidate ) => candidate.id === item.id );
	if ( index < 0 ) {
		return items;
	}
	const copy = items.slice();
	copy[ index ] = item;
	return copy;
}

export default function reducer(
	state: PlannerState = INITIAL_STATE,
	action: Action
): PlannerState {
	switch ( action.type ) {
		case 'SET_SITE':
			return {
				...state,
				siteId: action.siteId,
				readOnly: action.readOnly,
			};

		case 'RECEIVE_SECTORS':
			return { ...state, sectors: action.sectors };

		case 'SET_SECTOR':
			if ( action.sectorId === state.sectorId ) {
				return state;
			}
			return {
				...state,
				sectorId: action.sectorId,
				summary: null,
				clusterOptions: null,
				cluster:
					state.cluster?.sector_id === action.sectorId
						? state.cluster
						: null,
				lists: resetForSector( state.lists ),
				errors: {},
				importProgress: null,
				lastImport: null,
				lastAutoCluster: null,
				lastCreatedTasks: null,
				lastCreatedIdea: null,
			};

		case 'SET_FILTERS':
			return updateList( state, action.list, ( current ) => {
				const filters = cleanFilters( {
					...current.query.filters,
					...action.filters,
				} as ListState[ 'query' ][ 'filters' ] );
				return requery( current, { filters } );
			} );

		case 'RESET_FILTERS':
			return updateList( state, action.list, ( current ) => {
				// The detail list's cluster is where it is, not a filter the user set.
				const { cluster_id: clusterId } = current.query.filters as {
					cluster_id?: number;
				};
				const filters =
					action.list === 'clusterKeywords'
						? cleanFilters( { cluster_id: clusterId } )
						: {};
				return requery( current, { filters } );
			} );

		case 'SET_ORDERING':
			return updateList( state, action.list, ( current ) =>
				current.query.ordering === action.ordering
					? current
					: requery( current, { ordering: action.ordering } )
			);

		case 'SET_PAGE': {
			const page = Math.max( 1, Math.floor( action.page ) || 1 );
			return updateList( state, action.list, ( current ) =>
				current.query.page === page
					? current
					: requery( current, { page } )
			);
		}

		case 'SET_PAGE_SIZE': {
			const pageSize = Math.min(
				MAX_PAGE_SIZE,
				Math.max(
					1,
					Math.floor( action.pageSize ) || DEFAULT_PAGE_SIZE
				)
			);
			return updateList( state, action.list, ( current ) =>
				current.query.pageSize === pageSize
					? current
					: requery( current, { pageSize } )
			);
		}

		case 'SET_SELECTION':
			return updateList( state, action.list, ( current ) => {
				const onPage = new Set(
					current.items.map( ( item ) => item.id )
				);
				return {
					...current,
					selected: [ ...new Set( action.ids ) ].filter( ( id ) =>
						onPage.has( id )
					),
				};
			} );

		case 'TOGGLE_SELECTED':
			return updateList( state, action.list, ( current ) => {
				if ( current.selected.includes( action.id ) ) {
					return {
						...current,
						selected: current.selected.filter(
							( id ) => id !== action.id
						),
					};
				}
				if (
					! current.items.some( ( item ) => item.id === action.id )
				) {
					return current;
				}
				return {
					...current,
					selected: [ ...current.selected, action.id ],
				};
			} );

		case 'LIST_REQUESTED':
			return updateList( state, action.list, ( current ) => ( {
				...current,
				requestKey: action.key,
				loading: true,
				// The rows on screen stay until the answer comes, but no longer answer the query.
				loaded: current.loaded && current.requestKey === action.key,
				error: null,
			} ) );

		case 'RECEIVE_LIST':
			return updateList( state, action.list, ( current ) => {
				if ( current.requestKey !== action.key ) {
					return current;
				}
				const ids = new Set( action.items.map( ( item ) => item.id ) );
				return {
					...current,
					items: action.items,
					count: action.count,
					loading: false,
					loaded: true,
					error: null,
					selected: current.selected.filter( ( id ) =>
						ids.has( id )
					),
				};
			} );

		case 'LIST_FAILED':
			return updateList( state, action.list, ( current ) =>
				current.requestKey !== action.key
					? current
					: { ...current, loading: false, error: action.error }
			);

		case 'RECEIVE_SUMMARY':
			return action.sectorId === state.sectorId
				? { ...state, summary: action.summary }
				: state;

		case 'RECEIVE_CLUSTER_OPTIONS':
			return action.sectorId === state.sectorId
				? { ...state, clusterOptions: action.clusters }
				: state;

		case 'SHOW_CLUSTER': {
			if ( action.clusterId === state.clusterId ) {
				return state;
			}
			const { clusterId } = action;
			// Paint what the list already knows about the cluster while its own request runs.
			const known =
				clusterId === null
					? null
					: ( state.lists.clusters.items.find(
							( item ) => item.id === clusterId
						) ??
						state.clusterOptions?.find(
							( item ) => item.id === clusterId
						) ??
						null );
			const { query } = state.lists.clusterKeywords;
			const filters = clusterId === null ? {} : { cluster_id: clusterId };
			return {
				...state,
				clusterId,
				cluster: known,
				lists: {
					...state.lists,
					clusterKeywords: {
						...emptyList< 'clusterKeywords' >( filters ),
						query: { ...query, filters, page: 1 },
					},
				},
			};
		}

		case 'RECEIVE_CLUSTER': {
			const { cluster } = action;
			return {
				...state,
				cluster:
					cluster.id === state.clusterId ? cluster : state.cluster,
				clusterOptions:
					state.clusterOptions &&
					replaceById( state.clusterOptions, cluster ),
				lists: {
					...state.lists,
					clusters: {
						...state.lists.clusters,
						items: replaceById(
							state.lists.clusters.items,
							cluster
						),
					},
				},
			};
		}

		case 'RECEIVE_IDEA':
			return {
				...state,
				lists: {
					...state.lists,
					ideas: {
						...state.lists.ideas,
						items: replaceById(
							state.lists.ideas.items,
							action.idea
						),
					},
				},
			};

		case 'IMPORT_PROGRESS':
			return state.busy.import
				? {
						...state,
						importProgress: {
							loaded: action.loaded,
							total: action.total,
						},
					}
				: state;

		case 'RECEIVE_IMPORT':
			return { ...state, lastImport: action.result };

		case 'RECEIVE_AUTO_CLUSTER':
			return { ...state, lastAutoCluster: action.result };

		case 'RECEIVE_CREATED_TASKS':
			return { ...state, lastCreatedTasks: action.result };

		case 'RECEIVE_CREATED_IDEA':
			return { ...state, lastCreatedIdea: action.idea };

		case 'DISMISS_RESULT':
			switch ( action.result ) {
				case 'import':
					return { ...state, lastImport: null };
				case 'autoCluster':
					return { ...state, lastAutoCluster: null };
				case 'createdTasks':
					return { ...state, lastCreatedTasks: null };
				case 'createdIdea':
					return { ...state, lastCreatedIdea: null };
			}
			return state;

		case 'OPERATION_STARTED': {
			const { [ action.operation ]: previousError, ...errors } =
				state.errors;
			const next: PlannerState = {
				...state,
				busy: { ...state.busy, [ action.operation ]: true },
				errors,
			};
			// A new attempt replaces the last result of the same kind.
			switch ( action.operation ) {
				case 'import':
					return {
						...next,
						importProgress: { loaded: 0, total: 0 },
						lastImport: null,
					};
				case 'autoCluster':
					return { ...next, lastAutoCluster: null };
				case 'createTasks':
					return { ...next, lastCreatedTasks: null };
				case 'saveIdea':
					return { ...next, lastCreatedIdea: null };
			}
			return next;
		}

		case 'OPERATION_FINISHED':
			return {
				...state,
				busy: { ...state.busy, [ action.operation ]: false },
				importProgress:
					action.operation === 'import' ? null : state.importProgress,
			};

		case 'OPERATION_FAILED':
			return {
				...state,
				busy: { ...state.busy, [ action.operation ]: false },
				errors: { ...state.errors, [ action.operation ]: action.error },
				importProgress:
					action.operation === 'import' ? null : state.importProgress,
				// The cloud says this user may look but not change: stop offering changes.
				readOnly:
					state.readOnly ||
					( action.error.status === 403 &&
						! READ_OPERATIONS.has( action.operation ) ),
			};

		case 'CLEAR_ERROR': {
			if ( ! state.errors[ action.operation ] ) {
				return state;
			}
			const { [ action.operation ]: cleared, ...errors } = state.errors;
			return { ...state, errors };
		}
	}
	return state;
}
