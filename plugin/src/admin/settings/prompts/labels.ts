// The product's words for each AI function, as the Prompts tab titles their prompts.
import { __ } from '@wordpress/i18n';

export function functionLabel( fn: string ): string {
	switch ( fn ) {
		case 'auto_cluster':
			return __( 'Clustering keywords', 'igny8' );
		case 'generate_ideas':
			return __( 'Generating ideas', 'igny8' );
		case 'generate_content':
			return __( 'Writing content', 'igny8' );
		case 'generate_image_prompts':
			return __( 'Writing image prompts', 'igny8' );
		case 'generate_images':
			return __( 'Making images', 'igny8' );
	}
	return fn;
}
