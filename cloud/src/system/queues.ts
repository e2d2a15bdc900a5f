// Queue consumer entry: routes each message to the handler of its job type. The AI and sync issues register
// their handlers here; a message of a type nobody handles is logged and dead-lettered (retry until the DLQ).
import type { Env } from '../env';

export type QueueHandler = (body: unknown, env: Env) => Promise<void>;
export const queueHandlers = new Map<string, QueueHandler>();

export async function handleQueueBatch(batch: MessageBatch<unknown>, env: Env) {
  for (const message of batch.messages) {
    const type = (message.body as { type?: string } | null)?.type ?? '';
    const handler = queueHandlers.get(type);
    if (batch.queue.endsWith('-dlq')) {
      console.error(JSON.stringify({ level: 'error', queue: batch.queue, message: 'dead-lettered', id: message.id, type }));
      message.ack();
      continue;
    }
    if (!handler) {
      console.error(JSON.stringify({ level: 'error', queue: batch.queue, message: 'no handler for job type', type }));
      message.retry();
      continue;
    }
    try {
      await handler(message.body, env);
      message.ack();
    } catch (err) {
      console.error(JSON.stringify({ level: 'error', queue: batch.queue, type, error: String(err) }));
      message.retry({ delaySeconds: Math.min(300, 2 ** message.attempts) });
    }
  }
}
