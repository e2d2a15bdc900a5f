// Page links and page size under a list table, in wp-admin's tablenav style.
import { Button, SelectControl } from '@wordpress/components';
import { __, _n, sprintf } from '@wordpress/i18n';

interface Props {
	page: number;
	pageCount: number;
	count: number;
	pageSize: number;
	pageSizes?: readonly number[];
	onPage: ( page: number ) => void;
	onPageSize?: ( pageSize: number ) => void;
	disabled?: boolean;
}

export default function Pagination( {
	page,
	pageCount,
	count,
	pageSize,
	pageSizes = [],
	onPage,
	onPageSize,
	disabled = false,
}: Props ) {
	const go = ( target: number ) => () =>
		onPage( Math.min( pageCount, Math.max( 1, target ) ) );
	return (
		<div className="tablenav bottom igny8-pagination">
			{ onPageSize && pageSizes.length > 0 && (
				<div className="alignleft actions">
					<SelectControl
						__nextHasNoMarginBottom
						label={ __( 'Rows per page', 'igny8' ) }
						labelPosition="side"
						value={ String( pageSize ) }
						options={ pageSizes.map( ( size ) => ( {
							value: String( size ),
							label: String( size ),
						} ) ) }
						onChange={ ( value: string ) =>
							onPageSize( Number( value ) )
						}
						disabled={ disabled }
					/>
				</div>
			) }
			<div className="tablenav-pages">
				<span className="displaying-num">
					{ sprintf(
						/* translators: %s: number of items */
						_n( '%s item', '%s items', count, 'igny8' ),
						count.toLocaleString()
					) }
				</span>
				{ pageCount > 1 && (
					<span className="pagination-links">
						<Button
							variant="secondary"
							size="small"
							label={ __( 'First page', 'igny8' ) }
							disabled={ disabled || page <= 1 }
							onClick={ go( 1 ) }
						>
							«
						</Button>
						<Button
							variant="secondary"
							size="small"
							label={ __( 'Previous page', 'igny8' ) }
							disabled={ disabled || page <= 1 }
							onClick={ go( page - 1 ) }
						>
							‹
						</Button>
						<span className="paging-input">
							{ sprintf(
								/* translators: 1: current page, 2: number of pages */
								__( '%1$d of %2$d', 'igny8' ),
								page,
								pageCount
							) }
						</span>
						<Button
							variant="secondary"
							size="small"
							label={ __( 'Next page', 'igny8' ) }
							disabled={ disabled || page >= pageCount }
							onClick={ go( page + 1 ) }
						>
							›
						</Button>
						<Button
							variant="secondary"
							size="small"
							label={ __( 'Last page', 'igny8' ) }
							disabled={ disabled || page >= pageCount }
							onClick={ go( pageCount ) }
						>
							»
						</Button>
					</span>
				) }
			</div>
		</div>
	);
}
