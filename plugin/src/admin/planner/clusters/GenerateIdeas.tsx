// "Generate ideas" for some clusters: an AI job asking N ideas of each, priced before it starts.
import { Button, TextControl } from '@wordpress/components';
import { useDispatch, useSelect } from '@wordpress/data';
import { useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';
import { plannerApi } from '../../../api/planner';
import { store as jobsStore } from '../../../store/jobs';
import {
	creditCost,
	IDEAS_PER_CLUSTER,
	MAX_IDEA_CLUSTERS,
} from '../../../store/jobs/constants';
import { store as plannerStore } from '../../../store/planner';
import { priceLabel } from '../../components/job/format';
import JobProgress from '../../components/JobProgress';
import { adminPageUrl } from '../../components/url';
import { ideasPerCluster } from '../common/format';

export const IDEAS_JOB = 'generate-ideas';

export function GenerateIdeasButton( {
	clusterIds,
}: {
	clusterIds: readonly number[];
} ) {
	const [ count, setCount ] = useState( String( IDEAS_PER_CLUSTER.default ) );
	const { siteId, readOnly, active } = useSelect( ( select ) => {
		const planner = select( plannerStore );
		return {
			siteId: planner.getSiteId(),
			readOnly: planner.isReadOnly(),
			active: select( jobsStore ).isActive( IDEAS_JOB ),
		};
	}, [] );
	const { startJob } = useDispatch( jobsStore );
	const { refresh } = useDispatch( plannerStore );
	if ( readOnly ) {
		return null;
	}
	const perCluster = ideasPerCluster( count );
	const tooMany = clusterIds.length > MAX_IDEA_CLUSTERS;
	const start = async () => {
		if ( siteId === null || ! clusterIds.length || tooMany ) {
			return;
		}
		const ids = [ ...clusterIds ];
		const job = await startJob( IDEAS_JOB, () =>
			plannerApi.generateIdeas( siteId, ids, perCluster )
		);
		if ( job ) {
			await refresh();
		}
	};
	let price: string = __( 'Select clusters first', 'igny8' );
	if ( tooMany ) {
		price = sprintf(
			/* translators: %d: the most clusters one job takes */
			__( 'At most %d clusters at a time', 'igny8' ),
			MAX_IDEA_CLUSTERS
		);
	} else if ( clusterIds.length ) {
		price = priceLabel(
			creditCost( 'generate_ideas', clusterIds.length * perCluster )
		);
	}
	return (
		<span className="igny8-priced-action">
			<TextControl
				__nextHasNoMarginBottom
				className="igny8-ideas-per-cluster"
				label={ __( 'Ideas per cluster', 'igny8' ) }
				type="number"
				min={ IDEAS_PER_CLUSTER.min }
				max={ IDEAS_PER_CLUSTER.max }
				value={ count }
				onChange={ ( value: string ) => setCount( value ) }
				onBlur={ () => setCount( String( perCluster ) ) }
				data-testid="igny8-ideas-per-cluster"
			/>
			<Button
				variant="secondary"
				data-testid="igny8-generate-ideas-button"
				isBusy={ active }
				disabled={
					active || ! clusterIds.length || tooMany || siteId === null
				}
				onClick={ () => void start() }
				aria-describedby="igny8-ideas-price"
			>
				{ __( 'Generate ideas', 'igny8' ) }
			</Button>
			<span
				className="igny8-price"
				id="igny8-ideas-price"
				data-testid="igny8-ideas-price"
			>
				{ price }
			</span>
		</span>
	);
}

export function GenerateIdeasProgress() {
	return (
		<JobProgress
			jobKey={ IDEAS_JOB }
			title={ __( 'Generating ideas', 'igny8' ) }
			successActions={
				<a
					href={ adminPageUrl( 'igny8-ideas' ) }
					data-testid="igny8-open-ideas"
				>
					{ __( 'Open Ideas', 'igny8' ) } →
				</a>
			}
		/>
	);
}
