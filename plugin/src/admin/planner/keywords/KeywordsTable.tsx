import { useDispatch } from '@wordpress/data';
import { __, sprintf } from '@wordpress/i18n';
import { store as plannerStore } from '../../../store/planner';
import type { Keyword } from '../../../store/planner/types';
import DataTable, { type Column } from '../../components/DataTable';
import ErrorNotice from '../../components/ErrorNotice';
import { useClusterOptions, useList } from '../common/hooks';
import { keywordColumns } from '../common/keyword-columns';
import ClusterLinks from './ClusterLinks';

export default function KeywordsTable() {
	const { items, query, loading, loaded, error, selected, readOnly } =
		useList( 'keywords' );
	const { names } = useClusterOptions();
	const { setOrdering, toggleSelected, setSelection, fetchList } =
		useDispatch( plannerStore );

	const columns: Column< Keyword >[] = [
		...keywordColumns(),
		{
			key: 'cluster',
			label: __( 'Cluster', 'igny8' ),
			render: ( k ) => (
				<ClusterLinks ids={ k.cluster_ids } names={ names } />
			),
		},
	];

	return (
		<>
			<ErrorNotice
				error={ error }
				actions={ [
					{
						label: __( 'Retry', 'igny8' ),
						onClick: () => void fetchList( 'keywords', true ),
					},
				] }
			/>
			<DataTable
				testId="igny8-keywords-table"
				rowTestId="igny8-keyword-row"
				caption={ __( 'Keywords', 'igny8' ) }
				columns={ columns }
				items={ items }
				ordering={ query.ordering }
				onSort={ ( ordering ) => setOrdering( 'keywords', ordering ) }
				loading={ loading || ! loaded }
				emptyMessage={ __(
					'No keywords match. Add some, or import a CSV file.',
					'igny8'
				) }
				selection={
					readOnly
						? null
						: {
								selected,
								onToggle: ( id ) =>
									toggleSelected( 'keywords', id ),
								onToggleAll: ( checked ) =>
									setSelection(
										'keywords',
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
		</>
	);
}
