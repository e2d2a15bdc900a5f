// "Cluster unclustered keywords" (algorithmic, no credits) and what it did.
import { Button, Notice } from '@wordpress/components';
import { useDispatch, useSelect } from '@wordpress/data';
import { __, _n, sprintf } from '@wordpress/i18n';
import { store as plannerStore } from '../../../store/planner';
import ErrorNotice from '../../components/ErrorNotice';

export function AutoClusterButton() {
	const { busy, readOnly } = useSelect( ( select ) => {
		const planner = select( plannerStore );
		return {
			busy: planner.isBusy( 'autoCluster' ),
			readOnly: planner.isReadOnly(),
		};
	}, [] );
	const { autoCluster } = useDispatch( plannerStore );
	if ( readOnly ) {
		return null;
	}
	return (
		<Button
			variant="secondary"
			data-testid="igny8-cluster-button"
			isBusy={ busy }
			disabled={ busy }
			onClick={ () => void autoCluster() }
		>
			{ __( 'Cluster unclustered keywords', 'igny8' ) }
		</Button>
	);
}

export function AutoClusterResult() {
	const { result, error } = useSelect( ( select ) => {
		const planner = select( plannerStore );
		return {
			result: planner.getLastAutoCluster(),
			error: planner.getError( 'autoCluster' ),
		};
	}, [] );
	const { dismissResult, clearError } = useDispatch( plannerStore );
	if ( error ) {
		return (
			<ErrorNotice
				error={ error }
				onRemove={ () => clearError( 'autoCluster' ) }
			/>
		);
	}
	if ( ! result ) {
		return null;
	}
	const nothing = result.keywords_considered === 0;
	return (
		<Notice
			status={ nothing ? 'info' : 'success' }
			onRemove={ () => dismissResult( 'autoCluster' ) }
		>
			<p style={ { margin: 0 } } data-testid="igny8-cluster-result">
				{ nothing
					? __(
							'There were no unclustered keywords to cluster.',
							'igny8'
						)
					: [
							sprintf(
								/* translators: 1: keywords clustered, 2: keywords considered */
								__(
									'Clustered %1$d of %2$d keywords:',
									'igny8'
								),
								result.keywords_clustered,
								result.keywords_considered
							),
							sprintf(
								/* translators: %d: number of clusters */
								_n(
									'%d new cluster,',
									'%d new clusters,',
									result.clusters_created,
									'igny8'
								),
								result.clusters_created
							),
							sprintf(
								/* translators: %d: number of clusters */
								_n(
									'%d cluster extended;',
									'%d clusters extended;',
									result.clusters_extended,
									'igny8'
								),
								result.clusters_extended
							),
							sprintf(
								/* translators: %d: number of keywords */
								_n(
									'%d keyword left unclustered.',
									'%d keywords left unclustered.',
									result.unclustered,
									'igny8'
								),
								result.unclustered
							),
							__( 'No credits used.', 'igny8' ),
						].join( ' ' ) }
			</p>
		</Notice>
	);
}
