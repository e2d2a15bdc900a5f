// Entry of IGNY8 → Content (the Writer): the sector's articles, or one article's review screen with
// `&content=ID` in the URL (`&task=ID` opens the article a task's generation wrote).
import { dispatch } from '@wordpress/data';
import { __ } from '@wordpress/i18n';
import { store as plannerStore } from '../../../store/planner';
import { mountPage } from '../../components/mount';
import { navigate } from '../../components/url';
import WriterPage from '../common/WriterPage';
import ContentPage from './ContentPage';
import '../../planner/common/planner.css';
// The review screen (a chunk) shows job progress: its styles come with the page, RTL included.
import '../../components/job/job-progress.css';
import '../common/writer.css';
import '../../publishing/common/publishing.css';

mountPage( 'igny8-content-root', ( initial ) => {
	dispatch( plannerStore ).setSite( initial.siteId, ! initial.user.canEdit );
	return (
		<WriterPage
			title={ __( 'Content', 'igny8' ) }
			initial={ initial }
			// A piece belongs to one sector: choosing another leaves its review for the list.
			onSectorChange={ () => navigate( { content: null, task: null } ) }
		>
			<ContentPage readOnly={ ! initial.user.canEdit } />
		</WriterPage>
	);
} );
