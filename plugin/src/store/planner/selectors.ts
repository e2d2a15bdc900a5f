import type { Placement } from '../../api/planner';
import { pageCount } from './query';
import type {
	AutoClusterResult,
	Cluster,
	CreateTasksResult,
	CsvImportResult,
	ErrorInfo,
	FieldErrors,
	Idea,
	ImportProgress,
	ListName,
	ListState,
	Lists,
	Operation,
	PlannerState,
	PlannerSummary,
	Sector,
} from './types';

const EMPTY_FIELD_ERRORS: FieldErrors = Object.freeze( {} );

export function getSiteId( state: PlannerState ): number | null {
	return state.siteId;
}

export function isReadOnly( state: PlannerState ): boolean {
	return state.readOnly;
}

/**
 * Every sector of the site (active and not), or null before they are loaded.
 *
 * @param state Store state.
 */
export function getSectors( state: PlannerState ): Sector[] | null {
	return state.sectors;
}

export function getSectorId( state: PlannerState ): number | null {
	return state.sectorId;
}

export function getSector( state: PlannerState ): Sector | null {
	return (
		state.sectors?.find( ( sector ) => sector.id === state.sectorId ) ??
		null
	);
}

/**
 * Site and sector every Planner call is made for; null until both are known.
 *
 * @param state Store state.
 */
export function getPlacement( state: PlannerState ): Placement | null {
	if ( state.siteId === null || state.sectorId === null ) {
		return null;
	}
	return { site_id: state.siteId, sector_id: state.sectorId };
}

export function getList< L extends ListName >(
	state: PlannerState,
	list: L
): Lists[ L ] {
	return state.lists[ list ];
}

export function getListQuery< L extends ListName >(
	state: PlannerState,
	list: L
): Lists[ L ][ 'query' ] {
	return state.lists[ list ].query;
}

export function getListItems< L extends ListName >(
	state: PlannerState,
	list: L
): Lists[ L ][ 'items' ] {
	return state.lists[ list ].items;
}

export function getPageCount( state: PlannerState, list: ListName ): number {
	const { count, query } = state.lists[ list ] as ListState;
	return pageCount( count, query.pageSize );
}

export function getSelection( state: PlannerState, list: ListName ): number[] {
	return state.lists[ list ].selected;
}

/**
 * Whether every row of the current page is ticked (false for an empty page).
 *
 * @param state Store state.
 * @param list  The store's list.
 */
export function isPageSelected( state: PlannerState, list: ListName ): boolean {
	const { items, selected } = state.lists[ list ] as ListState;
	return (
		items.length > 0 &&
		items.every( ( item ) => selected.includes( item.id ) )
	);
}

export function getSummary( state: PlannerState ): PlannerSummary | null {
	return state.summary;
}

export function getClusterOptions( state: PlannerState ): Cluster[] | null {
	return state.clusterOptions;
}

export function getClusterId( state: PlannerState ): number | null {
	return state.clusterId;
}

export function getCluster( state: PlannerState ): Cluster | null {
	return state.cluster;
}

/**
 * Whether `operation` (or, without one, any operation) is in flight.
 *
 * @param state     Store state.
 * @param operation An operation, or none for any.
 */
export function isBusy( state: PlannerState, operation?: Operation ): boolean {
	if ( operation ) {
		return state.busy[ operation ];
	}
	return Object.values( state.busy ).some( Boolean );
}

export function getError(
	state: PlannerState,
	operation: Operation
): ErrorInfo | null {
	return state.errors[ operation ] ?? null;
}

/**
 * Per-field messages of the last failure of `operation`, for showing under the inputs.
 *
 * @param state     Store state.
 * @param operation The operation.
 */
export function getFieldErrors(
	state: PlannerState,
	operation: Operation
): FieldErrors {
	return state.errors[ operation ]?.fieldErrors ?? EMPTY_FIELD_ERRORS;
}

export function getImportProgress(
	state: PlannerState
): ImportProgress | null {
	return state.importProgress;
}

export function getLastImport( state: PlannerState ): CsvImportResult | null {
	return state.lastImport;
}

export function getLastAutoCluster(
	state: PlannerState
): AutoClusterResult | null {
	return state.lastAutoCluster;
}

export function getLastCreatedTasks(
	state: PlannerState
): CreateTasksResult | null {
	return state.lastCreatedTasks;
}

export function getLastCreatedIdea( state: PlannerState ): Idea | null {
	return state.lastCreatedIdea;
}
