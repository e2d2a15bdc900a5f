// The credit ledger: every change of an account's balance is one row (SPEC §7).
import { sql } from 'drizzle-orm';
import {
	index,
	integer,
	sqliteTable,
	text,
	uniqueIndex,
} from 'drizzle-orm/sqlite-core';
import { accounts } from './tenancy';

export const creditTransactions = sqliteTable(
	'credit_transactions',
	{
		id: integer().primaryKey( { autoIncrement: true } ),
		accountId: integer()
			.notNull()
			.references( () => accounts.id, { onDelete: 'cascade' } ),
		type: text( {
			enum: [
				'grant',
				'topup',
				'hold',
				'release',
				'refund',
				'adjustment',
			],
		} ).notNull(),
		amount: integer().notNull(),
		balanceAfter: integer().notNull(),
		reference: text(),
		description: text(),
		createdAt: text()
			.notNull()
			.default( sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))` ),
	},
	( t ) => [
		index( 'credit_transactions_account_idx' ).on( t.accountId, t.id ),
		// A monthly plan grant (reference grant:YYYY-MM) is given once, however often the cron runs.
		uniqueIndex( 'credit_transactions_grant_idx' )
			.on( t.accountId, t.reference )
			.where( sql`type = 'grant'` ),
	]
);
