// Cron triggers (wrangler.toml [triggers]): housekeeping now; plan grants and automation join with their issues.
import { lt } from 'drizzle-orm';
import type { Db } from '../db';
import { connectionCodes, refreshTokens } from '../db/schema';
import { purgeExpiredNonces } from '../integration/signing';
import { grantMonthlyCredits } from '../billing/ledger';

export async function cleanup( db: Db ) {
	const now = new Date().toISOString();
	await purgeExpiredNonces( db );
	await db
		.delete( connectionCodes )
		.where( lt( connectionCodes.expiresAt, now ) );
	// Keep revoked refresh tokens until they expire: reuse detection needs them.
	await db
		.delete( refreshTokens )
		.where( lt( refreshTokens.expiresAt, now ) );
}

export async function runScheduled( cron: string, db: Db ) {
	if ( cron === '17 * * * *' ) await cleanup( db );
	// Monthly plan grants: the 1st at 00:05, and hourly as a catch-up (a grant is given once a month anyway).
	if ( cron === '5 0 1 * *' || cron === '17 * * * *' )
		await grantMonthlyCredits( db );
}
