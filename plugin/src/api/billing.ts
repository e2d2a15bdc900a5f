// Credits (SPEC §7, §11 "billing") as wp-admin may see them: the account's balance and this site's usage.
// The whole account's ledger and adding credits are the IGNY8 dashboard's and the operator's.
import type { Balance, Usage } from '@igny8/shared';
import { cloud as defaultClient, type CloudClient } from './cloud';

export type { Balance, Usage };
export type UsageRow = Usage[ 'rows' ][ number ];

export interface UsageQuery {
	/** YYYY-MM-DD, both days included. */
	from: string;
	to: string;
	/** The cloud keeps a WordPress token to its own site whatever is sent; sending it says so. */
	site_id?: number;
}

export function createBillingApi( client: CloudClient ) {
	return {
		getBalance: () => client.get< Balance >( '/billing/balance' ),
		getUsage: ( query: UsageQuery ) =>
			client.get< Usage >( '/billing/usage', { query: { ...query } } ),
	};
}

export type BillingApi = ReturnType< typeof createBillingApi >;

/** The page-wide billing API over the shared cloud client. */
export const billingApi: BillingApi = createBillingApi( defaultClient );
