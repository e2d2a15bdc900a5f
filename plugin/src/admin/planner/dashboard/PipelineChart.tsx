// The funnel as horizontal SVG bars: no chart library, about a kilobyte.
import { __ } from '@wordpress/i18n';
import type { PlannerSummary } from '../../../store/planner/types';
import { formatNumber } from '../common/format';
import { barWidths, funnelStages } from './funnel';

const ROW = 30;
const LABEL = 170;
const BAR = 420;
const VALUE = 90;

export default function PipelineChart( {
	summary,
}: {
	summary: PlannerSummary;
} ) {
	const stages = funnelStages( summary );
	const widths = barWidths( stages.map( ( stage ) => stage.value ) );
	const height = stages.length * ROW;
	return (
		<figure className="igny8-chart">
			<svg
				role="img"
				aria-labelledby="igny8-chart-title"
				viewBox={ `0 0 ${ LABEL + BAR + VALUE } ${ height }` }
				width="100%"
				style={ { maxWidth: LABEL + BAR + VALUE } }
				data-testid="igny8-pipeline-chart"
			>
				<title id="igny8-chart-title">
					{ __(
						'Planner pipeline, from keywords to completed tasks',
						'igny8'
					) }
				</title>
				{ stages.map( ( stage, index ) => {
					const y = index * ROW;
					const width = ( widths[ index ] / 100 ) * BAR;
					return (
						<g key={ stage.key }>
							<text
								x={ LABEL - 8 }
								y={ y + ROW / 2 }
								textAnchor="end"
								dominantBaseline="middle"
								fontSize="13"
							>
								{ stage.label }
							</text>
							<rect
								x={ LABEL }
								y={ y + 5 }
								width={ BAR }
								height={ ROW - 10 }
								fill="#f0f0f1"
								rx="2"
							/>
							<rect
								x={ LABEL }
								y={ y + 5 }
								width={ width }
								height={ ROW - 10 }
								fill="var(--wp-admin-theme-color, #2271b1)"
								rx="2"
							/>
							<text
								x={ LABEL + BAR + 8 }
								y={ y + ROW / 2 }
								dominantBaseline="middle"
								fontSize="13"
								fontWeight="600"
							>
								{ formatNumber( stage.value ) }
							</text>
						</g>
					);
				} ) }
			</svg>
			<figcaption className="screen-reader-text">
				{ stages
					.map(
						( stage ) =>
							`${ stage.label }: ${ formatNumber( stage.value ) }`
					)
					.join( '; ' ) }
			</figcaption>
		</figure>
	);
}
