// The AI engine's value lists and credit prices, copied as plain values: importing them from
// @igny8/shared would bundle zod. test/constants.test.ts keeps them equal to the shared ones.
import type {
	CREDIT_COSTS as SHARED_COSTS,
	JOB_PHASES as SHARED_PHASES,
	JOB_STATES as SHARED_STATES,
} from '@igny8/shared';

type Of< T extends readonly string[] > = readonly T[ number ][];

export const JOB_STATES = [
	'queued',
	'running',
	'succeeded',
	'failed',
	'cancelled',
] as const satisfies Of< typeof SHARED_STATES >;
/** States a job never leaves. */
export const TERMINAL_STATES = [
	'succeeded',
	'failed',
	'cancelled',
] as const satisfies Of< typeof SHARED_STATES >;
export const JOB_PHASES = [
	'INIT',
	'PREP',
	'AI_CALL',
	'PARSE',
	'SAVE',
	'DONE',
] as const satisfies Of< typeof SHARED_PHASES >;

/** How many credits a unit of each operation costs (SPEC §7): ceil(units / per), at least `min`. */
export const CREDIT_COSTS = {
	auto_cluster: { per: 30, min: 1 },
	generate_ideas: { per: 1, min: 1 },
	generate_content: { per: 1 / 3, min: 3 },
	generate_image_prompts: { per: 1, min: 1 },
	generate_images: { per: 1, min: 1 },
	reparse: { per: 1, min: 1 },
} as const satisfies {
	[ K in keyof typeof SHARED_COSTS ]: { per: number; min: number };
};

export type PricedOperation = keyof typeof CREDIT_COSTS;

/**
 * Credits for `units` of an operation, as the cloud will price the job (0 units cost nothing).
 *
 * @param operation The priced operation.
 * @param units     Keywords or clusters the job works on.
 */
export function creditCost(
	operation: PricedOperation,
	units: number
): number {
	if ( ! ( units > 0 ) ) {
		return 0;
	}
	const { per, min } = CREDIT_COSTS[ operation ];
	return Math.max( min, Math.ceil( units / per - 1e-9 ) );
}

/** Ideas asked for each cluster (generateIdeasPayload: 1–10, 3 by default), and clusters per job. */
export const IDEAS_PER_CLUSTER = { min: 1, max: 10, default: 3 } as const;
export const MAX_IDEA_CLUSTERS = 200;

/** How often a job is asked for its state when its event stream cannot be read. */
export const POLL_INTERVAL_MS = 1000;
/** How often the jobs of a batch (several followed together) are asked for. */
export const BATCH_POLL_INTERVAL_MS = 1500;
