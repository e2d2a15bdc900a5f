// What an import did: how many rows were read, created and skipped, and why each bad row was rejected.
import { Button } from '@wordpress/components';
import { __, _n, sprintf } from '@wordpress/i18n';
import type { CsvImportResult } from '../../../store/planner/types';

interface Props {
	report: CsvImportResult;
	onDismiss: () => void;
}

export default function ImportReport( { report, onDismiss }: Props ) {
	// The cloud lists the first 1,000 errors and counts them all: a badly broken file stays a short answer.
	const { errors, errors_total: total } = report;
	const mapped = Object.entries( report.columns );
	return (
		<div
			className="igny8-import-report"
			data-testid="igny8-import-report"
			role="status"
		>
			<ul className="igny8-stats">
				<li>
					{ __( 'Rows read:', 'igny8' ) }{ ' ' }
					<strong>{ report.rows.toLocaleString() }</strong>
				</li>
				<li>
					{ __( 'Created:', 'igny8' ) }{ ' ' }
					<strong data-testid="igny8-import-created">
						{ report.created.toLocaleString() }
					</strong>
				</li>
				<li>
					{ __( 'Skipped duplicates:', 'igny8' ) }{ ' ' }
					<strong data-testid="igny8-import-skipped">
						{ report.skipped_duplicates.toLocaleString() }
					</strong>
				</li>
				<li>
					{ __( 'Errors:', 'igny8' ) }{ ' ' }
					<strong data-testid="igny8-import-errors-total">
						{ total.toLocaleString() }
					</strong>
				</li>
			</ul>
			{ mapped.length > 0 && (
				<p className="description">
					{ __( 'Columns read:', 'igny8' ) }{ ' ' }
					{ mapped
						.map(
							( [ header, field ] ) =>
								`“${ header }” → ${ field }`
						)
						.join( ', ' ) }
				</p>
			) }
			{ total > errors.length && (
				<p
					className="description"
					data-testid="igny8-import-errors-truncated"
				>
					{ sprintf(
						/* translators: 1: number of errors listed, e.g. 1,000; 2: number of errors found, e.g. 60,000 */
						_n(
							'Showing the first %1$s of %2$s error.',
							'Showing the first %1$s of %2$s errors.',
							total,
							'igny8'
						),
						errors.length.toLocaleString(),
						total.toLocaleString()
					) }
				</p>
			) }
			{ errors.length > 0 && (
				<table className="widefat striped igny8-import-errors">
					<caption>
						{ __( 'Rows that were not imported', 'igny8' ) }
					</caption>
					<thead>
						<tr>
							<th scope="col">{ __( 'Row', 'igny8' ) }</th>
							<th scope="col">{ __( 'Field', 'igny8' ) }</th>
							<th scope="col">{ __( 'Problem', 'igny8' ) }</th>
						</tr>
					</thead>
					<tbody>
						{ errors.map( ( error, index ) => (
							<tr
								key={ `${ error.row }-${ error.field }-${ index }` }
								data-testid="igny8-import-error"
							>
								<td>{ error.row }</td>
								<td>{ error.field }</td>
								<td>{ error.message }</td>
							</tr>
						) ) }
					</tbody>
				</table>
			) }
			<Button variant="tertiary" onClick={ onDismiss }>
				{ __( 'Dismiss report', 'igny8' ) }
			</Button>
		</div>
	);
}
