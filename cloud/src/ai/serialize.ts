import type { AiJob } from '../lib/resources';

export const jobOut = ( j: AiJob ) => ( {
	id: j.id,
	site_id: j.siteId,
	function: j.function as 'auto_cluster',
	state: j.state,
	phase: j.phase,
	percentage: j.percentage,
	message: j.message,
	model: j.model,
	tokens_in: j.tokensIn,
	tokens_out: j.tokensOut,
	cost_usd: j.costUsd,
	credits_held: j.creditsHeld,
	credits_charged: j.creditsCharged,
	result: j.result ?? null,
	error: j.error,
	steps: ( j.steps ?? [] ) as {
		at: string;
		phase: 'INIT';
		kind: 'info';
		detail: string;
	}[],
	attempts: j.attempts,
	created_at: j.createdAt,
	started_at: j.startedAt,
	finished_at: j.finishedAt,
} );
