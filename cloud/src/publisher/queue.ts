// SYNC_JOBS message handlers of the publisher (registered in system/queues.ts).
import type { Env } from '../env';
import type { QueueHandler } from '../system/queues';
import type { PublishMessage } from './records';
import { deadLetterPublish, runPublish } from './run';

const recordOf = ( body: unknown ) =>
	Number( ( body as Partial< PublishMessage > | null )?.recordId );

export const publisherQueueHandlers: [ string, QueueHandler ][] = [
	[
		'publish',
		async ( body, env ) => {
			const id = recordOf( body );
			if ( ! Number.isSafeInteger( id ) || id <= 0 ) return;
			return runPublish( env, id );
		},
	],
];
export const publisherDeadLetterHandlers: [
	string,
	( body: unknown, env: Env ) => Promise< void >,
][] = [
	[
		'publish',
		async ( body, env ) => {
			const id = recordOf( body );
			if ( Number.isSafeInteger( id ) && id > 0 )
				await deadLetterPublish( env, id );
		},
	],
];
