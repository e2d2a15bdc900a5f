// Entry of IGNY8 → Publishing: the publishing log of this site (the chart loads as a chunk).
import { mountPage } from '../components/mount';
import PublishingPage from './PublishingPage';
import '../planner/common/planner.css';
import '../writer/common/writer.css';
import './common/publishing.css';

mountPage( 'igny8-publishing-root', ( initial ) => (
	<PublishingPage initial={ initial } />
) );
