import { useDispatch, useSelect } from '@wordpress/data';
import { store as plannerStore } from '../../../store/planner';
import { PAGE_SIZES } from '../../../store/planner/constants';
import type { ListName } from '../../../store/planner/types';
import Pagination from '../../components/Pagination';

/**
 * The pagination of one of the store's lists.
 *
 * @param props      Component props.
 * @param props.list The store's list.
 */
export default function ListPagination( { list }: { list: ListName } ) {
	const { page, pageSize, count, pageCount, loading } = useSelect(
		( select ) => {
			const planner = select( plannerStore );
			const state = planner.getList( list );
			return {
				page: state.query.page,
				pageSize: state.query.pageSize,
				count: state.count,
				pageCount: planner.getPageCount( list ),
				loading: state.loading,
			};
		},
		[ list ]
	);
	const { setPage, setPageSize } = useDispatch( plannerStore );
	return (
		<Pagination
			page={ page }
			pageCount={ pageCount }
			count={ count }
			pageSize={ pageSize }
			pageSizes={ PAGE_SIZES }
			onPage={ ( next ) => setPage( list, next ) }
			onPageSize={ ( next ) => setPageSize( list, next ) }
			disabled={ loading }
		/>
	);
}
