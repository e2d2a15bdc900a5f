// The account's balance and what running jobs hold.
import {
	Button,
	Card,
	CardBody,
	CardHeader,
	Spinner,
} from '@wordpress/components';
import { __ } from '@wordpress/i18n';
import type { Balance } from '../../api/billing';
import RoleNotice from '../components/RoleNotice';
import type { CloudData } from '../components/useCloudData';

export default function BalanceCard( {
	balance,
}: {
	balance: CloudData< Balance >;
} ) {
	const data = balance.data;
	return (
		<Card className="igny8-balance-card">
			<CardHeader>
				<h2 className="igny8-card-title">
					{ __( 'Balance', 'igny8' ) }
				</h2>
				<Button
					variant="tertiary"
					size="small"
					onClick={ balance.reload }
					disabled={ balance.loading }
				>
					{ __( 'Refresh', 'igny8' ) }
				</Button>
			</CardHeader>
			<CardBody>
				<RoleNotice
					error={ balance.error }
					onRetry={ balance.reload }
					refused={ __(
						'Credits are shown to WordPress users who can write posts.',
						'igny8'
					) }
				/>
				{ ! data && balance.loading && <Spinner /> }
				{ data && (
					<>
						<p
							className="igny8-big-number"
							data-testid="igny8-credit-balance"
							data-balance={ data.balance }
						>
							{ data.balance.toLocaleString() }
							<span className="igny8-unit">
								{ ' ' }
								{ __( 'credits', 'igny8' ) }
							</span>
						</p>
						<dl className="igny8-facts">
							<div>
								<dt>
									{ __( 'Held by running jobs', 'igny8' ) }
								</dt>
								<dd data-testid="igny8-credit-held">
									{ data.held.toLocaleString() }
								</dd>
							</div>
						</dl>
					</>
				) }
			</CardBody>
		</Card>
	);
}
