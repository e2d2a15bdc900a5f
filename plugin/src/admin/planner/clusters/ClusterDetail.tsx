// One cluster: its name and numbers, its keywords, and what can be done with them.
import { Notice, Spinner } from '@wordpress/components';
import { useDispatch, useSelect } from '@wordpress/data';
import { lazy, Suspense, useEffect, useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';
import { store as plannerStore } from '../../../store/planner';
import type { Cluster, Keyword } from '../../../store/planner/types';
import ErrorNotice from '../../components/ErrorNotice';
import { adminPageUrl, navigate } from '../../components/url';
import { topKeywords } from '../common/format';
import ClusterHeader from './ClusterHeader';
import ClusterKeywords from './ClusterKeywords';
import { GenerateIdeasProgress } from './GenerateIdeas';

const IdeaEditor = lazy(
	() => import( /* webpackChunkName: "idea-editor" */ '../ideas/IdeaEditor' )
);

export default function ClusterDetail( { clusterId }: { clusterId: number } ) {
	const {
		cluster,
		sectorId,
		sectors,
		error,
		readOnly,
		createdIdea,
		keywords,
	} = useSelect(
		( select ) => {
			const planner = select( plannerStore );
			const current = planner.getCluster();
			return {
				cluster: current?.id === clusterId ? current : null,
				sectorId: planner.getSectorId(),
				sectors: planner.getSectors(),
				error: planner.getError( 'cluster' ),
				readOnly: planner.isReadOnly(),
				createdIdea: planner.getLastCreatedIdea(),
				keywords: planner.getListItems(
					'clusterKeywords'
				) as Keyword[],
			};
		},
		[ clusterId ]
	);
	const { loadCluster, selectSector, clearError, dismissResult } =
		useDispatch( plannerStore );
	const [ creatingIdea, setCreatingIdea ] = useState( false );

	useEffect( () => {
		void loadCluster( clusterId );
	}, [ clusterId, loadCluster ] );

	// Opened from a link to a cluster of another sector: the page follows it there.
	const elsewhere = cluster !== null && cluster.sector_id !== sectorId;
	const sectorKnown =
		elsewhere &&
		( sectors ?? [] ).some(
			( s ) => s.id === cluster.sector_id && s.status === 'active'
		);
	useEffect( () => {
		if ( cluster && sectorKnown ) {
			selectSector( cluster.sector_id );
		}
	}, [ cluster, sectorKnown, selectSector ] );

	const back = (
		<p>
			<a
				href={ adminPageUrl( 'igny8-clusters' ) }
				onClick={ ( event ) => {
					event.preventDefault();
					navigate( { cluster: null } );
				} }
			>
				{ __( '← All clusters', 'igny8' ) }
			</a>
		</p>
	);

	return (
		<div
			className="igny8-cluster-detail"
			data-testid="igny8-cluster-detail"
		>
			{ back }
			<ErrorNotice
				error={ error }
				onRemove={ () => clearError( 'cluster' ) }
			/>
			{ ! cluster && ! error && <Spinner /> }
			{ cluster && elsewhere && ! sectorKnown && (
				<Notice status="warning" isDismissible={ false }>
					{ __(
						'This cluster belongs to a sector that is not active.',
						'igny8'
					) }
				</Notice>
			) }
			{ cluster && ! elsewhere && (
				<>
					<ClusterHeader
						cluster={ cluster }
						readOnly={ readOnly }
						onCreateIdea={ () => {
							dismissResult( 'createdIdea' );
							setCreatingIdea( true );
						} }
					/>
					<GenerateIdeasProgress />
					{ createdIdea && createdIdea.cluster_id === cluster.id && (
						<Notice
							status="success"
							onRemove={ () => dismissResult( 'createdIdea' ) }
						>
							<span data-testid="igny8-idea-created">
								{ sprintf(
									/* translators: %s: idea title */
									__( 'Idea “%s” created.', 'igny8' ),
									createdIdea.title
								) }{ ' ' }
								<a href={ adminPageUrl( 'igny8-ideas' ) }>
									{ __( 'Open Ideas', 'igny8' ) }
								</a>
							</span>
						</Notice>
					) }
					<ClusterKeywords
						cluster={ cluster }
						readOnly={ readOnly }
					/>
					{ creatingIdea && (
						<Suspense fallback={ <Spinner /> }>
							<IdeaEditor
								initial={ ideaFromCluster( cluster, keywords ) }
								onClose={ () => setCreatingIdea( false ) }
							/>
						</Suspense>
					) }
				</>
			) }
		</div>
	);
}

/**
 * A first idea for the cluster: its name as the title, its strongest keywords as targets.
 *
 * @param cluster  The cluster.
 * @param keywords Its keywords.
 */
function ideaFromCluster( cluster: Cluster, keywords: Keyword[] ) {
	return {
		title: cluster.name,
		cluster_id: cluster.id,
		target_keywords: topKeywords( keywords, 5 ),
		content_type: 'post' as const,
	};
}
