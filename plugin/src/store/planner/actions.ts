import type {
	AutoClusterResult,
	Cluster,
	CreateTasksResult,
	CsvImportResult,
	ErrorInfo,
	Idea,
	ListFilters,
	ListItems,
	ListName,
	Operation,
	PlannerSummary,
	Sector,
} from './types';

export type Action =
	| { type: 'SET_SITE'; siteId: number | null; readOnly: boolean }
	| { type: 'RECEIVE_SECTORS'; sectors: Sector[] }
	| { type: 'SET_SECTOR'; sectorId: number | null }
	| {
			type: 'SET_FILTERS';
			list: ListName;
			filters: Partial< ListFilters[ ListName ] >;
	  }
	| { type: 'RESET_FILTERS'; list: ListName }
	| { type: 'SET_ORDERING'; list: ListName; ordering: string | null }
	| { type: 'SET_PAGE'; list: ListName; page: number }
	| { type: 'SET_PAGE_SIZE'; list: ListName; pageSize: number }
	| { type: 'SET_SELECTION'; list: ListName; ids: number[] }
	| { type: 'TOGGLE_SELECTED'; list: ListName; id: number }
	| { type: 'LIST_REQUESTED'; list: ListName; key: string }
	| {
			type: 'RECEIVE_LIST';
			list: ListName;
			key: string;
			items: ListItems[ ListName ][];
			count: number;
	  }
	| { type: 'LIST_FAILED'; list: ListName; key: string; error: ErrorInfo }
	| { type: 'RECEIVE_SUMMARY'; sectorId: number; summary: PlannerSummary }
	| { type: 'RECEIVE_CLUSTER_OPTIONS'; sectorId: number; clusters: Cluster[] }
	| { type: 'SHOW_CLUSTER'; clusterId: number | null }
	| { type: 'RECEIVE_CLUSTER'; cluster: Cluster }
	| { type: 'RECEIVE_IDEA'; idea: Idea }
	| { type: 'IMPORT_PROGRESS'; loaded: number; total: number }
	| { type: 'RECEIVE_IMPORT'; result: CsvImportResult }
	| { type: 'RECEIVE_AUTO_CLUSTER'; result: AutoClusterResult }
	| { type: 'RECEIVE_CREATED_TASKS'; result: CreateTasksResult }
	| { type: 'RECEIVE_CREATED_IDEA'; idea: Idea }
	| {
			type: 'DISMISS_RESULT';
			result: 'import' | 'autoCluster' | 'createdTasks' | 'createdIdea';
	  }
	| { type: 'OPERATION_STARTED'; operation: Operation }
	| { type: 'OPERATION_FINISHED'; operation: Operation }
	| { type: 'OPERATION_FAILED'; operation: Operation; error: ErrorInfo }
	| { type: 'CLEAR_ERROR'; operation: Operation };

type ActionOf< T extends Action[ 'type' ] > = Extract< Action, { type: T } >;

/**
 * The connected site, and whether this user may only look (no edit capability).
 *
 * @param siteId   The connected site, if any.
 * @param readOnly Whether the user may only look.
 */
export function setSite(
	siteId: number | null,
	readOnly: boolean
): ActionOf< 'SET_SITE' > {
	return { type: 'SET_SITE', siteId, readOnly };
}

export function receiveSectors(
	sectors: Sector[]
): ActionOf< 'RECEIVE_SECTORS' > {
	return { type: 'RECEIVE_SECTORS', sectors };
}

export function setSector( sectorId: number | null ): ActionOf< 'SET_SECTOR' > {
	return { type: 'SET_SECTOR', sectorId };
}

/**
 * Changes some filters of `list` and goes back to its first page.
 *
 * @param list    The store's list.
 * @param filters The filters to change.
 */
export function setFilters< L extends ListName >(
	list: L,
	filters: Partial< ListFilters[ L ] >
): ActionOf< 'SET_FILTERS' > {
	return { type: 'SET_FILTERS', list, filters };
}

export function resetFilters( list: ListName ): ActionOf< 'RESET_FILTERS' > {
	return { type: 'RESET_FILTERS', list };
}

export function setOrdering(
	list: ListName,
	ordering: string | null
): ActionOf< 'SET_ORDERING' > {
	return { type: 'SET_ORDERING', list, ordering };
}

export function setPage(
	list: ListName,
	page: number
): ActionOf< 'SET_PAGE' > {
	return { type: 'SET_PAGE', list, page };
}

export function setPageSize(
	list: ListName,
	pageSize: number
): ActionOf< 'SET_PAGE_SIZE' > {
	return { type: 'SET_PAGE_SIZE', list, pageSize };
}

export function setSelection(
	list: ListName,
	ids: number[]
): ActionOf< 'SET_SELECTION' > {
	return { type: 'SET_SELECTION', list, ids };
}

export function toggleSelected(
	list: ListName,
	id: number
): ActionOf< 'TOGGLE_SELECTED' > {
	return { type: 'TOGGLE_SELECTED', list, id };
}

export function listRequested(
	list: ListName,
	key: string
): ActionOf< 'LIST_REQUESTED' > {
	return { type: 'LIST_REQUESTED', list, key };
}

export function receiveList< L extends ListName >(
	list: L,
	key: string,
	items: ListItems[ L ][],
	count: number
): ActionOf< 'RECEIVE_LIST' > {
	return { type: 'RECEIVE_LIST', list, key, items, count };
}

export function listFailed(
	list: ListName,
	key: string,
	error: ErrorInfo
): ActionOf< 'LIST_FAILED' > {
	return { type: 'LIST_FAILED', list, key, error };
}

export function receiveSummary(
	sectorId: number,
	summary: PlannerSummary
): ActionOf< 'RECEIVE_SUMMARY' > {
	return { type: 'RECEIVE_SUMMARY', sectorId, summary };
}

export function receiveClusterOptions(
	sectorId: number,
	clusters: Cluster[]
): ActionOf< 'RECEIVE_CLUSTER_OPTIONS' > {
	return { type: 'RECEIVE_CLUSTER_OPTIONS', sectorId, clusters };
}

/**
 * Opens the detail view of a cluster (null: back to the list).
 *
 * @param clusterId The cluster, or null for the list.
 */
export function showCluster(
	clusterId: number | null
): ActionOf< 'SHOW_CLUSTER' > {
	return { type: 'SHOW_CLUSTER', clusterId };
}

export function receiveCluster(
	cluster: Cluster
): ActionOf< 'RECEIVE_CLUSTER' > {
	return { type: 'RECEIVE_CLUSTER', cluster };
}

export function receiveIdea( idea: Idea ): ActionOf< 'RECEIVE_IDEA' > {
	return { type: 'RECEIVE_IDEA', idea };
}

export function importProgress(
	loaded: number,
	total: number
): ActionOf< 'IMPORT_PROGRESS' > {
	return { type: 'IMPORT_PROGRESS', loaded, total };
}

export function receiveImport(
	result: CsvImportResult
): ActionOf< 'RECEIVE_IMPORT' > {
	return { type: 'RECEIVE_IMPORT', result };
}

export function receiveAutoCluster(
	result: AutoClusterResult
): ActionOf< 'RECEIVE_AUTO_CLUSTER' > {
	return { type: 'RECEIVE_AUTO_CLUSTER', result };
}

export function receiveCreatedTasks(
	result: CreateTasksResult
): ActionOf< 'RECEIVE_CREATED_TASKS' > {
	return { type: 'RECEIVE_CREATED_TASKS', result };
}

export function receiveCreatedIdea(
	idea: Idea
): ActionOf< 'RECEIVE_CREATED_IDEA' > {
	return { type: 'RECEIVE_CREATED_IDEA', idea };
}

export function dismissResult(
	result: ActionOf< 'DISMISS_RESULT' >[ 'result' ]
): ActionOf< 'DISMISS_RESULT' > {
	return { type: 'DISMISS_RESULT', result };
}

export function startOperation(
	operation: Operation
): ActionOf< 'OPERATION_STARTED' > {
	return { type: 'OPERATION_STARTED', operation };
}

export function finishOperation(
	operation: Operation
): ActionOf< 'OPERATION_FINISHED' > {
	return { type: 'OPERATION_FINISHED', operation };
}

export function failOperation(
	operation: Operation,
	error: ErrorInfo
): ActionOf< 'OPERATION_FAILED' > {
	return { type: 'OPERATION_FAILED', operation, error };
}

export function clearError( operation: Operation ): ActionOf< 'CLEAR_ERROR' > {
	return { type: 'CLEAR_ERROR', operation };
}
