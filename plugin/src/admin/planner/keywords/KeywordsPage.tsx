import { Flex, FlexItem } from '@wordpress/components';
import { useSelect } from '@wordpress/data';
import { store as plannerStore } from '../../../store/planner';
import { AutoClusterButton, AutoClusterResult } from '../common/AutoCluster';
import {
	ClusterWithAiButton,
	ClusterWithAiProgress,
} from '../common/ClusterWithAi';
import ListPagination from '../common/ListPagination';
import OperationError from '../common/OperationError';
import AddKeywordForm from './AddKeywordForm';
import BulkActions from './BulkActions';
import CsvImport from './CsvImport';
import ExportButton from './ExportButton';
import KeywordFilters from './KeywordFilters';
import KeywordsTable from './KeywordsTable';

export default function KeywordsPage() {
	const readOnly = useSelect(
		( select ) => select( plannerStore ).isReadOnly(),
		[]
	);
	return (
		<>
			{ ! readOnly && (
				<div className="igny8-panels">
					<AddKeywordForm />
					<CsvImport />
				</div>
			) }
			<KeywordFilters />
			<Flex className="igny8-toolbar" justify="space-between" wrap>
				<FlexItem>
					<BulkActions />
				</FlexItem>
				<FlexItem>
					<Flex gap={ 2 }>
						<ExportButton />
						<AutoClusterButton />
						<ClusterWithAiButton />
					</Flex>
				</FlexItem>
			</Flex>
			<OperationError operations={ [ 'export' ] } />
			<AutoClusterResult />
			<ClusterWithAiProgress />
			<KeywordsTable />
			<ListPagination list="keywords" />
		</>
	);
}
