// The account's credits as this site sees them: balance, what was spent on what, every ledger entry.
import { __ } from '@wordpress/i18n';
import { useState } from '@wordpress/element';
import type { InitialState } from '../../api/wp';
import NotConnectedNotice from '../components/NotConnectedNotice';
import BalanceCard from './BalanceCard';
import Ledger from './Ledger';
import TopUp from './TopUp';
import Usage from './Usage';

export default function CreditsPage( { initial }: { initial: InitialState } ) {
	// Bumped after a top-up: the balance and the ledger load again.
	const [ version, setVersion ] = useState( 0 );
	if ( ! initial.connected ) {
		return (
			<>
				<h1>{ __( 'Credits', 'igny8' ) }</h1>
				<NotConnectedNotice canManage={ initial.user.canManage } />
			</>
		);
	}
	return (
		<div className="igny8-credits">
			<h1>{ __( 'Credits', 'igny8' ) }</h1>
			<div className="igny8-credits-top">
				<BalanceCard version={ version } />
				<TopUp cloudUrl={ initial.cloudUrl } onToppedUp={ () => setVersion( ( v ) => v + 1 ) } />
			</div>
			<Usage />
			<Ledger version={ version } />
		</div>
	);
}
