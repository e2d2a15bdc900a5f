// Which accounts may use the product: active and trial ones. Suspended and cancelled accounts are refused
// at sign-in, refresh, and on every token or signed request, with a 403 that says why.
import { AppError } from '../lib/errors';

export type AccountStatus = 'active' | 'trial' | 'suspended' | 'cancelled';

export function assertAccountUsable( status: AccountStatus ): void {
	if ( status === 'active' || status === 'trial' ) return;
	const message =
		status === 'suspended'
			? 'This account is suspended; contact support'
			: 'This account is cancelled; contact support to reopen it';
	throw new AppError( 'account_inactive', message, undefined, {
		account_status: status,
	} );
}
