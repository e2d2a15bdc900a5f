import type { AiFunction } from '@igny8/shared';
import { autoClusterAi } from './functions/auto-cluster';
import { generateIdeasAi } from './functions/generate-ideas';
import type { AiFunctionDef } from './types';

/** Every AI function the engine runs, by name. */
export const AI_REGISTRY: Record< AiFunction, AiFunctionDef > = {
	auto_cluster: autoClusterAi,
	generate_ideas: generateIdeasAi,
};
