// The credits as this site sees them: the account's balance, how to get more, and this site's usage. The
// whole account's ledger is the IGNY8 dashboard's (a WordPress token cannot read it).
import { __ } from '@wordpress/i18n';
import { billingApi } from '../../api/billing';
import type { InitialState } from '../../api/wp';
import NotConnectedNotice from '../components/NotConnectedNotice';
import { useCloudData } from '../components/useCloudData';
import InDashboardNotice from '../settings/InDashboardNotice';
import BalanceCard from './BalanceCard';
import MoreCredits from './MoreCredits';
import Usage from './Usage';

export default function CreditsPage( { initial }: { initial: InitialState } ) {
	if ( ! initial.connected ) {
		return (
			<>
				<h1>{ __( 'Credits', 'igny8' ) }</h1>
				<NotConnectedNotice canManage={ initial.user.canManage } />
			</>
		);
	}
	return <ConnectedCredits initial={ initial } />;
}

function ConnectedCredits( { initial }: { initial: InitialState } ) {
	const balance = useCloudData( () => billingApi.getBalance(), [] );
	return (
		<div className="igny8-credits">
			<h1>{ __( 'Credits', 'igny8' ) }</h1>
			<div className="igny8-credits-top">
				<BalanceCard balance={ balance } />
				<MoreCredits
					planMonthlyCredits={
						balance.data
							? balance.data.plan_monthly_credits
							: undefined
					}
				/>
			</div>
			<Usage siteId={ initial.siteId } />
			<div className="igny8-ledger-note">
				<InDashboardNotice
					cloudUrl={ initial.cloudUrl }
					testId="igny8-ledger-in-dashboard"
				>
					{ __(
						'The full credit ledger is in the IGNY8 dashboard.',
						'igny8'
					) }
				</InDashboardNotice>
			</div>
		</div>
	);
}
