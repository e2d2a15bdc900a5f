// The product's words for ledger entry types and usage operations, translated when shown.
import { __ } from '@wordpress/i18n';

export function transactionTypeLabel( type: string ): string {
	switch ( type ) {
		case 'grant':
			return __( 'Plan grant', 'igny8' );
		case 'topup':
			return __( 'Top-up', 'igny8' );
		case 'hold':
			return __( 'Hold', 'igny8' );
		case 'release':
			return __( 'Release', 'igny8' );
		case 'refund':
			return __( 'Refund', 'igny8' );
		case 'adjustment':
			return __( 'Adjustment', 'igny8' );
	}
	return type;
}

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

/** USD amounts are tiny per call: up to four decimals below a cent, and "< $0.0001" below that. */
export function formatUsd( value: number ): string {
	if ( value > 0 && value < 0.00005 ) {
		return `< $${ ( 0.0001 ).toLocaleString( undefined, { minimumFractionDigits: 4 } ) }`;
	}
	const digits = value !== 0 && Math.abs( value ) < 0.01 ? 4 : 2;
	return `$${ value.toLocaleString( undefined, { minimumFractionDigits: digits, maximumFractionDigits: digits } ) }`;
}

/** A ledger amount with its sign: +500, −12. */
export function formatAmount( amount: number ): string {
	if ( amount > 0 ) {
		return `+${ amount.toLocaleString() }`;
	}
	return amount < 0 ? `−${ Math.abs( amount ).toLocaleString() }` : '0';
}
