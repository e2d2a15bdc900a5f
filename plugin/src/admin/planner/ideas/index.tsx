// Entry of IGNY8 → Ideas.
import { dispatch } from '@wordpress/data';
import { __ } from '@wordpress/i18n';
import { store as plannerStore } from '../../../store/planner';
import { mountPage } from '../../components/mount';
import PlannerPage from '../common/PlannerPage';
import IdeasPage from './IdeasPage';
import '../common/planner.css';

mountPage( 'igny8-ideas-root', ( initial ) => {
	dispatch( plannerStore ).setSite( initial.siteId, ! initial.user.canEdit );
	return (
		<PlannerPage title={ __( 'Ideas', 'igny8' ) } initial={ initial }>
			<IdeasPage />
		</PlannerPage>
	);
} );
