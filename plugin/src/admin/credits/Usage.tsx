// The credits this site spent over a date range: charts (loaded on first view) and the rows behind them.
// The cloud keeps a WordPress token to its own site's usage; the page asks for that site too.
import {
	Button,
	ButtonGroup,
	Card,
	CardBody,
	CardHeader,
	Notice,
	Spinner,
	TextControl,
} from '@wordpress/components';
import { lazy, Suspense, useMemo, useState } from '@wordpress/element';
import { __, _n, sprintf } from '@wordpress/i18n';
import { billingApi, type Usage as UsageData } from '../../api/billing';
import RoleNotice from '../components/RoleNotice';
import { useCloudData } from '../components/useCloudData';
import { USAGE_PRESETS } from './constants';
import { formatUsd, operationLabel } from './labels';
import { isIsoDay, lastDays } from './usage';

const UsageCharts = lazy(
	() => import( /* webpackChunkName: "credits-charts" */ './UsageCharts' )
);

export default function Usage( { siteId }: { siteId: number | null } ) {
	const [ range, setRange ] = useState( () => lastDays( new Date(), 30 ) );
	const valid =
		isIsoDay( range.from ) &&
		isIsoDay( range.to ) &&
		range.from <= range.to;
	const usage = useCloudData< UsageData | null >(
		() =>
			valid
				? billingApi.getUsage(
						siteId === null ? range : { ...range, site_id: siteId }
					)
				: Promise.resolve( null ),
		[ range.from, range.to, valid, siteId ]
	);
	const data = usage.data;
	const preset = ( days: number ) => {
		const next = lastDays( new Date(), days );
		return next.from === range.from && next.to === range.to;
	};

	return (
		<Card className="igny8-usage-card">
			<CardHeader>
				<h2
					className="igny8-card-title"
					data-testid="igny8-usage-title"
				>
					{ __( 'This site’s usage', 'igny8' ) }
				</h2>
			</CardHeader>
			<CardBody>
				<div
					className="igny8-range"
					role="group"
					aria-label={ __( 'Date range', 'igny8' ) }
				>
					<ButtonGroup>
						{ USAGE_PRESETS.map( ( days ) => (
							<Button
								key={ days }
								variant={
									preset( days ) ? 'primary' : 'secondary'
								}
								size="small"
								onClick={ () =>
									setRange( lastDays( new Date(), days ) )
								}
							>
								{ sprintf(
									/* translators: %d: number of days */
									_n(
										'Last %d day',
										'Last %d days',
										days,
										'igny8'
									),
									days
								) }
							</Button>
						) ) }
					</ButtonGroup>
					<TextControl
						__nextHasNoMarginBottom
						label={ __( 'From', 'igny8' ) }
						type="date"
						value={ range.from }
						max={ range.to }
						onChange={ ( from: string ) =>
							setRange( ( current ) => ( { ...current, from } ) )
						}
						data-testid="igny8-usage-from"
					/>
					<TextControl
						__nextHasNoMarginBottom
						label={ __( 'To', 'igny8' ) }
						type="date"
						value={ range.to }
						min={ range.from }
						onChange={ ( to: string ) =>
							setRange( ( current ) => ( { ...current, to } ) )
						}
						data-testid="igny8-usage-to"
					/>
				</div>
				{ ! valid && (
					<Notice status="warning" isDismissible={ false }>
						{ __(
							'Choose a start date on or before the end date.',
							'igny8'
						) }
					</Notice>
				) }
				<RoleNotice
					error={ usage.error }
					onRetry={ usage.reload }
					refused={ __(
						'This site’s usage is shown to its administrators.',
						'igny8'
					) }
				/>
				{ usage.loading && ! data && <Spinner /> }
				{ data && (
					<UsageReport usage={ data } loading={ usage.loading } />
				) }
			</CardBody>
		</Card>
	);
}

function UsageReport( {
	usage,
	loading,
}: {
	usage: UsageData;
	loading: boolean;
} ) {
	const rows = useMemo(
		() =>
			[ ...usage.rows ].sort(
				( a, b ) =>
					b.date.localeCompare( a.date ) || b.credits - a.credits
			),
		[ usage.rows ]
	);
	return (
		<div
			className={ loading ? 'igny8-usage is-loading' : 'igny8-usage' }
			data-testid="igny8-usage"
			aria-busy={ loading }
		>
			<p className="igny8-usage-totals" data-testid="igny8-usage-totals">
				{ sprintf(
					/* translators: 1: credits, 2: cost in US dollars, 3: AI calls, 4: tokens */
					__(
						'%1$s credits · %2$s provider cost · %3$s jobs · %4$s tokens',
						'igny8'
					),
					usage.totals.credits.toLocaleString(),
					formatUsd( usage.totals.cost_usd ),
					usage.totals.count.toLocaleString(),
					usage.totals.tokens.toLocaleString()
				) }
			</p>
			{ rows.length === 0 ? (
				<p>
					{ __(
						'This site used no credits in these days.',
						'igny8'
					) }
				</p>
			) : (
				<>
					<Suspense fallback={ <Spinner /> }>
						<UsageCharts usage={ usage } />
					</Suspense>
					<table
						className="wp-list-table widefat fixed striped igny8-table"
						data-testid="igny8-usage-table"
					>
						<caption className="screen-reader-text">
							{ __(
								'Credits this site used per day and operation',
								'igny8'
							) }
						</caption>
						<thead>
							<tr>
								<th scope="col">{ __( 'Date', 'igny8' ) }</th>
								<th scope="col">
									{ __( 'Operation', 'igny8' ) }
								</th>
								<th scope="col" className="is-numeric">
									{ __( 'Credits', 'igny8' ) }
								</th>
								<th scope="col" className="is-numeric">
									{ __( 'Provider cost', 'igny8' ) }
								</th>
								<th scope="col" className="is-numeric">
									{ __( 'Tokens', 'igny8' ) }
								</th>
								<th scope="col" className="is-numeric">
									{ __( 'Jobs', 'igny8' ) }
								</th>
							</tr>
						</thead>
						<tbody>
							{ rows.map( ( row ) => (
								<tr
									key={ `${ row.date }|${ row.operation }` }
									data-testid="igny8-usage-row"
								>
									<td>{ row.date }</td>
									<td>{ operationLabel( row.operation ) }</td>
									<td className="is-numeric">
										{ row.credits.toLocaleString() }
									</td>
									<td className="is-numeric">
										{ formatUsd( row.cost_usd ) }
									</td>
									<td className="is-numeric">
										{ row.tokens.toLocaleString() }
									</td>
									<td className="is-numeric">
										{ row.count.toLocaleString() }
									</td>
								</tr>
							) ) }
						</tbody>
						<tfoot>
							<tr>
								<th scope="row" colSpan={ 2 }>
									{ __( 'Total', 'igny8' ) }
								</th>
								<td className="is-numeric">
									{ usage.totals.credits.toLocaleString() }
								</td>
								<td className="is-numeric">
									{ formatUsd( usage.totals.cost_usd ) }
								</td>
								<td className="is-numeric">
									{ usage.totals.tokens.toLocaleString() }
								</td>
								<td className="is-numeric">
									{ usage.totals.count.toLocaleString() }
								</td>
							</tr>
						</tfoot>
					</table>
				</>
			) }
		</div>
	);
}
