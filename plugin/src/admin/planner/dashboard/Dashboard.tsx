// Counts of keywords, clusters, ideas and tasks as cards, the funnel between them, links onward.
import {
	Card,
	CardBody,
	CardFooter,
	CardHeader,
	Spinner,
} from '@wordpress/components';
import { useDispatch, useSelect } from '@wordpress/data';
import { lazy, Suspense, useEffect } from '@wordpress/element';
import { __ } from '@wordpress/i18n';
import type { ReactNode } from 'react';
import { store as plannerStore } from '../../../store/planner';
import type { PlannerSummary } from '../../../store/planner/types';
import ErrorNotice from '../../components/ErrorNotice';
import { adminPageUrl, WRITER_PAGES } from '../../components/url';
import { formatNumber } from '../common/format';
import {
	anyClusterStatus,
	anyIdeaStatus,
	anyKeywordStatus,
	anyTaskStatus,
} from '../common/labels';

const PipelineChart = lazy(
	() => import( /* webpackChunkName: "planner-chart" */ './PipelineChart' )
);

export default function Dashboard() {
	const { summary, sectorId, error } = useSelect( ( select ) => {
		const planner = select( plannerStore );
		return {
			summary: planner.getSummary(),
			sectorId: planner.getSectorId(),
			error: planner.getError( 'summary' ),
		};
	}, [] );
	const { loadSummary } = useDispatch( plannerStore );
	useEffect( () => {
		if ( sectorId !== null ) {
			void loadSummary();
		}
	}, [ sectorId, loadSummary ] );

	if ( error ) {
		return (
			<ErrorNotice
				error={ error }
				actions={ [
					{
						label: __( 'Retry', 'igny8' ),
						onClick: () => void loadSummary(),
					},
				] }
			/>
		);
	}
	if ( ! summary ) {
		return <Spinner />;
	}
	return (
		<div className="igny8-dashboard" data-testid="igny8-planner-summary">
			<div className="igny8-cards">
				<SummaryCard
					title={ __( 'Keywords', 'igny8' ) }
					total={ summary.keywords.total }
					facts={ [
						[
							__( 'Unclustered', 'igny8' ),
							summary.keywords.unclustered,
						],
						[
							__( 'Total search volume', 'igny8' ),
							summary.keywords.volume,
						],
					] }
					byStatus={ summary.keywords.by_status }
					label={ anyKeywordStatus }
					link={ [
						adminPageUrl( 'igny8-keywords' ),
						__( 'Manage keywords', 'igny8' ),
					] }
					testId="igny8-summary-keywords"
				/>
				<SummaryCard
					title={ __( 'Clusters', 'igny8' ) }
					total={ summary.clusters.total }
					byStatus={ summary.clusters.by_status }
					label={ anyClusterStatus }
					link={ [
						adminPageUrl( 'igny8-clusters' ),
						__( 'Manage clusters', 'igny8' ),
					] }
					testId="igny8-summary-clusters"
				/>
				<SummaryCard
					title={ __( 'Ideas', 'igny8' ) }
					total={ summary.ideas.total }
					byStatus={ summary.ideas.by_status }
					label={ anyIdeaStatus }
					link={ [
						adminPageUrl( 'igny8-ideas' ),
						__( 'Manage ideas', 'igny8' ),
					] }
					testId="igny8-summary-ideas"
				/>
				<SummaryCard
					title={ __( 'Writer tasks', 'igny8' ) }
					total={ summary.tasks.total }
					byStatus={ summary.tasks.by_status }
					label={ anyTaskStatus }
					link={ [
						adminPageUrl( WRITER_PAGES.tasks ),
						__( 'Manage tasks in the Writer', 'igny8' ),
					] }
					testId="igny8-summary-tasks"
				/>
			</div>
			<Card className="igny8-chart-card">
				<CardHeader>
					<h2 className="igny8-card-title">
						{ __( 'Pipeline', 'igny8' ) }
					</h2>
				</CardHeader>
				<CardBody>
					<Suspense fallback={ <Spinner /> }>
						<PipelineChart summary={ summary } />
					</Suspense>
				</CardBody>
			</Card>
		</div>
	);
}

interface CardProps {
	title: string;
	total: number;
	facts?: Array< [ string, number ] >;
	byStatus: PlannerSummary[ 'keywords' ][ 'by_status' ];
	label: ( status: string ) => string;
	link?: [ string, string ];
	testId: string;
}

function SummaryCard( {
	title,
	total,
	facts = [],
	byStatus,
	label,
	link,
	testId,
}: CardProps ) {
	const rows: Array< [ string, ReactNode ] > = [
		...facts.map( ( [ name, value ] ): [ string, ReactNode ] => [
			name,
			formatNumber( value ),
		] ),
		...Object.entries( byStatus ).map(
			( [ status, count ] ): [ string, ReactNode ] => [
				label( status ),
				formatNumber( count ),
			]
		),
	];
	return (
		<Card className="igny8-summary-card" data-testid={ testId }>
			<CardHeader>
				<h2 className="igny8-card-title">{ title }</h2>
			</CardHeader>
			<CardBody>
				<p className="igny8-big-number">{ formatNumber( total ) }</p>
				{ rows.length > 0 && (
					<dl className="igny8-facts">
						{ rows.map( ( [ name, value ] ) => (
							<div key={ name }>
								<dt>{ name }</dt>
								<dd>{ value }</dd>
							</div>
						) ) }
					</dl>
				) }
			</CardBody>
			{ link && (
				<CardFooter>
					<a href={ link[ 0 ] }>{ link[ 1 ] } →</a>
				</CardFooter>
			) }
		</Card>
	);
}
