// Entry of IGNY8 → Credits: balance, usage charts and the ledger of the account.
import { mountPage } from '../components/mount';
import CreditsPage from './CreditsPage';
import './credits.css';

mountPage( 'igny8-credits-root', ( initial ) => <CreditsPage initial={ initial } /> );
