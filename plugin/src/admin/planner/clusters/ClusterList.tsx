// The sector's clusters: search, status, sortable columns, pages; each name opens its detail.
import { Button, Flex, FlexItem, SelectControl } from '@wordpress/components';
import { useDispatch } from '@wordpress/data';
import { __, _n, sprintf } from '@wordpress/i18n';
import { store as plannerStore } from '../../../store/planner';
import { CLUSTER_STATUSES } from '../../../store/planner/constants';
import type { Cluster, ClusterStatus } from '../../../store/planner/types';
import DataTable, { type Column } from '../../components/DataTable';
import DebouncedTextControl from '../../components/DebouncedTextControl';
import ErrorNotice from '../../components/ErrorNotice';
import { adminPageUrl, navigate } from '../../components/url';
import { AutoClusterButton, AutoClusterResult } from '../common/AutoCluster';
import {
	ClusterWithAiButton,
	ClusterWithAiProgress,
} from '../common/ClusterWithAi';
import { formatNumber } from '../common/format';
import { useList } from '../common/hooks';
import {
	anyClusterStatus,
	clusterStatusLabel,
	optionsOf,
} from '../common/labels';
import ListPagination from '../common/ListPagination';
import { GenerateIdeasButton, GenerateIdeasProgress } from './GenerateIdeas';

export default function ClusterList() {
	const { items, query, loading, loaded, error, selected, readOnly } =
		useList( 'clusters' );
	const { setFilters, setOrdering, fetchList, toggleSelected, setSelection } =
		useDispatch( plannerStore );
	const { filters } = query;

	const columns: Column< Cluster >[] = [
		{
			key: 'name',
			label: __( 'Cluster', 'igny8' ),
			sortField: 'name',
			primary: true,
			render: ( cluster ) => (
				<a
					className="row-title"
					href={ adminPageUrl( 'igny8-clusters', {
						cluster: cluster.id,
					} ) }
					onClick={ ( event ) => {
						if (
							event.button === 0 &&
							! event.metaKey &&
							! event.ctrlKey &&
							! event.shiftKey
						) {
							event.preventDefault();
							navigate( { cluster: cluster.id } );
						}
					} }
				>
					{ cluster.name }
				</a>
			),
		},
		{
			key: 'keywords',
			label: __( 'Keywords', 'igny8' ),
			sortField: 'keyword_count',
			firstDirection: 'desc',
			numeric: true,
			width: '9em',
			render: ( cluster ) => formatNumber( cluster.keyword_count ),
		},
		{
			key: 'volume',
			label: __( 'Volume', 'igny8' ),
			sortField: 'volume',
			firstDirection: 'desc',
			numeric: true,
			width: '9em',
			render: ( cluster ) => formatNumber( cluster.volume ),
		},
		{
			key: 'status',
			label: __( 'Status', 'igny8' ),
			width: '8em',
			render: ( cluster ) => anyClusterStatus( cluster.status ),
		},
	];

	return (
		<>
			<Flex
				className="igny8-toolbar"
				justify="space-between"
				align="flex-end"
				wrap
			>
				<FlexItem>
					<div className="igny8-filters" role="search">
						<DebouncedTextControl
							type="search"
							label={ __( 'Search clusters', 'igny8' ) }
							value={ filters.search ?? '' }
							onChange={ ( search ) =>
								setFilters( 'clusters', { search } )
							}
						/>
						<SelectControl
							__nextHasNoMarginBottom
							label={ __( 'Status', 'igny8' ) }
							value={ filters.status ?? '' }
							options={ optionsOf(
								CLUSTER_STATUSES,
								clusterStatusLabel,
								__( 'All', 'igny8' )
							) }
							onChange={ ( status: string ) =>
								setFilters( 'clusters', {
									status: ( status || undefined ) as
										ClusterStatus | undefined,
								} )
							}
						/>
					</div>
				</FlexItem>
				<FlexItem>
					<Flex gap={ 2 } wrap>
						<AutoClusterButton />
						<ClusterWithAiButton />
					</Flex>
				</FlexItem>
			</Flex>
			<AutoClusterResult />
			<ClusterWithAiProgress />
			{ ! readOnly && (
				<Flex
					className="igny8-toolbar"
					justify="flex-start"
					align="flex-end"
					gap={ 3 }
					wrap
				>
					<FlexItem>
						<strong>
							{ sprintf(
								/* translators: %d: number of clusters */
								_n(
									'%d selected',
									'%d selected',
									selected.length,
									'igny8'
								),
								selected.length
							) }
						</strong>
					</FlexItem>
					<FlexItem>
						<GenerateIdeasButton clusterIds={ selected } />
					</FlexItem>
				</Flex>
			) }
			<GenerateIdeasProgress />
			<ErrorNotice
				error={ error }
				actions={ [
					{
						label: __( 'Retry', 'igny8' ),
						onClick: () => void fetchList( 'clusters', true ),
					},
				] }
			/>
			<DataTable
				testId="igny8-clusters-table"
				rowTestId="igny8-cluster-row"
				caption={ __( 'Clusters', 'igny8' ) }
				columns={ columns }
				items={ items }
				ordering={ query.ordering }
				onSort={ ( ordering ) => setOrdering( 'clusters', ordering ) }
				loading={ loading || ! loaded }
				emptyMessage={ __(
					'No clusters yet. Cluster your keywords to group them by topic.',
					'igny8'
				) }
				selection={
					readOnly
						? null
						: {
								selected,
								onToggle: ( id ) =>
									toggleSelected( 'clusters', id ),
								onToggleAll: ( checked ) =>
									setSelection(
										'clusters',
										checked
											? items.map( ( c ) => c.id )
											: []
									),
								label: ( cluster ) =>
									sprintf(
										/* translators: %s: cluster name */
										__( 'Select “%s”', 'igny8' ),
										cluster.name
									),
							}
				}
			/>
			<ListPagination list="clusters" />
			{ filters.search || filters.status ? (
				<Button
					variant="link"
					onClick={ () =>
						setFilters( 'clusters', {
							search: undefined,
							status: undefined,
						} )
					}
				>
					{ __( 'Clear filters', 'igny8' ) }
				</Button>
			) : null }
		</>
	);
}
