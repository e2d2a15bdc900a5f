import { Notice } from '@wordpress/components';
import { __, sprintf } from '@wordpress/i18n';
import type { ConnectionTestResult } from '../../api/wp';

export default function TestResult( {
	result,
}: {
	result: ConnectionTestResult;
} ) {
	const ok = result.wp_to_cloud && result.cloud_to_wp;
	const word = ( passed: boolean ) =>
		passed ? __( 'OK', 'igny8' ) : __( 'Failed', 'igny8' );

	return (
		<div data-testid="igny8-test-result" style={ { marginTop: 16 } }>
			<Notice status={ ok ? 'success' : 'error' } isDismissible={ false }>
				<div>
					{ sprintf(
						/* translators: %s: OK or Failed */
						__( 'WordPress → cloud: %s', 'igny8' ),
						word( result.wp_to_cloud )
					) }
				</div>
				<div>
					{ sprintf(
						/* translators: %s: OK or Failed */
						__( 'Cloud → WordPress: %s', 'igny8' ),
						word( result.cloud_to_wp )
					) }
				</div>
				{ result.error && <div>{ result.error }</div> }
			</Notice>
		</div>
	);
}
