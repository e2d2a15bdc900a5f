// Publishes that got through and those that gave up, per day for the last two weeks, drawn as plain SVG from
// the site's own records (read newest first until the chart's first day; no chart library).
import { Spinner } from '@wordpress/components';
import { __, sprintf } from '@wordpress/i18n';
import { itemsOf } from '../../api/cloud';
import { publishingApi, type PublishingRecord } from '../../api/publishing';
import ErrorNotice from '../components/ErrorNotice';
import { useCloudData } from '../components/useCloudData';
import { axisTicks, labelledDays, niceCeiling } from '../credits/usage';
import {
	chartDays,
	dailyOutcomes,
	reachedBack,
	type DayOutcome,
} from './chart';
import { CHART_DAYS, CHART_MAX_RECORDS } from './common/constants';

const WIDTH = 720;
const HEIGHT = 180;
const LEFT = 36;
const BOTTOM = 22;
const TOP = 8;
const COLORS = { published: '#00a32a', failed: '#d63638' };
const PAGE = 200;

interface Loaded {
	days: DayOutcome[];
	/** Whether older records were left unread (the chart may count too few on its first days). */
	capped: boolean;
}

async function load( siteId: number ): Promise< Loaded > {
	const { days, since } = chartDays( new Date(), CHART_DAYS );
	const records: PublishingRecord[] = [];
	let capped = false;
	for ( let page = 1; ; page++ ) {
		const rows = itemsOf< PublishingRecord >(
			await publishingApi.listRecords( {
				site_id: siteId,
				ordering: '-updated_at',
				page,
				page_size: PAGE,
			} )
		);
		records.push( ...rows );
		if ( rows.length < PAGE || reachedBack( rows, since ) ) {
			break;
		}
		if ( records.length >= CHART_MAX_RECORDS ) {
			capped = true;
			break;
		}
	}
	return { days: dailyOutcomes( records, days ), capped };
}

export default function PublishingChart( {
	siteId,
	version,
}: {
	siteId: number;
	/** Changes when the records changed (a retry): the chart reads them again. */
	version: number;
} ) {
	const data = useCloudData( () => load( siteId ), [ siteId, version ] );
	if ( data.error ) {
		return <ErrorNotice error={ data.error } />;
	}
	if ( ! data.data ) {
		return <Spinner />;
	}
	const { days, capped } = data.data;
	const max = niceCeiling(
		Math.max( 0, ...days.map( ( day ) => day.published + day.failed ) )
	);
	const plot = { width: WIDTH - LEFT - 8, height: HEIGHT - TOP - BOTTOM };
	const slot = plot.width / Math.max( 1, days.length );
	const bar = Math.max( 2, Math.min( 16, slot * 0.35 ) );
	const y = ( value: number ) =>
		TOP + plot.height - ( value / max ) * plot.height;
	const labels = labelledDays( days.length, 7 );
	const total = ( key: 'published' | 'failed' ) =>
		days.reduce( ( sum, day ) => sum + day[ key ], 0 );

	return (
		<figure
			className="igny8-chart igny8-publishing-chart"
			data-testid="igny8-publishing-chart"
		>
			<ul className="igny8-legend">
				<li>
					<span
						className="igny8-swatch"
						style={ { background: COLORS.published } }
					/>
					{ sprintf(
						/* translators: %s: number of posts */
						__( 'Published: %s', 'igny8' ),
						total( 'published' ).toLocaleString()
					) }
				</li>
				<li>
					<span
						className="igny8-swatch"
						style={ { background: COLORS.failed } }
					/>
					{ sprintf(
						/* translators: %s: number of publishes */
						__( 'Failed: %s', 'igny8' ),
						total( 'failed' ).toLocaleString()
					) }
				</li>
			</ul>
			<svg
				role="img"
				aria-labelledby="igny8-publishing-chart-title"
				viewBox={ `0 0 ${ WIDTH } ${ HEIGHT }` }
				width="100%"
				style={ { maxWidth: WIDTH } }
			>
				<title id="igny8-publishing-chart-title">
					{ sprintf(
						/* translators: %d: number of days */
						__(
							'Posts published and publishes failed per day, last %d days',
							'igny8'
						),
						CHART_DAYS
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
				{ days.map( ( day, index ) => {
					const x = LEFT + index * slot + slot / 2 - bar;
					return (
						<g
							key={ day.date }
							data-date={ day.date }
							data-published={ day.published }
							data-failed={ day.failed }
						>
							{ ( [ 'published', 'failed' ] as const ).map(
								( key, at ) => (
									<rect
										key={ key }
										x={ x + at * bar }
										y={ y( day[ key ] ) }
										width={ bar }
										height={ Math.max(
											0,
											y( 0 ) - y( day[ key ] )
										) }
										fill={ COLORS[ key ] }
									>
										<title>
											{ sprintf(
												/* translators: 1: date, 2: posts published, 3: publishes failed */
												__(
													'%1$s: %2$d published, %3$d failed',
													'igny8'
												),
												day.date,
												day.published,
												day.failed
											) }
										</title>
									</rect>
								)
							) }
							{ labels.has( index ) && (
								<text
									x={ x + bar }
									y={ HEIGHT - 6 }
									textAnchor="middle"
									fontSize="11"
									fill="#50575e"
								>
									{ day.date.slice( 5 ) }
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
				{ days
					.filter( ( day ) => day.published + day.failed > 0 )
					.map( ( day ) =>
						sprintf(
							/* translators: 1: date, 2: posts published, 3: publishes failed */
							__( '%1$s: %2$d published, %3$d failed', 'igny8' ),
							day.date,
							day.published,
							day.failed
						)
					)
					.join( '; ' ) }
			</figcaption>
			{ capped && (
				<p className="igny8-muted">
					{ sprintf(
						/* translators: %s: number of records */
						__(
							'Drawn from the latest %s records; older days may count fewer.',
							'igny8'
						),
						CHART_MAX_RECORDS.toLocaleString()
					) }
				</p>
			) }
		</figure>
	);
}
