// Picks other clusters of the sector whose keywords move into this one; they are gone afterwards.
import {
	Button,
	CheckboxControl,
	Flex,
	Modal,
	Spinner,
} from '@wordpress/components';
import { useDispatch, useSelect } from '@wordpress/data';
import { useMemo, useState } from '@wordpress/element';
import { __, _n, sprintf } from '@wordpress/i18n';
import { store as plannerStore } from '../../../store/planner';
import type { Cluster } from '../../../store/planner/types';
import DebouncedTextControl from '../../components/DebouncedTextControl';
import { formatNumber } from '../common/format';
import { useClusterOptions } from '../common/hooks';
import OperationError from '../common/OperationError';

export default function MergeDialog( {
	cluster,
	onClose,
}: {
	cluster: Cluster;
	onClose: () => void;
} ) {
	const { clusters } = useClusterOptions();
	const [ chosen, setChosen ] = useState< number[] >( [] );
	const [ search, setSearch ] = useState( '' );
	const busy = useSelect(
		( select ) => select( plannerStore ).isBusy( 'merge' ),
		[]
	);
	const { mergeClusters, clearError } = useDispatch( plannerStore );

	const others = useMemo( () => {
		const needle = search.trim().toLowerCase();
		return ( clusters ?? [] ).filter(
			( other ) =>
				other.id !== cluster.id &&
				( ! needle || other.name.toLowerCase().includes( needle ) )
		);
	}, [ clusters, cluster.id, search ] );

	const close = () => {
		clearError( 'merge' );
		onClose();
	};
	const merge = async () => {
		if ( await mergeClusters( cluster.id, chosen ) ) {
			close();
		}
	};
	const toggle = ( id: number, on: boolean ) =>
		setChosen( ( current ) =>
			on
				? [ ...current, id ]
				: current.filter( ( other ) => other !== id )
		);

	return (
		<Modal
			title={ sprintf(
				/* translators: %s: cluster name */
				__( 'Merge clusters into “%s”', 'igny8' ),
				cluster.name
			) }
			onRequestClose={ close }
		>
			<p>
				{ __(
					'Their keywords move into this cluster, and the merged clusters are deleted.',
					'igny8'
				) }
			</p>
			<DebouncedTextControl
				label={ __( 'Find a cluster', 'igny8' ) }
				type="search"
				value={ search }
				onChange={ setSearch }
				delay={ 150 }
			/>
			<div className="igny8-checklist" data-testid="igny8-merge-list">
				{ ! clusters && <Spinner /> }
				{ clusters && others.length === 0 && (
					<p>
						{ __( 'No other clusters in this sector.', 'igny8' ) }
					</p>
				) }
				{ others.map( ( other ) => (
					<CheckboxControl
						__nextHasNoMarginBottom
						key={ other.id }
						label={ sprintf(
							/* translators: 1: cluster name, 2: number of keywords */
							__( '%1$s (%2$s keywords)', 'igny8' ),
							other.name,
							formatNumber( other.keyword_count )
						) }
						checked={ chosen.includes( other.id ) }
						onChange={ ( on: boolean ) => toggle( other.id, on ) }
						disabled={ busy }
					/>
				) ) }
			</div>
			<OperationError operations={ [ 'merge' ] } />
			<Flex justify="flex-end" gap={ 2 }>
				<Button variant="tertiary" onClick={ close }>
					{ __( 'Cancel', 'igny8' ) }
				</Button>
				<Button
					variant="primary"
					isBusy={ busy }
					disabled={ busy || chosen.length === 0 }
					onClick={ () => void merge() }
				>
					{ sprintf(
						/* translators: %d: number of clusters */
						_n(
							'Merge %d cluster',
							'Merge %d clusters',
							chosen.length,
							'igny8'
						),
						chosen.length
					) }
				</Button>
			</Flex>
		</Modal>
	);
}
