import type { AiFunction } from '@igny8/shared';
import { autoClusterAi } from './functions/auto-cluster';
import { generateContentAi } from './functions/generate-content';
import { generateIdeasAi } from './functions/generate-ideas';
import { generateImagePromptsAi } from './functions/generate-image-prompts';
import { generateImagesAi } from './functions/generate-images';
import type { AiFunctionDef } from './types';

/** Every AI function the engine runs, by name. */
export const AI_REGISTRY: Record< AiFunction, AiFunctionDef > = {
	auto_cluster: autoClusterAi,
	generate_ideas: generateIdeasAi,
	generate_content: generateContentAi,
	generate_image_prompts: generateImagePromptsAi,
	generate_images: generateImagesAi,
};
