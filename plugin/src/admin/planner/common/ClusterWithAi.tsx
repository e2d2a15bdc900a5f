// "Cluster with AI": an AI job over the sector's unclustered keywords, priced before it starts.
import { Button } from '@wordpress/components';
import { useDispatch, useSelect } from '@wordpress/data';
import { useEffect } from '@wordpress/element';
import { __, _n, sprintf } from '@wordpress/i18n';
import { plannerApi } from '../../../api/planner';
import { store as jobsStore } from '../../../store/jobs';
import { creditCost } from '../../../store/jobs/constants';
import { store as plannerStore } from '../../../store/planner';
import { priceLabel } from '../../components/job/format';
import JobProgress from '../../components/JobProgress';

export const CLUSTER_AI_JOB = 'cluster-ai';

/** The sector's unclustered keywords (from the summary, loaded once per sector), or null until known. */
function useUnclustered(): number | null {
	const { summary, sectorId } = useSelect( ( select ) => {
		const planner = select( plannerStore );
		return {
			summary: planner.getSummary(),
			sectorId: planner.getSectorId(),
		};
	}, [] );
	const { loadSummary } = useDispatch( plannerStore );
	const missing = sectorId !== null && ! summary;
	useEffect( () => {
		if ( missing ) {
			void loadSummary();
		}
		// eslint-disable-next-line react-hooks/exhaustive-deps
	}, [ sectorId ] );
	return summary ? summary.keywords.unclustered : null;
}

export function ClusterWithAiButton() {
	const { placement, readOnly, active } = useSelect( ( select ) => {
		const planner = select( plannerStore );
		return {
			placement: planner.getPlacement(),
			readOnly: planner.isReadOnly(),
			active: select( jobsStore ).isActive( CLUSTER_AI_JOB ),
		};
	}, [] );
	const unclustered = useUnclustered();
	const { startJob } = useDispatch( jobsStore );
	const { refresh } = useDispatch( plannerStore );
	if ( readOnly ) {
		return null;
	}
	const start = async () => {
		if ( ! placement ) {
			return;
		}
		const job = await startJob( CLUSTER_AI_JOB, () =>
			plannerApi.clusterWithAi( placement )
		);
		if ( job ) {
			await refresh();
		}
	};
	const price =
		unclustered === null ? null : creditCost( 'auto_cluster', unclustered );
	return (
		<span className="igny8-priced-action">
			<Button
				variant="secondary"
				data-testid="igny8-cluster-ai-button"
				isBusy={ active }
				disabled={ active || ! placement }
				onClick={ () => void start() }
				aria-describedby="igny8-cluster-ai-price"
			>
				{ __( 'Cluster with AI', 'igny8' ) }
			</Button>
			{ price !== null && (
				<span
					className="igny8-price"
					id="igny8-cluster-ai-price"
					data-testid="igny8-cluster-ai-price"
				>
					{ unclustered === 0
						? __( 'No unclustered keywords', 'igny8' )
						: `${ sprintf(
								/* translators: %s: number of keywords */
								_n(
									'%s unclustered keyword',
									'%s unclustered keywords',
									unclustered ?? 0,
									'igny8'
								),
								( unclustered ?? 0 ).toLocaleString()
							) } · ${ priceLabel( price ) }` }
				</span>
			) }
		</span>
	);
}

export function ClusterWithAiProgress() {
	return (
		<JobProgress
			jobKey={ CLUSTER_AI_JOB }
			title={ __( 'Clustering with AI', 'igny8' ) }
		/>
	);
}
