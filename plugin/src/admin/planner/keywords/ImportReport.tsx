// What an import did: how many rows were read, created and skipped, and why each bad row was rejected.
import { Button } from '@wordpress/components';
import { __, _n, sprintf } from '@wordpress/i18n';
import type { CsvImportResult } from '../../../store/planner/types';

/** More rows than this are counted, not listed: the page stays quick with a badly broken file. */
const MAX_ROWS_SHOWN = 500;

interface Props {
	report: CsvImportResult;
	onDismiss: () => void;
}

export default function ImportReport( { report, onDismiss }: Props ) {
	const { errors } = report;
	const shown = errors.slice( 0, MAX_ROWS_SHOWN );
	const mapped = Object.entries( report.columns );
	return (
		<div className="igny8-import-report" data-testid="igny8-import-report" role="status">
			<ul className="igny8-stats">
				<li>
					{ __( 'Rows read:', 'igny8' ) } <strong>{ report.rows.toLocaleString() }</strong>
				</li>
				<li>
					{ __( 'Created:', 'igny8' ) } <strong data-testid="igny8-import-created">{ report.created.toLocaleString() }</strong>
				</li>
				<li>
					{ __( 'Skipped duplicates:', 'igny8' ) }{ ' ' }
					<strong data-testid="igny8-import-skipped">{ report.skipped_duplicates.toLocaleString() }</strong>
				</li>
				<li>
					{ __( 'Rows with errors:', 'igny8' ) } <strong>{ errors.length.toLocaleString() }</strong>
				</li>
			</ul>
			{ mapped.length > 0 && (
				<p className="description">
					{ __( 'Columns read:', 'igny8' ) }{ ' ' }
					{ mapped.map( ( [ header, field ] ) => `“${ header }” → ${ field }` ).join( ', ' ) }
				</p>
			) }
			{ errors.length > 0 && (
				<table className="widefat striped igny8-import-errors">
					<caption>{ __( 'Rows that were not imported', 'igny8' ) }</caption>
					<thead>
						<tr>
							<th scope="col">{ __( 'Row', 'igny8' ) }</th>
							<th scope="col">{ __( 'Field', 'igny8' ) }</th>
							<th scope="col">{ __( 'Problem', 'igny8' ) }</th>
						</tr>
					</thead>
					<tbody>
						{ shown.map( ( error, index ) => (
							<tr key={ `${ error.row }-${ error.field }-${ index }` } data-testid="igny8-import-error">
								<td>{ error.row }</td>
								<td>{ error.field }</td>
								<td>{ error.message }</td>
							</tr>
						) ) }
					</tbody>
				</table>
			) }
			{ errors.length > shown.length && (
				<p className="description">
					{ sprintf(
						/* translators: %d: number of rows not listed */
						_n( '…and %d more row.', '…and %d more rows.', errors.length - shown.length, 'igny8' ),
						errors.length - shown.length
					) }
				</p>
			) }
			<Button variant="tertiary" onClick={ onDismiss }>
				{ __( 'Dismiss report', 'igny8' ) }
			</Button>
		</div>
	);
}
