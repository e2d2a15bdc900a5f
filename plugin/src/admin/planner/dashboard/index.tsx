// Entry of IGNY8 → Planner: the pipeline of the chosen sector at a glance.
import { dispatch } from '@wordpress/data';
import { __ } from '@wordpress/i18n';
import { store as plannerStore } from '../../../store/planner';
import { mountPage } from '../../components/mount';
import PlannerPage from '../common/PlannerPage';
import Dashboard from './Dashboard';
import '../common/planner.css';

mountPage( 'igny8-planner-root', ( initial ) => {
	dispatch( plannerStore ).setSite( initial.siteId, ! initial.user.canEdit );
	return (
		<PlannerPage title={ __( 'Planner', 'igny8' ) } initial={ initial }>
			<Dashboard />
		</PlannerPage>
	);
} );
