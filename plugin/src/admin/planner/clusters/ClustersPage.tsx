import { useDispatch } from '@wordpress/data';
import { useEffect } from '@wordpress/element';
import { store as plannerStore } from '../../../store/planner';
import { useUrlParam } from '../../components/url';
import ClusterDetail from './ClusterDetail';
import ClusterList from './ClusterList';

export default function ClustersPage() {
	const param = useUrlParam( 'cluster' );
	const clusterId = param && /^\d+$/.test( param ) ? Number( param ) : null;
	const { showCluster } = useDispatch( plannerStore );
	useEffect( () => {
		showCluster( clusterId );
	}, [ clusterId, showCluster ] );
	return clusterId === null ? (
		<ClusterList />
	) : (
		<ClusterDetail clusterId={ clusterId } />
	);
}
