// What can be done with the ticked keywords: set a status, add to a cluster, delete.
import { Button, Flex, FlexItem, SelectControl } from '@wordpress/components';
import { useDispatch, useSelect } from '@wordpress/data';
import { useState } from '@wordpress/element';
import { __, _n, sprintf } from '@wordpress/i18n';
import { store as plannerStore } from '../../../store/planner';
import { KEYWORD_STATUSES } from '../../../store/planner/constants';
import type { KeywordStatus } from '../../../store/planner/types';
import ConfirmButton from '../../components/ConfirmButton';
import { useClusterOptions } from '../common/hooks';
import { keywordStatusLabel, optionsOf } from '../common/labels';
import OperationError from '../common/OperationError';

const BULK_OPERATIONS = [ 'bulkDelete', 'bulkUpdate', 'addToCluster' ] as const;

export default function BulkActions() {
	const { selected, readOnly, busy } = useSelect( ( select ) => {
		const planner = select( plannerStore );
		return {
			selected: planner.getSelection( 'keywords' ),
			readOnly: planner.isReadOnly(),
			busy:
				planner.isBusy( 'bulkDelete' ) ||
				planner.isBusy( 'bulkUpdate' ) ||
				planner.isBusy( 'addToCluster' ),
		};
	}, [] );
	const { clusters } = useClusterOptions();
	const { bulkDeleteKeywords, bulkUpdateKeywords, addKeywordsToCluster } =
		useDispatch( plannerStore );
	const [ status, setStatus ] = useState< KeywordStatus | '' >( '' );
	const [ clusterId, setClusterId ] = useState( '' );

	if ( readOnly ) {
		return null;
	}
	const none = selected.length === 0;
	return (
		<div className="igny8-bulk-actions">
			<Flex gap={ 2 } align="flex-end" wrap>
				<FlexItem>
					<strong>
						{ sprintf(
							/* translators: %d: number of keywords */
							_n(
								'%d selected',
								'%d selected',
								selected.length,
								'igny8'
							),
							selected.length
						) }
					</strong>
				</FlexItem>
				<FlexItem>
					<SelectControl
						__nextHasNoMarginBottom
						label={ __( 'Set status', 'igny8' ) }
						hideLabelFromVision
						value={ status }
						options={ optionsOf(
							KEYWORD_STATUSES,
							keywordStatusLabel,
							__( 'Set status…', 'igny8' )
						) }
						onChange={ ( value: string ) =>
							setStatus( value as KeywordStatus | '' )
						}
						disabled={ none || busy }
					/>
				</FlexItem>
				<FlexItem>
					<Button
						variant="secondary"
						disabled={ none || busy || ! status }
						onClick={ async () => {
							if (
								status &&
								( await bulkUpdateKeywords(
									selected,
									status
								) ) !== null
							) {
								setStatus( '' );
							}
						} }
					>
						{ __( 'Apply', 'igny8' ) }
					</Button>
				</FlexItem>
				{ clusters && clusters.length > 0 && (
					<>
						<FlexItem>
							<SelectControl
								__nextHasNoMarginBottom
								label={ __( 'Add to cluster', 'igny8' ) }
								hideLabelFromVision
								value={ clusterId }
								options={ [
									{
										value: '',
										label: __( 'Add to cluster…', 'igny8' ),
									},
									...clusters
										.filter(
											( cluster ) =>
												cluster.status === 'active'
										)
										.map( ( cluster ) => ( {
											value: String( cluster.id ),
											label: cluster.name,
										} ) ),
								] }
								onChange={ ( value: string ) =>
									setClusterId( value )
								}
								disabled={ none || busy }
							/>
						</FlexItem>
						<FlexItem>
							<Button
								variant="secondary"
								disabled={ none || busy || ! clusterId }
								onClick={ async () => {
									if (
										await addKeywordsToCluster(
											Number( clusterId ),
											selected
										)
									) {
										setClusterId( '' );
									}
								} }
							>
								{ __( 'Add', 'igny8' ) }
							</Button>
						</FlexItem>
					</>
				) }
				<FlexItem>
					<ConfirmButton
						isDestructive
						disabled={ none || busy }
						question={ sprintf(
							/* translators: %d: number of keywords */
							_n(
								'Delete %d keyword? This cannot be undone.',
								'Delete %d keywords? This cannot be undone.',
								selected.length,
								'igny8'
							),
							selected.length
						) }
						confirmLabel={ __( 'Delete', 'igny8' ) }
						onConfirm={ () => void bulkDeleteKeywords( selected ) }
					>
						{ __( 'Delete', 'igny8' ) }
					</ConfirmButton>
				</FlexItem>
			</Flex>
			<OperationError operations={ BULK_OPERATIONS } />
		</div>
	);
}
