// SYNC_JOBS message handlers of the sync (registered in system/queues.ts): full-sync pages.
import type { Env } from '../env';
import type { QueueHandler } from '../system/queues';
import { deadLetterSync, runSyncPage, type SiteSyncMessage } from './full-sync';

export const syncQueueHandlers: [ string, QueueHandler ][] = [
	[
		'site_sync',
		( body, env ) => runSyncPage( env, body as SiteSyncMessage ),
	],
];
export const syncDeadLetterHandlers: [
	string,
	( body: unknown, env: Env ) => Promise< void >,
][] = [
	[
		'site_sync',
		( body, env ) => deadLetterSync( env, body as SiteSyncMessage ),
	],
];
