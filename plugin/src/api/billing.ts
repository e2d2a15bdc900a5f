// Credits and billing (SPEC §7, §11 "billing"): balance, ledger, usage, top-up; one function per call.
import type { Balance, Transaction, Usage } from '@igny8/shared';
import { cloud as defaultClient, type CloudClient, type CloudList } from './cloud';

export type { Balance, Transaction, Usage };
export type TransactionType = Transaction[ 'type' ];
export type UsageRow = Usage[ 'rows' ][ number ];

export interface TransactionQuery {
	page: number;
	page_size: number;
	type?: TransactionType;
}

export interface UsageQuery {
	/** YYYY-MM-DD, both days included. */
	from: string;
	to: string;
	site_id?: number;
}

export function createBillingApi( client: CloudClient ) {
	return {
		getBalance: () => client.get< Balance >( '/billing/balance' ),
		listTransactions: ( query: TransactionQuery ) =>
			client.get< CloudList< Transaction > >( '/billing/transactions', { query: { ...query } } ),
		getUsage: ( query: UsageQuery ) => client.get< Usage >( '/billing/usage', { query: { ...query } } ),
		/** Owner and developer only: a WordPress user's token is refused with 403. */
		topUp: ( amount: number, note?: string ) =>
			client.post< Balance >( '/billing/topup', note ? { amount, note } : { amount } ),
		/** The cloud role of this WordPress user, to know whether a top-up can be offered. */
		role: () => client.role(),
	};
}

export type BillingApi = ReturnType< typeof createBillingApi >;

/** The page-wide billing API over the shared cloud client. */
export const billingApi: BillingApi = createBillingApi( defaultClient );
