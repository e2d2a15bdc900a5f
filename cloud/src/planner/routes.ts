// /api/v1/planner/keywords and /planner/summary.
import { z } from '@hono/zod-openapi';
import { PLANNER_LIMITS, schemas } from '@igny8/shared';
import type { AppBindings } from '../env';
import { list, ok } from '../lib/envelope';
import { AppError } from '../lib/errors';
import { jsonIds, listLinks } from '../lib/keyset';
import { clusters } from '../db/schema';
import { sql } from 'drizzle-orm';
import type { Keyword, Sector, Site } from '../lib/resources';
import { body, defineRoute, handle } from '../lib/route';
import { createRouter } from '../lib/router';
import type { Context } from 'hono';
import { autoCluster } from './auto-cluster';
import { createJob } from '../ai/engine';
import { jobOut } from '../ai/serialize';
import { csvHeader, csvRows } from './csv';
import { importKeywordCsv } from './import';
import * as kw from './keywords';
import { keywordOut } from './serialize';
import { plannerSummary } from './summary';

export const keywordRoutes = createRouter();
const idParams = z.object( { id: z.string() } );
const TAGS = [ 'planner' ];

type R = Record< string, unknown >;
const site = ( c: Context< AppBindings > ) =>
	( c.get( 'resources' ) as R ).site as Site;
const sector = ( c: Context< AppBindings > ) =>
	( c.get( 'resources' ) as R ).sector as Sector;

handle(
	keywordRoutes,
	defineRoute( {
		method: 'get',
		path: '/planner/keywords',
		operationId: 'listKeywords',
		tags: TAGS,
		summary:
			'Keywords with filters, ordering, and keyset (cursor) or page paging',
		access: { rule: 'content_read', site: 'query' },
		request: { query: schemas.keywordListQuery },
		response: schemas.keyword,
		list: true,
	} ),
	async ( c ) => {
		const q = c.req.valid( 'query' );
		const res = await kw.listKeywords( c.get( 'db' ), site( c ), q );
		return list(
			c,
			res.rows.map( ( r ) =>
				keywordOut( r, res.clusterIds.get( r.id ) )
			),
			listLinks( c, {
				count: res.count,
				pageSize: q.page_size ?? 50,
				page: q.page,
				nextCursor: res.nextCursor,
				hasMore: res.hasMore,
			} )
		);
	}
);

handle(
	keywordRoutes,
	defineRoute( {
		method: 'post',
		path: '/planner/keywords',
		operationId: 'createKeyword',
		tags: TAGS,
		summary:
			'Add a keyword to a sector (409 when the sector has it already, ignoring case and spaces)',
		access: { rule: 'content_write', site: 'body' },
		request: { body: body( schemas.keywordCreateBody ) },
		response: schemas.keyword,
		status: 201,
	} ),
	async ( c ) =>
		ok(
			c,
			keywordOut(
				await kw.createKeyword(
					c.get( 'db' ),
					site( c ),
					sector( c ),
					c.req.valid( 'json' )
				)
			),
			201
		)
);

handle(
	keywordRoutes,
	defineRoute( {
		method: 'post',
		path: '/planner/keywords/bulk_create',
		operationId: 'bulkCreateKeywords',
		tags: TAGS,
		summary: `Add up to ${ PLANNER_LIMITS.bulkCreateRows } keywords; duplicates are skipped and counted`,
		access: { rule: 'content_write', site: 'body' },
		request: { body: body( schemas.keywordBulkCreateBody ) },
		response: z.object( {
			created: z.number(),
			skipped_duplicates: z.number(),
		} ),
		status: 201,
	} ),
	async ( c ) => {
		const b = c.req.valid( 'json' );
		const created = await kw.insertKeywords(
			c.get( 'db' ),
			site( c ),
			sector( c ),
			b.keywords.map( kw.prepareKeyword ),
			b.source ?? 'api_import'
		);
		return ok(
			c,
			{ created, skipped_duplicates: b.keywords.length - created },
			201
		);
	}
);

handle(
	keywordRoutes,
	defineRoute( {
		method: 'post',
		path: '/planner/keywords/bulk_delete',
		operationId: 'bulkDeleteKeywords',
		tags: TAGS,
		summary: 'Delete keywords of a site',
		access: { rule: 'content_write', site: 'body' },
		request: { body: body( schemas.bulkDeleteBody ) },
		response: z.object( { deleted: z.number() } ),
	} ),
	async ( c ) =>
		ok( c, {
			deleted: await kw.deleteKeywords(
				c.get( 'db' ),
				site( c ),
				c.req.valid( 'json' ).ids
			),
		} )
);

handle(
	keywordRoutes,
	defineRoute( {
		method: 'post',
		path: '/planner/keywords/bulk_update',
		operationId: 'bulkUpdateKeywords',
		tags: TAGS,
		summary: 'Set the status of many keywords',
		access: { rule: 'content_write', site: 'body' },
		request: { body: body( schemas.bulkUpdateBody ) },
		response: z.object( { updated: z.number() } ),
	} ),
	async ( c ) => {
		const b = c.req.valid( 'json' );
		return ok( c, {
			updated: await kw.bulkUpdateStatus(
				c.get( 'db' ),
				site( c ),
				b.ids,
				b.status
			),
		} );
	}
);

handle(
	keywordRoutes,
	defineRoute( {
		method: 'post',
		path: '/planner/keywords/import_csv',
		operationId: 'importKeywordsCsv',
		tags: TAGS,
		summary:
			'Import a CSV (text/csv body, or multipart field "file"; ' +
			`≤ ${ PLANNER_LIMITS.csvRows } rows, ≤ ${ PLANNER_LIMITS.csvBytes } bytes). ` +
			'Header row maps keyword, volume, difficulty/kd, intent, cluster. ' +
			'Bad rows come back with row, field and message; good rows are kept.',
		access: { rule: 'content_write', site: 'query' },
		request: { query: schemas.csvImportQuery },
		response: schemas.csvImportResult,
	} ),
	async ( c ) => {
		const text = await readCsvBody( c );
		return ok(
			c,
			await importKeywordCsv(
				c.get( 'db' ),
				site( c ),
				sector( c ),
				text
			)
		);
	}
);

async function readCsvBody( c: Context< AppBindings > ): Promise< string > {
	const length = Number( c.req.header( 'content-length' ) ?? 0 );
	const tooLarge = () =>
		new AppError(
			'payload_too_large',
			`The file is larger than ${ PLANNER_LIMITS.csvBytes / 1024 / 1024 } MB; split it into smaller files`,
			undefined,
			{
				limit_bytes: PLANNER_LIMITS.csvBytes,
			}
		);
	if ( length > PLANNER_LIMITS.csvBytes + 64 * 1024 ) throw tooLarge();
	const type = c.req.header( 'content-type' ) ?? '';
	let text: string;
	if ( type.startsWith( 'multipart/form-data' ) ) {
		const form = await c.req.parseBody();
		const file = form.file;
		if ( ! ( file instanceof File ) )
			throw new AppError(
				'validation',
				'Send the CSV as the multipart field "file"',
				{ file: [ 'missing' ] }
			);
		if ( file.size > PLANNER_LIMITS.csvBytes ) throw tooLarge();
		text = await file.text();
	} else if (
		/^(text\/(csv|plain|tab-separated-values)|application\/(csv|vnd\.ms-excel|octet-stream))/.test(
			type
		)
	) {
		text = await c.req.text();
	} else {
		throw new AppError(
			'unsupported_media_type',
			'Send the CSV with Content-Type text/csv, or as multipart/form-data with a "file" field'
		);
	}
	if ( new TextEncoder().encode( text ).length > PLANNER_LIMITS.csvBytes )
		throw tooLarge();
	return text;
}

handle(
	keywordRoutes,
	defineRoute( {
		method: 'get',
		path: '/planner/keywords/export_csv',
		operationId: 'exportKeywordsCsv',
		tags: TAGS,
		summary: 'The filtered keyword list as CSV, streamed',
		access: { rule: 'content_read', site: 'query' },
		request: {
			query: schemas.keywordListQuery.omit( {
				page: true,
				cursor: true,
				page_size: true,
			} ),
		},
	} ),
	( c ) => {
		const q = c.req.valid( 'query' );
		const db = c.get( 'db' );
		const s = site( c );
		const encoder = new TextEncoder();
		let cursor: string | undefined;
		let started = false;
		const stream = new ReadableStream< Uint8Array >( {
			async pull( controller ) {
				if ( ! started ) {
					started = true;
					controller.enqueue(
						encoder.encode( '\uFEFF' + csvHeader() )
					);
				}
				const page = await kw.listKeywords( db, s, {
					...q,
					page_size: 1000,
					cursor,
				} );
				const names = await clusterNames(
					db,
					[ ...page.clusterIds.values() ].flat()
				);
				controller.enqueue(
					encoder.encode(
						csvRows(
							page.rows.map( ( r: Keyword ) => ( {
								...r,
								clusters: ( page.clusterIds.get( r.id ) ?? [] )
									.map( ( id ) => names.get( id ) ?? '' )
									.join( '; ' ),
							} ) )
						)
					)
				);
				if ( ! page.hasMore ) controller.close();
				else cursor = page.nextCursor ?? undefined;
			},
		} );
		const date = new Date().toISOString().slice( 0, 10 );
		return new Response( stream, {
			headers: {
				'content-type': 'text/csv; charset=utf-8',
				'content-disposition': `attachment; filename="keywords-${ s.slug }-${ date }.csv"`,
				'x-request-id': c.get( 'requestId' ),
			},
		} );
	}
);

async function clusterNames(
	db: AppBindings[ 'Variables' ][ 'db' ],
	ids: number[]
): Promise< Map< number, string > > {
	if ( ! ids.length ) return new Map();
	const rows = await db
		.select( { id: clusters.id, name: clusters.name } )
		.from( clusters )
		.where(
			sql`${ clusters.id } IN ${ jsonIds( [ ...new Set( ids ) ] ) }`
		);
	return new Map( rows.map( ( r ) => [ r.id, r.name ] ) );
}

handle(
	keywordRoutes,
	defineRoute( {
		method: 'post',
		path: '/planner/keywords/auto_cluster',
		operationId: 'autoClusterKeywords',
		tags: TAGS,
		summary:
			'Cluster the unclustered (or the given) keywords of a sector. ' +
			'mode "algorithmic" is free, answers at once and extends existing clusters; ' +
			'mode "ai" starts an AI job (202 with the job; 1 credit per 30 keywords).',
		access: { rule: 'credits_spend', site: 'body' },
		request: { body: body( schemas.autoClusterBody ) },
		response: z.union( [ schemas.autoClusterResult, schemas.job ] ),
	} ),
	async ( c ) => {
		const b = c.req.valid( 'json' );
		if ( b.mode === 'ai' ) {
			const payload = {
				site_id: b.site_id,
				sector_id: b.sector_id,
				...( b.keyword_ids ? { keyword_ids: b.keyword_ids } : {} ),
			};
			return ok(
				c,
				jobOut(
					await createJob(
						c.env,
						c.get( 'db' ),
						c.get( 'principal' ),
						'auto_cluster',
						payload
					)
				),
				202
			);
		}
		return ok(
			c,
			await autoCluster(
				c.get( 'db' ),
				site( c ),
				sector( c ),
				b.keyword_ids
			)
		);
	}
);

handle(
	keywordRoutes,
	defineRoute( {
		method: 'get',
		path: '/planner/keywords/{id}',
		operationId: 'getKeyword',
		tags: TAGS,
		summary: 'One keyword',
		access: { rule: 'content_read', params: { id: 'keyword' } },
		request: { params: idParams },
		response: schemas.keyword,
	} ),
	async ( c ) => {
		const row = ( c.get( 'resources' ) as R ).id as Keyword;
		const ids = await kw.clusterIdsOf( c.get( 'db' ), [ row.id ] );
		return ok( c, keywordOut( row, ids.get( row.id ) ) );
	}
);

handle(
	keywordRoutes,
	defineRoute( {
		method: 'patch',
		path: '/planner/keywords/{id}',
		operationId: 'updateKeyword',
		tags: TAGS,
		summary: 'Change a keyword',
		access: { rule: 'content_write', params: { id: 'keyword' } },
		request: { params: idParams, body: body( schemas.keywordUpdateBody ) },
		response: schemas.keyword,
	} ),
	async ( c ) => {
		const db = c.get( 'db' );
		const row = await kw.updateKeyword(
			db,
			( c.get( 'resources' ) as R ).id as Keyword,
			c.req.valid( 'json' )
		);
		const ids = await kw.clusterIdsOf( db, [ row.id ] );
		return ok( c, keywordOut( row, ids.get( row.id ) ) );
	}
);

handle(
	keywordRoutes,
	defineRoute( {
		method: 'delete',
		path: '/planner/keywords/{id}',
		operationId: 'deleteKeyword',
		tags: TAGS,
		summary: 'Delete a keyword',
		access: { rule: 'content_write', params: { id: 'keyword' } },
		request: { params: idParams },
	} ),
	async ( c ) => {
		const row = ( c.get( 'resources' ) as R ).id as Keyword;
		const siteRow = await c.get( 'db' ).query.sites.findFirst( {
			where: ( s, { eq } ) => eq( s.id, row.siteId ),
		} );
		await kw.deleteKeywords( c.get( 'db' ), siteRow!, [ row.id ] );
		return ok( c, {}, 200, 'Keyword deleted' );
	}
);

handle(
	keywordRoutes,
	defineRoute( {
		method: 'get',
		path: '/planner/summary',
		operationId: 'getPlannerSummary',
		tags: TAGS,
		summary: 'Pipeline counts: keywords, clusters, ideas, tasks',
		access: { rule: 'content_read', site: 'query' },
		request: { query: schemas.plannerSummaryQuery },
		response: schemas.plannerSummary,
	} ),
	async ( c ) =>
		ok(
			c,
			await plannerSummary(
				c.get( 'db' ),
				site( c ),
				c.req.valid( 'query' ).sector_id
			)
		)
);
