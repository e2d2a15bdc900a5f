// Picks the sector a page works in. Store-agnostic: the page passes the sectors and the choice.
import { SelectControl } from '@wordpress/components';
import { __ } from '@wordpress/i18n';

interface SectorOption {
	id: number;
	name: string;
	status: string;
}

interface Props {
	sectors: readonly SectorOption[];
	value: number | null;
	onChange: ( sectorId: number ) => void;
	disabled?: boolean;
}

export default function SectorPicker( {
	sectors,
	value,
	onChange,
	disabled,
}: Props ) {
	const options = sectors
		.filter( ( sector ) => sector.status === 'active' )
		.map( ( sector ) => ( {
			value: String( sector.id ),
			label: sector.name,
		} ) );
	return (
		<div className="igny8-sector-picker">
			<SelectControl
				__nextHasNoMarginBottom
				data-testid="igny8-sector-picker"
				label={ __( 'Sector', 'igny8' ) }
				labelPosition="side"
				value={ value === null ? '' : String( value ) }
				options={
					options.length
						? options
						: [ { value: '', label: __( 'No sectors', 'igny8' ) } ]
				}
				onChange={ ( next: string ) =>
					next && onChange( Number( next ) )
				}
				disabled={ disabled || options.length === 0 }
			/>
		</div>
	);
}
