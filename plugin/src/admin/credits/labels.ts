// The product's words for usage operations, and provider costs in dollars, as the Credits page shows them.
import { __ } from '@wordpress/i18n';

export function operationLabel( operation: string ): string {
	switch ( operation ) {
		case 'auto_cluster':
			return __( 'Clustering', 'igny8' );
		case 'generate_ideas':
			return __( 'Ideas', 'igny8' );
		case 'generate_content':
			return __( 'Content', 'igny8' );
		case 'generate_image_prompts':
			return __( 'Image prompts', 'igny8' );
		case 'generate_images':
			return __( 'Images', 'igny8' );
		case 'optimize':
			return __( 'Optimizer', 'igny8' );
		case 'reparse':
			return __( 'Reparse', 'igny8' );
	}
	return operation;
}

/**
 * USD amounts are tiny per call: up to four decimals below a cent, and "< $0.0001" below that.
 *
 * @param value An amount in USD.
 */
export function formatUsd( value: number ): string {
	if ( value > 0 && value < 0.00005 ) {
		return `< $${ ( 0.0001 ).toLocaleString( undefined, { minimumFractionDigits: 4 } ) }`;
	}
	const digits = value !== 0 && Math.abs( value ) < 0.01 ? 4 : 2;
	return `$${ value.toLocaleString( undefined, { minimumFractionDigits: digits, maximumFractionDigits: digits } ) }`;
}
