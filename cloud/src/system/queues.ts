// Queue consumer entry: routes each message to the handler of its job type. The AI and sync issues register
// their handlers here; a message of a type nobody handles is logged and dead-lettered (retry until the DLQ).
import type { Env } from '../env';

import { deadLetter, runJob, type JobMessage } from '../ai/engine';
import {
	publisherDeadLetterHandlers,
	publisherQueueHandlers,
} from '../publisher/queue';
import { syncDeadLetterHandlers, syncQueueHandlers } from '../sync/queue';

/** A handler's answer: done (ack), or deliver again after a delay. */
export type QueueHandler = (
	body: unknown,
	env: Env
) => Promise< void | { retryAfterSeconds: number } >;
export const queueHandlers = new Map< string, QueueHandler >( [
	[
		'ai_job',
		async ( body, env ) => {
			const outcome = await runJob( env, ( body as JobMessage ).jobId );
			return outcome.kind === 'retry'
				? { retryAfterSeconds: outcome.delaySeconds }
				: undefined;
		},
	],
	...publisherQueueHandlers,
	...syncQueueHandlers,
] );
/** What to do with a message the queue gave up on. */
export const deadLetterHandlers = new Map<
	string,
	( body: unknown, env: Env ) => Promise< void >
>( [
	[
		'ai_job',
		( body, env ) => deadLetter( env, ( body as JobMessage ).jobId ),
	],
	...publisherDeadLetterHandlers,
	...syncDeadLetterHandlers,
] );

export async function handleQueueBatch(
	batch: MessageBatch< unknown >,
	env: Env
) {
	for ( const message of batch.messages ) {
		const type = ( message.body as { type?: string } | null )?.type ?? '';
		const handler = queueHandlers.get( type );
		if ( batch.queue.endsWith( '-dlq' ) ) {
			console.error(
				JSON.stringify( {
					level: 'error',
					queue: batch.queue,
					message: 'dead-lettered',
					id: message.id,
					type,
				} )
			);
			try {
				await deadLetterHandlers.get( type )?.( message.body, env );
				message.ack();
			} catch ( err ) {
				console.error(
					JSON.stringify( {
						level: 'error',
						queue: batch.queue,
						type,
						error: String( err ),
					} )
				);
				message.retry( { delaySeconds: 30 } );
			}
			continue;
		}
		if ( ! handler ) {
			console.error(
				JSON.stringify( {
					level: 'error',
					queue: batch.queue,
					message: 'no handler for job type',
					type,
				} )
			);
			message.retry();
			continue;
		}
		try {
			const outcome = await handler( message.body, env );
			if ( outcome )
				message.retry( { delaySeconds: outcome.retryAfterSeconds } );
			else message.ack();
		} catch ( err ) {
			console.error(
				JSON.stringify( {
					level: 'error',
					queue: batch.queue,
					type,
					error: String( err ),
				} )
			);
			message.retry( {
				delaySeconds: Math.min( 300, 2 ** message.attempts ),
			} );
		}
	}
}
