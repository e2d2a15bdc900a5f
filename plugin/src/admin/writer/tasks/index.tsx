// Entry of IGNY8 → Tasks (the Writer): the sector's tasks, their editor and content generation.
import { dispatch } from '@wordpress/data';
import { __ } from '@wordpress/i18n';
import { store as plannerStore } from '../../../store/planner';
import { mountPage } from '../../components/mount';
import WriterPage from '../common/WriterPage';
import TasksPage from './TasksPage';
import '../../planner/common/planner.css';
import '../common/writer.css';

mountPage( 'igny8-tasks-root', ( initial ) => {
	dispatch( plannerStore ).setSite( initial.siteId, ! initial.user.canEdit );
	return (
		<WriterPage title={ __( 'Tasks', 'igny8' ) } initial={ initial }>
			<TasksPage readOnly={ ! initial.user.canEdit } />
		</WriterPage>
	);
} );
