import type { ErrorInfo, FieldErrors } from '../../api/errors';
import type {
	AutoClusterResult,
	Cluster,
	CreateTasksResult,
	CsvImportResult,
	Idea,
	Keyword,
	PlannerSummary,
	Sector,
} from '../../api/planner';
import type {
	CLUSTER_STATUSES,
	CONTENT_TYPES,
	IDEA_STATUSES,
	KEYWORD_INTENTS,
	KEYWORD_STATUSES,
} from './constants';

export type {
	AutoClusterResult,
	Cluster,
	CreateTasksResult,
	CsvImportResult,
	ErrorInfo,
	FieldErrors,
	Idea,
	Keyword,
	PlannerSummary,
	Sector,
};

export type KeywordStatus = ( typeof KEYWORD_STATUSES )[ number ];
export type KeywordIntent = ( typeof KEYWORD_INTENTS )[ number ];
export type ClusterStatus = ( typeof CLUSTER_STATUSES )[ number ];
export type IdeaStatus = ( typeof IDEA_STATUSES )[ number ];
export type ContentType = ( typeof CONTENT_TYPES )[ number ];

export interface KeywordFilters {
	status?: KeywordStatus;
	intent?: KeywordIntent;
	/** A cluster's id, or `none` for keywords in no cluster. */
	cluster_id?: number | 'none';
	search?: string;
	min_volume?: number;
	max_volume?: number;
	min_difficulty?: number;
	max_difficulty?: number;
}

export interface ClusterFilters {
	status?: ClusterStatus;
	search?: string;
}

export interface IdeaFilters {
	status?: IdeaStatus;
	cluster_id?: number;
	content_type?: ContentType;
	search?: string;
}

/** The keywords of the cluster the detail view shows. */
export interface ClusterKeywordFilters {
	cluster_id?: number;
}

/** Each paginated table of the Planner pages. */
export interface ListFilters {
	keywords: KeywordFilters;
	clusters: ClusterFilters;
	ideas: IdeaFilters;
	clusterKeywords: ClusterKeywordFilters;
}

export interface ListItems {
	keywords: Keyword;
	clusters: Cluster;
	ideas: Idea;
	clusterKeywords: Keyword;
}

export type ListName = keyof ListFilters;

export interface ListQuery< F > {
	filters: F;
	/** e.g. `-volume`; null for the server's default order. */
	ordering: string | null;
	page: number;
	pageSize: number;
}

export interface ListState< L extends ListName = ListName > {
	query: ListQuery< ListFilters[ L ] >;
	items: ListItems[ L ][];
	/** How many rows match the query, over all pages. */
	count: number;
	/** The request the list is showing or waiting for; an answer to any other is dropped. */
	requestKey: string | null;
	loading: boolean;
	/** Whether `items` answer `requestKey`. */
	loaded: boolean;
	error: ErrorInfo | null;
	/** Ids of the rows ticked on the current page. */
	selected: number[];
}

export type Lists = { [ L in ListName ]: ListState< L > };

/** Each request other than a list page, with its own busy flag and last error. */
export type Operation =
	| 'sectors'
	| 'summary'
	| 'clusterOptions'
	| 'cluster'
	| 'export'
	| 'createKeyword'
	| 'bulkDelete'
	| 'bulkUpdate'
	| 'import'
	| 'autoCluster'
	| 'addToCluster'
	| 'updateCluster'
	| 'removeFromCluster'
	| 'merge'
	| 'split'
	| 'saveIdea'
	| 'approveIdeas'
	| 'createTasks';

export interface ImportProgress {
	loaded: number;
	total: number;
}

export interface PlannerState {
	siteId: number | null;
	/** No edit capability, or the cloud refused a change with 403: tables without actions. */
	readOnly: boolean;
	sectors: Sector[] | null;
	sectorId: number | null;
	summary: PlannerSummary | null;
	/** Every cluster of the sector (up to one page of 200), for filters and pickers. */
	clusterOptions: Cluster[] | null;
	/** The cluster the detail view shows. */
	clusterId: number | null;
	cluster: Cluster | null;
	lists: Lists;
	busy: Readonly< Record< Operation, boolean > >;
	errors: Readonly< Partial< Record< Operation, ErrorInfo > > >;
	importProgress: ImportProgress | null;
	lastImport: CsvImportResult | null;
	lastAutoCluster: AutoClusterResult | null;
	lastCreatedTasks: CreateTasksResult | null;
	lastCreatedIdea: Idea | null;
}
