import type { Role } from '@igny8/shared';

/**
 * Who is calling, resolved once per request by the auth middleware. Services take it as an argument;
 * every query filters by `accountId` (unless `allAccounts`) and, for site-scoped callers, by `siteIds`.
 */
export interface Principal {
	kind: 'user' | 'wordpress' | 'site_signature';
	accountId: number;
	userId: number | null;
	role: Role;
	/** developer and system_bot reach every account. */
	allAccounts: boolean;
	/** Sites this caller may see: every site of the account, or the listed ones. */
	siteIds: 'all' | number[];
	/** Set for WordPress-minted tokens and signed site requests. */
	siteId: number | null;
	wpUserId: number | null;
}

export function canSeeSite(
	p: Principal,
	site: { id: number; accountId: number }
): boolean {
	if ( ! p.allAccounts && site.accountId !== p.accountId ) return false;
	return p.siteIds === 'all' || p.siteIds.includes( site.id );
}

export function ownsAccountRow(
	p: Principal,
	row: { accountId: number }
): boolean {
	return p.allAccounts || row.accountId === p.accountId;
}
