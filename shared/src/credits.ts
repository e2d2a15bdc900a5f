// Credit costs (SPEC §7): one table, used by the cloud to price jobs and by the UIs to show prices.
export const CREDIT_COSTS = {
	/** 1 credit per 30 keywords, at least 1. */
	auto_cluster: { per: 30, unit: 'keyword', min: 1 },
	generate_ideas: { per: 1, unit: 'idea', min: 1 },
	generate_content: { per: 1 / 3, unit: 'piece', min: 3 },
	/** Prompts, alt text and captions for one piece's images. */
	generate_image_prompts: { per: 1, unit: 'piece', min: 1 },
	generate_images: { per: 1, unit: 'image', min: 1 },
	reparse: { per: 1, unit: 'item', min: 1 },
} as const;

export type PricedOperation = keyof typeof CREDIT_COSTS;

/** Credits for `units` of an operation: ceil(units / per), never below the minimum (0 units cost 0). */
export function creditCost(
	operation: PricedOperation,
	units: number
): number {
	if ( units <= 0 ) return 0;
	const { per, min } = CREDIT_COSTS[ operation ];
	return Math.max( min, Math.ceil( units / per - 1e-9 ) );
}
