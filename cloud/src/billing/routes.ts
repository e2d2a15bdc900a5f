// /api/v1/billing: balance, ledger, usage per day and operation, manual grants by operators.
// Owners cannot grant themselves credits: until payments exist, credits come from the plan's monthly
// grant and from an operator (developer role, or `node scripts/operator.mjs grant-credits`).
import { and, count, desc, eq, sql } from 'drizzle-orm';
import { schemas } from '@igny8/shared';
import { accounts, creditTransactions, usageLogs } from '../db/schema';
import { notFound } from '../lib/errors';
import { list, ok } from '../lib/envelope';
import { pageLinks } from '../lib/paging';
import { body, defineRoute, handle } from '../lib/route';
import { createRouter } from '../lib/router';
import { accountPlan } from '../tenancy/plans';
import { balanceOf, topUp } from './ledger';

export const billingRoutes = createRouter();
const TAGS = [ 'billing' ];

const txOut = (
	t: typeof creditTransactions.$inferSelect | Record< string, unknown >
) => {
	const r = t as Record< string, unknown >;
	return {
		id: Number( r.id ),
		type: ( r.type as 'grant' ) ?? 'grant',
		amount: Number( r.amount ),
		balance_after: Number( r.balanceAfter ?? r.balance_after ),
		reference: ( r.reference as string | null ) ?? null,
		description: ( r.description as string | null ) ?? null,
		created_at: String( r.createdAt ?? r.created_at ),
	};
};

handle(
	billingRoutes,
	defineRoute( {
		method: 'get',
		path: '/billing/balance',
		operationId: 'getBalance',
		tags: TAGS,
		summary:
			'Credit balance (running jobs’ holds already subtracted) and what is held',
		access: { rule: 'any' },
		response: schemas.balance,
	} ),
	async ( c ) => {
		const p = c.get( 'principal' );
		const plan = await accountPlan( c.get( 'db' ), p.accountId );
		return ok( c, {
			...( await balanceOf( c.get( 'db' ), p.accountId ) ),
			plan_monthly_credits: plan?.monthlyCredits ?? null,
		} );
	}
);

handle(
	billingRoutes,
	defineRoute( {
		method: 'get',
		path: '/billing/transactions',
		operationId: 'listTransactions',
		tags: TAGS,
		summary: 'The credit ledger, newest first',
		access: { rule: 'ledger_read' },
		request: { query: schemas.transactionListQuery },
		response: schemas.transaction,
		list: true,
	} ),
	async ( c ) => {
		const q = c.req.valid( 'query' );
		const where = and(
			eq( creditTransactions.accountId, c.get( 'principal' ).accountId ),
			q.type ? eq( creditTransactions.type, q.type ) : undefined
		);
		const pageSize = q.page_size ?? 50;
		const page = q.page ?? 1;
		const db = c.get( 'db' );
		const [ rows, [ total ] ] = await Promise.all( [
			db
				.select()
				.from( creditTransactions )
				.where( where )
				.orderBy( desc( creditTransactions.id ) )
				.limit( pageSize )
				.offset( ( page - 1 ) * pageSize ),
			db
				.select( { n: count() } )
				.from( creditTransactions )
				.where( where ),
		] );
		return list(
			c,
			rows.map( txOut ),
			pageLinks( c, { limit: pageSize, page }, total?.n ?? 0 )
		);
	}
);

handle(
	billingRoutes,
	defineRoute( {
		method: 'get',
		path: '/billing/usage',
		operationId: 'getUsage',
		tags: TAGS,
		summary:
			'Credits, cost, tokens and count per day and operation (default: the last 30 days)',
		access: { rule: 'usage_read' },
		request: { query: schemas.usageQuery },
		response: schemas.usage,
	} ),
	async ( c ) => {
		const q = c.req.valid( 'query' );
		const p = c.get( 'principal' );
		// A WordPress token acts for one site: it sees that site's usage, whatever it asks for.
		const siteId = p.kind === 'wordpress' ? p.siteId : q.site_id;
		const to = q.to ?? new Date().toISOString().slice( 0, 10 );
		const from =
			q.from ??
			new Date( Date.parse( to ) - 29 * 86_400_000 )
				.toISOString()
				.slice( 0, 10 );
		const rows = await c.get( 'db' ).all< {
			date: string;
			operation: string;
			credits: number;
			cost_usd: number;
			tokens: number;
			count: number;
		} >( sql`
      SELECT substr(created_at, 1, 10) AS date, operation, sum(credits) AS credits, round(sum(cost_usd), 6) AS cost_usd,
             sum(tokens_in + tokens_out) AS tokens, count(*) AS count
      FROM ${ usageLogs }
      WHERE account_id = ${ p.accountId } AND created_at >= ${ from } AND created_at < ${ `${ to }T99` }
        ${ siteId ? sql`AND site_id = ${ siteId }` : sql`` }
      GROUP BY date, operation ORDER BY date, operation` );
		const totals = rows.reduce(
			( t, r ) => ( {
				credits: t.credits + r.credits,
				cost_usd: t.cost_usd + r.cost_usd,
				tokens: t.tokens + r.tokens,
				count: t.count + r.count,
			} ),
			{ credits: 0, cost_usd: 0, tokens: 0, count: 0 }
		);
		return ok( c, {
			from,
			to,
			rows,
			totals: {
				...totals,
				cost_usd: Math.round( totals.cost_usd * 1e6 ) / 1e6,
			},
		} );
	}
);

handle(
	billingRoutes,
	defineRoute( {
		method: 'post',
		path: '/billing/topup',
		operationId: 'grantCredits',
		tags: TAGS,
		summary:
			'Grant credits by hand (operators only; owners get credits from their plan)',
		access: { rule: 'credits_grant' },
		request: { body: body( schemas.topupBody ) },
		response: schemas.balance.extend( {
			transaction: schemas.transaction,
		} ),
		status: 201,
	} ),
	async ( c ) => {
		const b = c.req.valid( 'json' );
		const p = c.get( 'principal' );
		const db = c.get( 'db' );
		const accountId = b.account_id ?? p.accountId;
		if (
			! ( await db.query.accounts.findFirst( {
				where: eq( accounts.id, accountId ),
			} ) )
		)
			throw notFound( 'No such account' );
		const tx = await topUp(
			db,
			accountId,
			b.amount,
			`user:${ p.userId }`,
			b.note
		);
		const plan = await accountPlan( db, accountId );
		return ok(
			c,
			{
				...( await balanceOf( db, accountId ) ),
				plan_monthly_credits: plan?.monthlyCredits ?? null,
				transaction: txOut( tx ),
			},
			201
		);
	}
);
