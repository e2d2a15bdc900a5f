// The Worker: HTTP through the Hono app, queue batches, and cron triggers.
import { createApp } from './app';
import type { Env } from './env';
import { createDb } from './db';
import { runScheduled } from './system/scheduled';
import { handleQueueBatch } from './system/queues';

const app = createApp();

export default {
	fetch: app.fetch,
	queue: ( batch: MessageBatch< unknown >, env: Env ) =>
		handleQueueBatch( batch, env ),
	scheduled: (
		controller: ScheduledController,
		env: Env,
		ctx: ExecutionContext
	) => {
		ctx.waitUntil( runScheduled( controller.cron, createDb( env.DB ) ) );
	},
} satisfies ExportedHandler< Env >;
