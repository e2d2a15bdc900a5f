// This site's credits per day (stacked by operation) and per operation, drawn as plain SVG: no chart library.
import { __, sprintf } from '@wordpress/i18n';
import type { Usage } from '../../api/billing';
import { MAX_CHART_DAYS } from './constants';
import { operationLabel } from './labels';
import {
	axisTicks,
	dailyStacks,
	daysBetween,
	labelledDays,
	niceCeiling,
	operationColors,
	operationTotals,
} from './usage';

const WIDTH = 720;
const HEIGHT = 220;
const LEFT = 44;
const BOTTOM = 24;
const TOP = 8;

export default function UsageCharts( { usage }: { usage: Usage } ) {
	const totals = operationTotals( usage.rows );
	const operations = totals.map( ( total ) => total.operation );
	const colors = operationColors( operations );
	return (
		<div className="igny8-usage-charts">
			<Legend operations={ operations } colors={ colors } />
			<DailyChart
				usage={ usage }
				operations={ operations }
				colors={ colors }
			/>
			<OperationChart totals={ totals } colors={ colors } />
		</div>
	);
}

function Legend( {
	operations,
	colors,
}: {
	operations: string[];
	colors: Map< string, string >;
} ) {
	return (
		<ul className="igny8-legend">
			{ operations.map( ( operation ) => (
				<li key={ operation }>
					<span
						className="igny8-swatch"
						style={ { background: colors.get( operation ) } }
					/>
					{ operationLabel( operation ) }
				</li>
			) ) }
		</ul>
	);
}

function DailyChart( {
	usage,
	operations,
	colors,
}: {
	usage: Usage;
	operations: string[];
	colors: Map< string, string >;
} ) {
	const days = daysBetween( usage.from, usage.to, MAX_CHART_DAYS );
	const stacks = dailyStacks( usage.rows, days, operations );
	const max = niceCeiling(
		Math.max( 0, ...stacks.map( ( stack ) => stack.total ) )
	);
	const plot = { width: WIDTH - LEFT - 8, height: HEIGHT - TOP - BOTTOM };
	const slot = plot.width / Math.max( 1, stacks.length );
	const bar = Math.max( 1, Math.min( 28, slot * 0.7 ) );
	const y = ( value: number ) =>
		TOP + plot.height - ( value / max ) * plot.height;
	const labels = labelledDays( stacks.length );

	return (
		<figure className="igny8-chart">
			<svg
				role="img"
				aria-labelledby="igny8-daily-title"
				viewBox={ `0 0 ${ WIDTH } ${ HEIGHT }` }
				width="100%"
				style={ { maxWidth: WIDTH } }
				data-testid="igny8-usage-daily-chart"
			>
				<title id="igny8-daily-title">
					{ __(
						'Credits this site used per day, by operation',
						'igny8'
					) }
				</title>
				{ axisTicks( max ).map( ( tick ) => (
					<g key={ tick }>
						<line
							x1={ LEFT }
							x2={ WIDTH - 8 }
							y1={ y( tick ) }
							y2={ y( tick ) }
							stroke="#f0f0f1"
						/>
						<text
							x={ LEFT - 6 }
							y={ y( tick ) }
							textAnchor="end"
							dominantBaseline="middle"
							fontSize="11"
							fill="#50575e"
						>
							{ tick.toLocaleString() }
						</text>
					</g>
				) ) }
				{ stacks.map( ( stack, index ) => {
					const x = LEFT + index * slot + ( slot - bar ) / 2;
					return (
						<g
							key={ stack.date }
							data-date={ stack.date }
							data-total={ stack.total }
						>
							{ stack.segments.map( ( segment ) => (
								<rect
									key={ segment.operation }
									x={ x }
									y={ y( segment.start + segment.credits ) }
									width={ bar }
									height={ Math.max(
										0,
										y( segment.start ) -
											y( segment.start + segment.credits )
									) }
									fill={ colors.get( segment.operation ) }
								>
									<title>
										{ sprintf(
											/* translators: 1: date, 2: operation, 3: credits */
											__(
												'%1$s · %2$s: %3$s credits',
												'igny8'
											),
											stack.date,
											operationLabel( segment.operation ),
											segment.credits.toLocaleString()
										) }
									</title>
								</rect>
							) ) }
							{ labels.has( index ) && (
								<text
									x={ x + bar / 2 }
									y={ HEIGHT - 6 }
									textAnchor="middle"
									fontSize="11"
									fill="#50575e"
								>
									{ stack.date.slice( 5 ) }
								</text>
							) }
						</g>
					);
				} ) }
				<line
					x1={ LEFT }
					x2={ WIDTH - 8 }
					y1={ y( 0 ) }
					y2={ y( 0 ) }
					stroke="#8c8f94"
				/>
			</svg>
			<figcaption className="screen-reader-text">
				{ stacks
					.filter( ( stack ) => stack.total > 0 )
					.map(
						( stack ) =>
							`${ stack.date }: ${ stack.total.toLocaleString() }`
					)
					.join( '; ' ) }
			</figcaption>
		</figure>
	);
}

function OperationChart( {
	totals,
	colors,
}: {
	totals: ReturnType< typeof operationTotals >;
	colors: Map< string, string >;
} ) {
	const row = 28;
	const label = 150;
	const value = 90;
	const barWidth = WIDTH - label - value;
	const max = Math.max( 1, ...totals.map( ( total ) => total.credits ) );
	return (
		<figure className="igny8-chart">
			<svg
				role="img"
				aria-labelledby="igny8-operations-title"
				viewBox={ `0 0 ${ WIDTH } ${ totals.length * row }` }
				width="100%"
				style={ { maxWidth: WIDTH } }
				data-testid="igny8-usage-operation-chart"
			>
				<title id="igny8-operations-title">
					{ __( 'Credits this site used per operation', 'igny8' ) }
				</title>
				{ totals.map( ( total, index ) => {
					const top = index * row;
					return (
						<g
							key={ total.operation }
							data-operation={ total.operation }
							data-credits={ total.credits }
						>
							<text
								x={ label - 8 }
								y={ top + row / 2 }
								textAnchor="end"
								dominantBaseline="middle"
								fontSize="13"
							>
								{ operationLabel( total.operation ) }
							</text>
							<rect
								x={ label }
								y={ top + 5 }
								width={ barWidth }
								height={ row - 10 }
								fill="#f0f0f1"
								rx="2"
							/>
							<rect
								x={ label }
								y={ top + 5 }
								width={ Math.max(
									total.credits > 0 ? 2 : 0,
									( total.credits / max ) * barWidth
								) }
								height={ row - 10 }
								fill={ colors.get( total.operation ) }
								rx="2"
							/>
							<text
								x={ label + barWidth + 8 }
								y={ top + row / 2 }
								dominantBaseline="middle"
								fontSize="13"
								fontWeight="600"
							>
								{ total.credits.toLocaleString() }
							</text>
						</g>
					);
				} ) }
			</svg>
			<figcaption className="screen-reader-text">
				{ totals
					.map(
						( total ) =>
							`${ operationLabel( total.operation ) }: ${ total.credits.toLocaleString() }`
					)
					.join( '; ' ) }
			</figcaption>
		</figure>
	);
}
