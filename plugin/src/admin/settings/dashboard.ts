// The IGNY8 dashboard, where account-wide things are changed (AI providers, prompts, author profiles, the
// ledger): a WordPress token may only read them, so wp-admin links there instead of editing them.

/**
 * The dashboard's address: the cloud serves it at the root of the cloud URL this site is connected to.
 *
 * @param cloudUrl The cloud URL this site is connected to.
 */
export function dashboardUrl( cloudUrl: string ): string | null {
	const base = cloudUrl.trim();
	if ( ! /^https?:\/\/[^/]/i.test( base ) ) {
		return null;
	}
	return `${ base.replace( /\/+$/, '' ) }/`;
}
