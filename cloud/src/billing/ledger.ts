// The credit ledger (SPEC §7). The balance lives on the account row and every change is one
// credit_transactions row with the balance after it, written in the same D1 transaction, so the balance
// always equals the sum of the ledger. A hold is a conditional UPDATE: it cannot take the balance below 0.
import { sql, type SQL } from 'drizzle-orm';
import { transaction, type Db } from '../db';
import { accounts, creditTransactions } from '../db/schema';
import { AppError } from '../lib/errors';

type TxType = 'grant' | 'topup' | 'hold' | 'release' | 'refund' | 'adjustment';

/** Statements that move `amount` (positive adds) and record it; with `guard`, only when the guard holds. */
export function movement(
	accountId: number,
	amount: number,
	type: TxType,
	reference: string | null,
	description: string | null,
	guard?: SQL
): SQL[] {
	const when = guard ? sql` AND ${ guard }` : sql``;
	return [
		sql`UPDATE ${ accounts }
        SET credits = credits + ${ amount }, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ','now')
        WHERE id = ${ accountId }${ when }`,
		sql`INSERT INTO ${ creditTransactions } (account_id, type, amount, balance_after, reference, description)
        SELECT id, ${ type }, ${ amount }, credits, ${ reference }, ${ description } FROM ${ accounts }
        WHERE id = ${ accountId } AND changes() = 1${ when }`,
	];
}

export class InsufficientCredits extends AppError {
	constructor( balance: number, cost: number ) {
		super(
			'insufficient_credits',
			`This needs ${ cost } credits and the balance is ${ balance }; top up or wait for the monthly grant`,
			undefined,
			{ balance, cost }
		);
	}
}

/** Something a hold takes along with the credits (a task → generating), or refuses with `conflict`. */
export interface HoldClaim {
	/** The claiming statement; its WHERE must include `covered` (the balance covers the hold). */
	statement: ( covered: SQL ) => SQL;
	conflict: () => AppError;
}

/**
 * Holds credits for a job, atomically: of many concurrent holds, only those the balance covers succeed.
 * `extra` statements (e.g. the job row) are written in the same transaction, after the hold. With a `claim`,
 * the claim runs first and the credits are held only if it changed a row: both land or neither does.
 */
export async function holdCredits(
	db: Db,
	accountId: number,
	amount: number,
	reference: string,
	extra: SQL[] = [],
	claim?: HoldClaim
): Promise< void > {
	const covered = sql`(SELECT credits FROM ${ accounts } WHERE id = ${ accountId }) >= ${ amount }`;
	const first = claim ? [ claim.statement( covered ) ] : [];
	const results = await transaction( db, [
		...first,
		sql`UPDATE ${ accounts }
        SET credits = credits - ${ amount }, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ','now')
        WHERE id = ${ accountId } AND credits >= ${ amount }${ claim ? sql` AND changes() > 0` : sql`` }`,
		sql`INSERT INTO ${ creditTransactions } (account_id, type, amount, balance_after, reference, description)
        SELECT id, 'hold', ${ -amount }, credits, ${ reference }, 'Held while the job runs' FROM ${ accounts }
        WHERE id = ${ accountId } AND changes() = 1`,
		...extra,
	] );
	if ( ( results[ first.length ]?.meta.changes ?? 0 ) > 0 ) return;
	const row = await db.get< { credits: number } >(
		sql`SELECT credits FROM ${ accounts } WHERE id = ${ accountId }`
	);
	const balance = row?.credits ?? 0;
	if ( claim && balance >= amount && ! results[ 0 ]?.meta.changes )
		throw claim.conflict();
	throw new InsufficientCredits( balance, amount );
}

export async function balanceOf( db: Db, accountId: number ) {
	const row = await db.get< {
		credits: number;
		held: number;
	} >( sql`SELECT a.credits AS credits,
      coalesce((SELECT sum(credits_held) FROM ai_jobs j
        WHERE j.account_id = a.id AND j.state IN ('queued', 'running')), 0) AS held
    FROM ${ accounts } a WHERE a.id = ${ accountId }` );
	return { balance: row?.credits ?? 0, held: row?.held ?? 0 };
}

export async function topUp(
	db: Db,
	accountId: number,
	amount: number,
	by: string,
	note?: string
) {
	await transaction(
		db,
		movement(
			accountId,
			amount,
			'topup',
			`topup:${ by }`,
			note ?? 'Manual top-up'
		)
	);
	const tx = await db.get< Record< string, unknown > >(
		sql`SELECT * FROM ${ creditTransactions } WHERE account_id = ${ accountId } ORDER BY id DESC LIMIT 1`
	);
	return tx;
}

/** The monthly plan grant of every active account, once per account and month (the unique grant index). */
export async function grantMonthlyCredits(
	db: Db,
	month = new Date().toISOString().slice( 0, 7 )
) {
	const reference = `grant:${ month }`;
	const due = await db.all< {
		account_id: number;
		credits: number;
		name: string;
	} >( sql`SELECT s.account_id, p.monthly_credits AS credits, p.name
      FROM subscriptions s JOIN plans p ON p.id = s.plan_id JOIN ${ accounts } a ON a.id = s.account_id
      WHERE a.status IN ('active', 'trial') AND s.status = 'active' AND p.monthly_credits > 0
        AND NOT EXISTS (SELECT 1 FROM ${ creditTransactions } t
          WHERE t.account_id = s.account_id AND t.type = 'grant' AND t.reference = ${ reference })` );
	let granted = 0;
	for ( const row of due ) {
		try {
			await transaction(
				db,
				movement(
					row.account_id,
					row.credits,
					'grant',
					reference,
					`Monthly credits of the ${ row.name } plan`
				)
			);
			granted += 1;
		} catch ( err ) {
			// A concurrent run granted it first: the unique index refused the second row and rolled it back.
			if ( ! /UNIQUE/.test( String( err ) ) ) throw err;
		}
	}
	return granted;
}
