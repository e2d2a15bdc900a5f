// Entry of IGNY8 → Credits: the account's balance, how to get more credits, and this site's usage.
import { mountPage } from '../components/mount';
import CreditsPage from './CreditsPage';
import './credits.css';

mountPage( 'igny8-credits-root', ( initial ) => (
	<CreditsPage initial={ initial } />
) );
