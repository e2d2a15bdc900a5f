// Entry of IGNY8 → Clusters: the list, or one cluster's detail with `&cluster=ID` in the URL.
import { dispatch } from '@wordpress/data';
import { __ } from '@wordpress/i18n';
import { store as plannerStore } from '../../../store/planner';
import { mountPage } from '../../components/mount';
import { navigate } from '../../components/url';
import PlannerPage from '../common/PlannerPage';
import ClustersPage from './ClustersPage';
import '../common/planner.css';

mountPage( 'igny8-clusters-root', ( initial ) => {
	dispatch( plannerStore ).setSite( initial.siteId, ! initial.user.canEdit );
	return (
		<PlannerPage
			title={ __( 'Clusters', 'igny8' ) }
			initial={ initial }
			// A cluster belongs to one sector: choosing another leaves its detail for the list.
			onSectorChange={ () => navigate( { cluster: null } ) }
		>
			<ClustersPage />
		</PlannerPage>
	);
} );
