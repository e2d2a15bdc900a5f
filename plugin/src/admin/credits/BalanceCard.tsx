// The account's balance, what running jobs hold, and the plan's monthly grant.
import { Button, Card, CardBody, CardHeader, Spinner } from '@wordpress/components';
import { __ } from '@wordpress/i18n';
import { billingApi } from '../../api/billing';
import ErrorNotice from '../components/ErrorNotice';
import { useCloudData } from '../components/useCloudData';

export default function BalanceCard( { version }: { version: number } ) {
	const balance = useCloudData( () => billingApi.getBalance(), [ version ] );
	const data = balance.data;
	return (
		<Card className="igny8-balance-card">
			<CardHeader>
				<h2 className="igny8-card-title">{ __( 'Balance', 'igny8' ) }</h2>
				<Button variant="tertiary" size="small" onClick={ balance.reload } disabled={ balance.loading }>
					{ __( 'Refresh', 'igny8' ) }
				</Button>
			</CardHeader>
			<CardBody>
				<ErrorNotice error={ balance.error } actions={ [ { label: __( 'Retry', 'igny8' ), onClick: balance.reload } ] } />
				{ ! data && balance.loading && <Spinner /> }
				{ data && (
					<>
						<p className="igny8-big-number" data-testid="igny8-credit-balance" data-balance={ data.balance }>
							{ data.balance.toLocaleString() }
							<span className="igny8-unit"> { __( 'credits', 'igny8' ) }</span>
						</p>
						<dl className="igny8-facts">
							<div>
								<dt>{ __( 'Held by running jobs', 'igny8' ) }</dt>
								<dd data-testid="igny8-credit-held">{ data.held.toLocaleString() }</dd>
							</div>
							<div>
								<dt>{ __( 'Monthly plan credits', 'igny8' ) }</dt>
								<dd data-testid="igny8-credit-plan">
									{ data.plan_monthly_credits === null ? '—' : data.plan_monthly_credits.toLocaleString() }
								</dd>
							</div>
						</dl>
					</>
				) }
			</CardBody>
		</Card>
	);
}
