// Plan lookups and limit checks: every limit error names the limit.
import { and, count, eq, ne } from 'drizzle-orm';
import type { Db } from '../db';
import { plans, sites, subscriptions, users } from '../db/schema';
import { planLimit } from '../lib/errors';

export async function accountPlan( db: Db, accountId: number ) {
	const rows = await db
		.select( { plan: plans } )
		.from( subscriptions )
		.innerJoin( plans, eq( plans.id, subscriptions.planId ) )
		.where( eq( subscriptions.accountId, accountId ) )
		.limit( 1 );
	return rows[ 0 ]?.plan ?? null;
}

export async function defaultPlan( db: Db ) {
	const plan =
		( await db.query.plans.findFirst( {
			where: eq( plans.isDefault, true ),
		} ) ) ?? ( await db.query.plans.findFirst() );
	if ( ! plan ) throw new Error( 'no plans seeded: apply the migrations' );
	return plan;
}

export async function assertSiteLimit( db: Db, accountId: number ) {
	const plan = await accountPlan( db, accountId );
	if ( ! plan ) return;
	const [ row ] = await db
		.select( { n: count() } )
		.from( sites )
		.where( eq( sites.accountId, accountId ) );
	if ( ( row?.n ?? 0 ) >= plan.maxSites )
		throw planLimit( 'max_sites', plan.maxSites );
}

export async function assertUserLimit( db: Db, accountId: number ) {
	const plan = await accountPlan( db, accountId );
	if ( ! plan ) return;
	const [ row ] = await db
		.select( { n: count() } )
		.from( users )
		.where(
			and(
				eq( users.accountId, accountId ),
				ne( users.status, 'disabled' )
			)
		);
	if ( ( row?.n ?? 0 ) >= plan.maxUsers )
		throw planLimit( 'max_users', plan.maxUsers );
}
