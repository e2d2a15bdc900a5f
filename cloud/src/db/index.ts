import type { SQL } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/d1';
import { SQLiteAsyncDialect } from 'drizzle-orm/sqlite-core';
import * as schema from './schema';

export type Db = ReturnType< typeof createDb >;

/**
 * D1 allows 1,000 queries per Worker invocation on paid plans (each statement of a batch counts), and
 * local Miniflare does not enforce it. Count here, so a request that would fail in production fails in tests.
 */
export const STATEMENT_BUDGET = 900;

export function createDb( d1: D1Database, budget = STATEMENT_BUDGET ) {
	let statements = 0;
	const counted = new Proxy( d1, {
		get( target, prop ) {
			if ( prop === 'prepare' ) {
				return ( query: string ) => {
					statements += 1;
					if ( statements > budget )
						throw new Error(
							`D1 statement budget exceeded: more than ${ budget } statements in one invocation`
						);
					return target.prepare( query );
				};
			}
			const value: unknown = Reflect.get( target, prop, target );
			return typeof value === 'function'
				? ( value as ( ...args: unknown[] ) => unknown ).bind( target )
				: value;
		},
	} );
	const db = drizzle( counted, { schema, casing: 'snake_case' } );
	clients.set( db, counted );
	return db;
}

const clients = new WeakMap< object, D1Database >();
const dialect = new SQLiteAsyncDialect( { casing: 'snake_case' } );

type Batchable = SQL | { toSQL(): { sql: string; params: unknown[] } };

/**
 * Runs statements as one D1 batch, which D1 executes as a transaction: all land or none do. Takes raw
 * `sql` fragments (drizzle's own batch cannot bind them) and query builders; answers D1's raw results.
 */
export async function transaction(
	db: Db,
	statements: Batchable[]
): Promise< D1Result< Record< string, unknown > >[] > {
	const client = clients.get( db );
	if ( ! client ) throw new Error( 'not a database made by createDb' );
	if ( ! statements.length ) return [];
	const prepared = statements.map( ( s ) => {
		const q = 'toSQL' in s ? s.toSQL() : dialect.sqlToQuery( s );
		return client.prepare( q.sql ).bind( ...q.params );
	} );
	return client.batch( prepared );
}

export { schema };
