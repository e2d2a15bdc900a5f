import { Button } from '@wordpress/components';
import { useDispatch, useSelect } from '@wordpress/data';
import { __ } from '@wordpress/i18n';
import { store as plannerStore } from '../../../store/planner';
import { saveBlob } from '../../components/url';
import { exportFileName } from '../common/format';

/** Downloads every keyword that matches the filters (all pages) as a CSV file. */
export default function ExportButton() {
	const { busy, sector } = useSelect( ( select ) => {
		const planner = select( plannerStore );
		return {
			busy: planner.isBusy( 'export' ),
			sector: planner.getSector(),
		};
	}, [] );
	const { exportCsv } = useDispatch( plannerStore );
	const onClick = async () => {
		const blob = await exportCsv();
		if ( blob ) {
			saveBlob( blob, exportFileName( sector?.slug, new Date() ) );
		}
	};
	return (
		<Button
			variant="secondary"
			isBusy={ busy }
			disabled={ busy }
			onClick={ () => void onClick() }
			data-testid="igny8-csv-export"
		>
			{ __( 'Export CSV', 'igny8' ) }
		</Button>
	);
}
