// Entry of IGNY8 → Images (the Writer): the sector's images, by piece and status; `&content=ID` in the URL
// shows one piece's.
import { dispatch } from '@wordpress/data';
import { __ } from '@wordpress/i18n';
import { store as plannerStore } from '../../../store/planner';
import { mountPage } from '../../components/mount';
import { navigate } from '../../components/url';
import WriterPage from '../common/WriterPage';
import ImagesPage from './ImagesPage';
import '../../planner/common/planner.css';
import '../common/writer.css';

mountPage( 'igny8-images-root', ( initial ) => {
	dispatch( plannerStore ).setSite( initial.siteId, ! initial.user.canEdit );
	return (
		<WriterPage
			title={ __( 'Images', 'igny8' ) }
			initial={ initial }
			onSectorChange={ () => navigate( { content: null } ) }
		>
			<ImagesPage readOnly={ ! initial.user.canEdit } />
		</WriterPage>
	);
} );
