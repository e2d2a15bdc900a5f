// Uploads a CSV file as it is (the cloud reads the header and the rows) with a progress bar, then the
// report: created, skipped duplicates, and each rejected row.
import {
	Button,
	Card,
	CardBody,
	CardHeader,
	Spinner,
} from '@wordpress/components';
import { useDispatch, useSelect } from '@wordpress/data';
import { lazy, Suspense, useRef, useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';
import { store as plannerStore } from '../../../store/planner';
import { CSV_MAX_BYTES } from '../../../store/planner/constants';
import type { ErrorInfo } from '../../../store/planner/types';
import ErrorNotice from '../../components/ErrorNotice';
import { formatBytes, percent } from '../common/format';

const ImportReport = lazy(
	() =>
		import(
			/* webpackChunkName: "keywords-import-report" */ './ImportReport'
		)
);

export default function CsvImport() {
	const [ file, setFile ] = useState< File | null >( null );
	const input = useRef< HTMLInputElement >( null );
	const { busy, progress, report, error } = useSelect( ( select ) => {
		const planner = select( plannerStore );
		return {
			busy: planner.isBusy( 'import' ),
			progress: planner.getImportProgress(),
			report: planner.getLastImport(),
			error: planner.getError( 'import' ),
		};
	}, [] );
	const { importCsv, clearError, dismissResult } =
		useDispatch( plannerStore );

	const upload = async () => {
		if ( ! file || busy ) {
			return;
		}
		if ( await importCsv( file ) ) {
			setFile( null );
			if ( input.current ) {
				input.current.value = '';
			}
		}
	};

	// While sending, how much is sent; after a report, a full bar: the upload is done.
	let shown: { loaded: number; total: number } | null = null;
	if ( busy && progress ) {
		shown = progress;
	} else if ( report ) {
		shown = { loaded: 1, total: 1 };
	}
	const done = shown ? percent( shown.loaded, shown.total ) : 0;
	const processing =
		busy &&
		shown !== null &&
		shown.total > 0 &&
		shown.loaded >= shown.total;

	return (
		<Card size="small">
			<CardHeader>
				<h2 className="igny8-card-title">
					{ __( 'Import keywords from a CSV file', 'igny8' ) }
				</h2>
			</CardHeader>
			<CardBody>
				<p className="description">
					{ sprintf(
						/* translators: %s: largest file size, e.g. 10.0 MB */
						__(
							'The first row names the columns: keyword (required), volume, difficulty, intent, status, cluster (keywords with the same cluster name are filed together). Keywords already in this sector are skipped. Up to %s.',
							'igny8'
						),
						formatBytes( CSV_MAX_BYTES )
					) }
				</p>
				<div className="igny8-upload">
					<input
						ref={ input }
						type="file"
						accept=".csv,text/csv"
						data-testid="igny8-csv-input"
						aria-label={ __( 'CSV file', 'igny8' ) }
						disabled={ busy }
						onChange={ ( event ) => {
							setFile( event.target.files?.[ 0 ] ?? null );
							clearError( 'import' );
						} }
					/>
					<Button
						variant="secondary"
						data-testid="igny8-csv-upload"
						isBusy={ busy }
						disabled={ busy || ! file }
						onClick={ () => void upload() }
					>
						{ __( 'Upload and import', 'igny8' ) }
					</Button>
				</div>
				{ shown && (
					<div className="igny8-progress">
						<progress
							data-testid="igny8-csv-progress"
							max={ 100 }
							value={ done }
							aria-label={ __( 'Upload progress', 'igny8' ) }
						/>
						<span aria-live="polite">
							{ processing
								? __( 'Uploaded; importing…', 'igny8' )
								: sprintf(
										/* translators: %d: percent */
										__( '%d%%', 'igny8' ),
										done
									) }
						</span>
					</div>
				) }
				<ErrorNotice
					error={ withLimit( error ) }
					onRemove={ () => clearError( 'import' ) }
				/>
				{ report && (
					<Suspense fallback={ <Spinner /> }>
						<ImportReport
							report={ report }
							onDismiss={ () => dismissResult( 'import' ) }
						/>
					</Suspense>
				) }
			</CardBody>
		</Card>
	);
}

/**
 * A file refused as too large says by how much: the cloud names its limit beside the message.
 *
 * @param error The upload's failure, if any.
 */
function withLimit( error: ErrorInfo | null ): ErrorInfo | null {
	if ( error?.code !== 'payload_too_large' ) {
		return error;
	}
	const { limit_rows: rows, limit_bytes: bytes } = error.details ?? {};
	let limit: string | null = null;
	if ( typeof rows === 'number' ) {
		limit = sprintf(
			/* translators: %s: number of rows */
			__(
				'One file can have at most %s rows; split it into smaller files.',
				'igny8'
			),
			rows.toLocaleString()
		);
	} else if ( typeof bytes === 'number' ) {
		limit = sprintf(
			/* translators: %s: file size, e.g. 10.0 MB */
			__(
				'One file can be at most %s; split it into smaller files.',
				'igny8'
			),
			formatBytes( bytes )
		);
	}
	return limit
		? { ...error, message: `${ error.message } ${ limit }` }
		: error;
}
