// Entry of IGNY8 → Keywords.
import { dispatch } from '@wordpress/data';
import { __ } from '@wordpress/i18n';
import { store as plannerStore } from '../../../store/planner';
import { mountPage } from '../../components/mount';
import PlannerPage from '../common/PlannerPage';
import KeywordsPage from './KeywordsPage';
import '../common/planner.css';

mountPage( 'igny8-keywords-root', ( initial ) => {
	dispatch( plannerStore ).setSite( initial.siteId, ! initial.user.canEdit );
	return (
		<PlannerPage title={ __( 'Keywords', 'igny8' ) } initial={ initial }>
			<KeywordsPage />
		</PlannerPage>
	);
} );
