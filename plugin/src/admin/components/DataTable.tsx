// A wp-admin list table: sortable column headers (the list's `ordering`), optional row selection.
import { Spinner } from '@wordpress/components';
import { __, sprintf } from '@wordpress/i18n';
import type { ReactNode } from 'react';
import { nextOrdering, sortDirection, type SortDirection } from './ordering';

export interface Column< T > {
	key: string;
	label: string;
	render: ( item: T ) => ReactNode;
	/** The `ordering` field this column sorts by, if it sorts. */
	sortField?: string;
	/** Direction of the first click; numbers read best largest first. */
	firstDirection?: SortDirection;
	numeric?: boolean;
	/** The row's main column: a header cell for screen readers. */
	primary?: boolean;
	width?: string;
}

export interface Selection< T > {
	selected: readonly number[];
	onToggle: ( id: number ) => void;
	onToggleAll: ( checked: boolean ) => void;
	/** Accessible name of a row's checkbox, e.g. "Select best running shoes". */
	label: ( item: T ) => string;
}

interface Props< T extends { id: number } > {
	columns: Column< T >[];
	items: readonly T[];
	ordering?: string | null;
	onSort?: ( ordering: string ) => void;
	selection?: Selection< T > | null;
	loading?: boolean;
	emptyMessage: string;
	caption?: string;
	testId?: string;
	rowTestId?: string;
}

export default function DataTable< T extends { id: number } >( {
	columns,
	items,
	ordering = null,
	onSort,
	selection,
	loading = false,
	emptyMessage,
	caption,
	testId,
	rowTestId,
}: Props< T > ) {
	const allSelected =
		items.length > 0 &&
		items.every( ( item ) => selection?.selected.includes( item.id ) );
	const span = columns.length + ( selection ? 1 : 0 );

	return (
		<table
			className={ `wp-list-table widefat fixed striped igny8-table${ loading ? ' is-loading' : '' }` }
			data-testid={ testId }
			aria-busy={ loading }
		>
			{ caption && (
				<caption className="screen-reader-text">{ caption }</caption>
			) }
			<thead>
				<tr>
					{ selection && (
						<td className="igny8-check-column">
							<input
								type="checkbox"
								aria-label={ __(
									'Select all rows on this page',
									'igny8'
								) }
								checked={ allSelected }
								disabled={ items.length === 0 }
								onChange={ ( event ) =>
									selection.onToggleAll(
										event.target.checked
									)
								}
							/>
						</td>
					) }
					{ columns.map( ( column ) => (
						<HeaderCell
							key={ column.key }
							column={ column }
							ordering={ ordering }
							onSort={ onSort }
						/>
					) ) }
				</tr>
			</thead>
			<tbody>
				{ items.length === 0 && (
					<tr className="no-items">
						<td colSpan={ span }>
							{ loading ? <Spinner /> : emptyMessage }
						</td>
					</tr>
				) }
				{ items.map( ( item ) => (
					<tr key={ item.id } data-testid={ rowTestId }>
						{ selection && (
							<td className="igny8-check-column">
								<input
									type="checkbox"
									aria-label={ selection.label( item ) }
									checked={ selection.selected.includes(
										item.id
									) }
									onChange={ () =>
										selection.onToggle( item.id )
									}
								/>
							</td>
						) }
						{ columns.map( ( column ) => {
							const className = `column-${ column.key }${ column.numeric ? ' is-numeric' : '' }`;
							return column.primary ? (
								<th
									key={ column.key }
									scope="row"
									className={ `${ className } column-primary` }
								>
									{ column.render( item ) }
								</th>
							) : (
								<td key={ column.key } className={ className }>
									{ column.render( item ) }
								</td>
							);
						} ) }
					</tr>
				) ) }
			</tbody>
		</table>
	);
}

const ARIA_SORT: Record< SortDirection, 'ascending' | 'descending' > = {
	asc: 'ascending',
	desc: 'descending',
};

function HeaderCell< T >( {
	column,
	ordering,
	onSort,
}: {
	column: Column< T >;
	ordering: string | null;
	onSort?: ( ordering: string ) => void;
} ) {
	const className = `manage-column column-${ column.key }${ column.numeric ? ' is-numeric' : '' }`;
	const style = column.width ? { width: column.width } : undefined;
	if ( ! column.sortField || ! onSort ) {
		return (
			<th scope="col" className={ className } style={ style }>
				{ column.label }
			</th>
		);
	}
	const { sortField } = column;
	const direction = sortDirection( ordering, sortField );
	const next = nextOrdering( ordering, sortField, column.firstDirection );
	// WordPress's own list tables mark a sorted column "sorted asc|desc" and others "sortable".
	const state = direction
		? `sorted ${ direction }`
		: `sortable ${ column.firstDirection ?? 'asc' }`;
	return (
		<th
			scope="col"
			className={ `${ className } ${ state }` }
			style={ style }
			aria-sort={ direction ? ARIA_SORT[ direction ] : undefined }
		>
			<a
				href={ `#${ next }` }
				onClick={ ( event ) => {
					event.preventDefault();
					onSort( next );
				} }
				aria-label={ sprintf(
					/* translators: %s: column name */
					__( 'Sort by %s', 'igny8' ),
					column.label
				) }
			>
				<span>{ column.label }</span>
				<span className="sorting-indicators">
					<span
						className="sorting-indicator asc"
						aria-hidden="true"
					/>
					<span
						className="sorting-indicator desc"
						aria-hidden="true"
					/>
				</span>
			</a>
		</th>
	);
}
