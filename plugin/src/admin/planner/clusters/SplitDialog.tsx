// Names the new cluster that the ticked keywords move to.
import { Button, Flex, Modal, TextControl } from '@wordpress/components';
import { useDispatch, useSelect } from '@wordpress/data';
import { useState } from '@wordpress/element';
import { __, _n, sprintf } from '@wordpress/i18n';
import { store as plannerStore } from '../../../store/planner';
import type { Cluster } from '../../../store/planner/types';
import OperationError from '../common/OperationError';

interface Props {
	cluster: Cluster;
	keywordIds: number[];
	/** With the new cluster, or null when cancelled. */
	onClose: ( created: Cluster | null ) => void;
}

export default function SplitDialog( { cluster, keywordIds, onClose }: Props ) {
	const [ name, setName ] = useState( '' );
	const { busy, fieldErrors } = useSelect( ( select ) => {
		const planner = select( plannerStore );
		return {
			busy: planner.isBusy( 'split' ),
			fieldErrors: planner.getFieldErrors( 'split' ),
		};
	}, [] );
	const { splitCluster, clearError } = useDispatch( plannerStore );
	const close = ( created: Cluster | null ) => {
		clearError( 'split' );
		onClose( created );
	};

	const onSubmit = async ( event: { preventDefault: () => void } ) => {
		event.preventDefault();
		if ( ! name.trim() || busy ) {
			return;
		}
		const created = await splitCluster( cluster.id, keywordIds, name );
		if ( created ) {
			close( created );
		}
	};

	return (
		<Modal
			title={ __( 'Split into a new cluster', 'igny8' ) }
			onRequestClose={ () => close( null ) }
		>
			<form onSubmit={ onSubmit } className="igny8-dialog-form">
				<p>
					{ sprintf(
						/* translators: 1: number of keywords, 2: cluster name */
						_n(
							'%1$d keyword leaves “%2$s” for a new cluster.',
							'%1$d keywords leave “%2$s” for a new cluster.',
							keywordIds.length,
							'igny8'
						),
						keywordIds.length,
						cluster.name
					) }
				</p>
				<TextControl
					__nextHasNoMarginBottom
					label={ __( 'Name of the new cluster', 'igny8' ) }
					value={ name }
					onChange={ ( value: string ) => setName( value ) }
					help={ fieldErrors.name?.join( ' ' ) }
					required
					disabled={ busy }
					data-testid="igny8-split-name"
				/>
				<OperationError operations={ [ 'split' ] } />
				<Flex justify="flex-end" gap={ 2 }>
					<Button variant="tertiary" onClick={ () => close( null ) }>
						{ __( 'Cancel', 'igny8' ) }
					</Button>
					<Button
						variant="primary"
						type="submit"
						isBusy={ busy }
						disabled={ busy || ! name.trim() }
					>
						{ __( 'Split', 'igny8' ) }
					</Button>
				</Flex>
			</form>
		</Modal>
	);
}
