// Pipeline counts for the Planner dashboard, in one batch.
import { sql } from 'drizzle-orm';
import { transaction, type Db } from '../db';
import {
	clusters,
	ideas,
	keywordClusters,
	keywords,
	tasks,
} from '../db/schema';
import type { Site } from '../lib/resources';

export async function plannerSummary( db: Db, site: Site, sectorId?: number ) {
	const scope = (
		t: typeof keywords | typeof clusters | typeof ideas | typeof tasks
	) =>
		sectorId
			? sql`${ t.accountId } = ${ site.accountId } AND ${ t.siteId } = ${ site.id } AND ${ t.sectorId } = ${ sectorId }`
			: sql`${ t.accountId } = ${ site.accountId } AND ${ t.siteId } = ${ site.id }`;
	type Group = { status: string; n: number };
	const [ kw, unclustered, cl, id, tk ] = (
		await transaction( db, [
			sql`SELECT status, count(*) AS n, coalesce(sum(volume), 0) AS volume FROM ${ keywords }
				WHERE ${ scope( keywords ) } GROUP BY status`,

			sql`SELECT count(*) AS n FROM ${ keywords } WHERE ${ scope( keywords ) }
				AND NOT EXISTS (SELECT 1 FROM ${ keywordClusters } kc WHERE kc.keyword_id = ${ keywords.id })`,
			sql`SELECT status, count(*) AS n FROM ${ clusters } WHERE ${ scope( clusters ) } GROUP BY status`,
			sql`SELECT status, count(*) AS n FROM ${ ideas } WHERE ${ scope( ideas ) } GROUP BY status`,
			sql`SELECT status, count(*) AS n FROM ${ tasks } WHERE ${ scope( tasks ) } GROUP BY status`,
		] )
	).map( ( r ) => r.results );
	const group = ( rows: Group[] ) => ( {
		total: rows.reduce( ( s, r ) => s + r.n, 0 ),
		by_status: Object.fromEntries( rows.map( ( r ) => [ r.status, r.n ] ) ),
	} );
	const kwRows = kw as ( Group & { volume: number } )[];
	return {
		keywords: {
			...group( kwRows ),
			unclustered: ( unclustered as { n: number }[] )[ 0 ]?.n ?? 0,
			volume: kwRows.reduce( ( s, r ) => s + r.volume, 0 ),
		},
		clusters: group( cl as Group[] ),
		ideas: group( id as Group[] ),
		tasks: group( tk as Group[] ),
	};
}
