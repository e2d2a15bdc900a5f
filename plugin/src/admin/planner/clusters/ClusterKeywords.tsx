// The cluster's keywords; ticked ones can leave the cluster or move to a new one (split).
import { Button, Flex, FlexItem, Notice, Spinner } from '@wordpress/components';
import { useDispatch, useSelect } from '@wordpress/data';
import { lazy, Suspense, useState } from '@wordpress/element';
import { __, _n, sprintf } from '@wordpress/i18n';
import { store as plannerStore } from '../../../store/planner';
import type { Cluster } from '../../../store/planner/types';
import DataTable from '../../components/DataTable';
import ErrorNotice from '../../components/ErrorNotice';
import { adminPageUrl, navigate } from '../../components/url';
import { useList } from '../common/hooks';
import { keywordColumns } from '../common/keyword-columns';
import ListPagination from '../common/ListPagination';
import OperationError from '../common/OperationError';

const SplitDialog = lazy(
	() => import( /* webpackChunkName: "cluster-split" */ './SplitDialog' )
);

export default function ClusterKeywords( {
	cluster,
	readOnly,
}: {
	cluster: Cluster;
	readOnly: boolean;
} ) {
	const { items, query, loading, loaded, error, selected } =
		useList( 'clusterKeywords' );
	const removing = useSelect(
		( select ) => select( plannerStore ).isBusy( 'removeFromCluster' ),
		[]
	);
	const {
		setOrdering,
		toggleSelected,
		setSelection,
		removeKeywordsFromCluster,
		fetchList,
	} = useDispatch( plannerStore );
	const [ splitting, setSplitting ] = useState( false );
	const [ created, setCreated ] = useState< Cluster | null >( null );

	const columns = keywordColumns();

	const none = selected.length === 0;
	return (
		<div className="igny8-cluster-keywords">
			<h3>{ __( 'Keywords in this cluster', 'igny8' ) }</h3>
			{ ! readOnly && (
				<Flex justify="flex-start" gap={ 2 } className="igny8-toolbar">
					<FlexItem>
						<strong>
							{ sprintf(
								/* translators: %d: number of keywords */
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
						<Button
							variant="secondary"
							disabled={ none || removing }
							isBusy={ removing }
							onClick={ () =>
								void removeKeywordsFromCluster(
									cluster.id,
									selected
								)
							}
						>
							{ __( 'Remove from cluster', 'igny8' ) }
						</Button>
					</FlexItem>
					<FlexItem>
						<Button
							variant="secondary"
							disabled={ none }
							onClick={ () => setSplitting( true ) }
						>
							{ __( 'Split into a new cluster…', 'igny8' ) }
						</Button>
					</FlexItem>
				</Flex>
			) }
			<OperationError operations={ [ 'removeFromCluster' ] } />
			{ created && (
				<Notice status="success" onRemove={ () => setCreated( null ) }>
					{ sprintf(
						/* translators: %s: cluster name */
						__( 'New cluster “%s” created.', 'igny8' ),
						created.name
					) }{ ' ' }
					<a
						href={ adminPageUrl( 'igny8-clusters', {
							cluster: created.id,
						} ) }
						onClick={ ( event ) => {
							event.preventDefault();
							setCreated( null );
							navigate( { cluster: created.id } );
						} }
					>
						{ __( 'Open it', 'igny8' ) }
					</a>
				</Notice>
			) }
			<ErrorNotice
				error={ error }
				actions={ [
					{
						label: __( 'Retry', 'igny8' ),
						onClick: () =>
							void fetchList( 'clusterKeywords', true ),
					},
				] }
			/>
			<DataTable
				testId="igny8-cluster-keywords-table"
				rowTestId="igny8-keyword-row"
				caption={ __( 'Keywords in this cluster', 'igny8' ) }
				columns={ columns }
				items={ items }
				ordering={ query.ordering }
				onSort={ ( ordering ) =>
					setOrdering( 'clusterKeywords', ordering )
				}
				loading={ loading || ! loaded }
				emptyMessage={ __( 'This cluster has no keywords.', 'igny8' ) }
				selection={
					readOnly
						? null
						: {
								selected,
								onToggle: ( id ) =>
									toggleSelected( 'clusterKeywords', id ),
								onToggleAll: ( checked ) =>
									setSelection(
										'clusterKeywords',
										checked
											? items.map( ( k ) => k.id )
											: []
									),
								label: ( k ) =>
									sprintf(
										/* translators: %s: a keyword */
										__( 'Select “%s”', 'igny8' ),
										k.keyword
									),
							}
				}
			/>
			<ListPagination list="clusterKeywords" />
			{ splitting && (
				<Suspense fallback={ <Spinner /> }>
					<SplitDialog
						cluster={ cluster }
						keywordIds={ selected }
						onClose={ ( newCluster ) => {
							setSplitting( false );
							setCreated( newCluster );
						} }
					/>
				</Suspense>
			) }
		</div>
	);
}
