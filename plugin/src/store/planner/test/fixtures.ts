import type {
	Cluster,
	CsvImportResult,
	ErrorInfo,
	Idea,
	Keyword,
	Sector,
} from '../types';

const at = '2026-01-02T03:04:05Z';

export const sectors: Sector[] = [
	{
		id: 3,
		site_id: 7,
		name: 'Running',
		slug: 'running',
		industry_sector_id: null,
		status: 'active',
		created_at: at,
	},
	{
		id: 4,
		site_id: 7,
		name: 'Cycling',
		slug: 'cycling',
		industry_sector_id: null,
		status: 'active',
		created_at: at,
	},
	{
		id: 5,
		site_id: 7,
		name: 'Old',
		slug: 'old',
		industry_sector_id: null,
		status: 'inactive',
		created_at: at,
	},
];

export function keyword(
	id: number,
	overrides: Partial< Keyword > = {}
): Keyword {
	return {
		id,
		site_id: 7,
		sector_id: 3,
		keyword: `keyword ${ id }`,
		volume: id * 100,
		difficulty: 30,
		intent: 'informational',
		status: 'active',
		source: 'manual',
		cluster_ids: [],
		created_at: at,
		updated_at: at,
		...overrides,
	};
}

export function cluster(
	id: number,
	overrides: Partial< Cluster > = {}
): Cluster {
	return {
		id,
		site_id: 7,
		sector_id: 3,
		name: `cluster ${ id }`,
		description: null,
		keyword_count: 2,
		volume: 300,
		status: 'active',
		created_at: at,
		updated_at: at,
		...overrides,
	};
}

export function idea( id: number, overrides: Partial< Idea > = {} ): Idea {
	return {
		id,
		site_id: 7,
		sector_id: 3,
		cluster_id: null,
		title: `idea ${ id }`,
		description: null,
		target_keywords: [],
		content_type: 'post',
		status: 'draft',
		created_at: at,
		updated_at: at,
		...overrides,
	};
}

export const importReport: CsvImportResult = {
	rows: 4,
	created: 1,
	skipped_duplicates: 1,
	errors: [
		{ row: 4, field: 'keyword', message: 'required' },
		{ row: 5, field: 'volume', message: 'a whole number' },
	],
	errors_total: 2,
	columns: { keyword: 'keyword', volume: 'volume' },
};

export const forbidden: ErrorInfo = {
	status: 403,
	code: 'forbidden',
	message: 'Viewers cannot change the plan.',
	fieldErrors: {},
};

export const duplicate: ErrorInfo = {
	status: 409,
	code: 'conflict',
	message: 'This keyword is already in the sector.',
	fieldErrors: { keyword: [ 'already in this sector' ] },
};
