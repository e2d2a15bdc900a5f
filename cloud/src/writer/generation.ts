// Starting generation for many items at once: one job per item, each holding its own credits. The items
// are checked to be the site's first (400 naming the others); then jobs start in order until the credits
// or the plan's room run out, and what did not start is reported with the error it got.
import { sql } from 'drizzle-orm';
import type { AiFunction, GenerationStarted } from '@igny8/shared';
import type { Env } from '../env';
import type { Db } from '../db';
import { assertProvider, createJob } from '../ai/engine';
import { jobOut } from '../ai/serialize';
import { AppError, validation } from '../lib/errors';
import { jsonIds } from '../lib/keyset';
import type { Principal } from '../lib/principal';
import type { Site } from '../lib/resources';

/** Errors after which no later item can start either: the rest are reported with the same error. */
const EXHAUSTED = new Set( [ 'insufficient_credits', 'plan_limit' ] );

/** Answers 400 naming the ids that are not rows of `table` on the site. */
export async function assertOnSite(
	db: Db,
	site: Site,
	table: 'tasks' | 'content',
	field: string,
	ids: number[]
) {
	const rows = await db.all< { id: number } >(
		sql`SELECT id FROM ${ sql.identifier( table ) }
			WHERE account_id = ${ site.accountId } AND site_id = ${ site.id } AND id IN ${ jsonIds( ids ) }`
	);
	const known = new Set( rows.map( ( r ) => r.id ) );
	const missing = ids.filter( ( id ) => ! known.has( id ) );
	if ( missing.length )
		throw validation(
			`Some ${ table === 'tasks' ? 'tasks' : 'content' } are not on this site`,
			{ [ field ]: [ `not found: ${ missing.join( ', ' ) }` ] }
		);
}

export async function startEach(
	env: Env,
	db: Db,
	p: Principal,
	fn: AiFunction,
	ids: number[],
	payloadOf: ( id: number ) => Record< string, unknown >,
	server: Record< string, unknown > = {}
): Promise< GenerationStarted > {
	// No provider: nothing can start, and the caller should hear it once (422), not per item.
	await assertProvider( env, db, p.accountId, fn );
	const started: GenerationStarted = { jobs: [], not_started: [] };
	const unique = [ ...new Set( ids ) ];
	for ( const [ i, id ] of unique.entries() ) {
		try {
			started.jobs.push(
				jobOut(
					await createJob( env, db, p, fn, payloadOf( id ), server )
				)
			);
		} catch ( err ) {
			if ( ! ( err instanceof AppError ) ) throw err;
			const rest = EXHAUSTED.has( err.code ) ? unique.slice( i ) : [ id ];
			started.not_started.push(
				...rest.map( ( left ) => ( {
					id: left,
					code: err.code,
					message: err.message,
				} ) )
			);
			if ( EXHAUSTED.has( err.code ) ) break;
		}
	}
	return started;
}

export function startedMessage( s: GenerationStarted ): string {
	const n = s.jobs.length;
	return `${ n } job${ n === 1 ? '' : 's' } started${ s.not_started.length ? `, ${ s.not_started.length } not started` : '' }`;
}
