// Credits and billing (SPEC §7, §11 "billing").
import { z } from 'zod';
import { id, listQuery } from './common';

export const TRANSACTION_TYPES = [
	'grant',
	'topup',
	'hold',
	'release',
	'refund',
	'adjustment',
] as const;

export const balance = z.object( {
	balance: z.number(),
	held: z.number(),
	plan_monthly_credits: z.number().nullable(),
} );
export const transaction = z.object( {
	id: z.number(),
	type: z.enum( TRANSACTION_TYPES ),
	amount: z.number(),
	balance_after: z.number(),
	reference: z.string().nullable(),
	description: z.string().nullable(),
	created_at: z.string(),
} );
export const transactionListQuery = listQuery.extend( {
	type: z.enum( TRANSACTION_TYPES ).optional(),
} );
export const usageQuery = z.object( {
	site_id: id.optional(),
	from: z.iso.date().optional(),
	to: z.iso.date().optional(),
} );
export const usageRow = z.object( {
	date: z.string(),
	operation: z.string(),
	credits: z.number(),
	cost_usd: z.number(),
	tokens: z.number(),
	count: z.number(),
} );
export const usage = z.object( {
	from: z.string(),
	to: z.string(),
	rows: z.array( usageRow ),
	totals: z.object( {
		credits: z.number(),
		cost_usd: z.number(),
		tokens: z.number(),
		count: z.number(),
	} ),
} );
/** A manual grant by an operator: to `account_id` (default: the operator's own account). */
export const topupBody = z.strictObject( {
	amount: z.number().int().min( 1 ).max( 1_000_000 ),
	note: z.string().trim().max( 200 ).optional(),
	account_id: z.number().int().positive().optional(),
} );

export type Balance = z.infer< typeof balance >;
export type Transaction = z.infer< typeof transaction >;
export type Usage = z.infer< typeof usage >;
