// The cluster's name, numbers and description, with rename/describe, archive, merge and "Create idea".
import {
	Button,
	Flex,
	FlexItem,
	Spinner,
	TextareaControl,
	TextControl,
} from '@wordpress/components';
import { useDispatch, useSelect } from '@wordpress/data';
import { lazy, Suspense, useState } from '@wordpress/element';
import { __, _n, sprintf } from '@wordpress/i18n';
import { store as plannerStore } from '../../../store/planner';
import type { Cluster } from '../../../store/planner/types';
import { formatNumber } from '../common/format';
import { anyClusterStatus } from '../common/labels';
import OperationError from '../common/OperationError';
import { GenerateIdeasButton } from './GenerateIdeas';

const MergeDialog = lazy(
	() => import( /* webpackChunkName: "cluster-merge" */ './MergeDialog' )
);

interface Props {
	cluster: Cluster;
	readOnly: boolean;
	onCreateIdea: () => void;
}

export default function ClusterHeader( {
	cluster,
	readOnly,
	onCreateIdea,
}: Props ) {
	const [ editing, setEditing ] = useState( false );
	const [ merging, setMerging ] = useState( false );
	const busy = useSelect(
		( select ) => select( plannerStore ).isBusy( 'updateCluster' ),
		[]
	);
	const { updateCluster } = useDispatch( plannerStore );
	const archived = cluster.status === 'archived';

	return (
		<div className="igny8-cluster-header">
			{ editing ? (
				<EditForm
					cluster={ cluster }
					onDone={ () => setEditing( false ) }
				/>
			) : (
				<>
					<h2 data-testid="igny8-cluster-name">{ cluster.name }</h2>
					<p className="igny8-cluster-stats">
						{ sprintf(
							/* translators: 1: number of keywords, 2: total search volume */
							_n(
								'%1$s keyword · volume %2$s',
								'%1$s keywords · volume %2$s',
								cluster.keyword_count,
								'igny8'
							),
							formatNumber( cluster.keyword_count ),
							formatNumber( cluster.volume )
						) }
						{ archived && (
							<span className="igny8-badge">
								{ anyClusterStatus( cluster.status ) }
							</span>
						) }
					</p>
					{ cluster.description && (
						<p className="igny8-cluster-description">
							{ cluster.description }
						</p>
					) }
				</>
			) }
			{ ! readOnly && ! editing && (
				<Flex justify="flex-start" gap={ 2 } wrap>
					<FlexItem>
						<Button
							variant="primary"
							data-testid="igny8-create-idea"
							onClick={ onCreateIdea }
						>
							{ __( 'Create idea', 'igny8' ) }
						</Button>
					</FlexItem>
					<FlexItem>
						<GenerateIdeasButton clusterIds={ [ cluster.id ] } />
					</FlexItem>
					<FlexItem>
						<Button
							variant="secondary"
							onClick={ () => setEditing( true ) }
						>
							{ __( 'Rename or describe', 'igny8' ) }
						</Button>
					</FlexItem>
					<FlexItem>
						<Button
							variant="secondary"
							onClick={ () => setMerging( true ) }
						>
							{ __( 'Merge clusters into this one…', 'igny8' ) }
						</Button>
					</FlexItem>
					<FlexItem>
						<Button
							variant="tertiary"
							isBusy={ busy }
							disabled={ busy }
							onClick={ () =>
								void updateCluster( cluster.id, {
									status: archived ? 'active' : 'archived',
								} )
							}
						>
							{ archived
								? __( 'Restore', 'igny8' )
								: __( 'Archive', 'igny8' ) }
						</Button>
					</FlexItem>
				</Flex>
			) }
			{ ! editing && (
				<OperationError operations={ [ 'updateCluster' ] } />
			) }
			{ merging && (
				<Suspense fallback={ <Spinner /> }>
					<MergeDialog
						cluster={ cluster }
						onClose={ () => setMerging( false ) }
					/>
				</Suspense>
			) }
		</div>
	);
}

function EditForm( {
	cluster,
	onDone,
}: {
	cluster: Cluster;
	onDone: () => void;
} ) {
	const [ name, setName ] = useState( cluster.name );
	const [ description, setDescription ] = useState(
		cluster.description ?? ''
	);
	const { busy, fieldErrors } = useSelect( ( select ) => {
		const planner = select( plannerStore );
		return {
			busy: planner.isBusy( 'updateCluster' ),
			fieldErrors: planner.getFieldErrors( 'updateCluster' ),
		};
	}, [] );
	const { updateCluster, clearError } = useDispatch( plannerStore );

	const onSubmit = async ( event: { preventDefault: () => void } ) => {
		event.preventDefault();
		const saved = await updateCluster( cluster.id, {
			name: name.trim(),
			description: description.trim() || null,
		} );
		if ( saved ) {
			onDone();
		}
	};
	return (
		<form onSubmit={ onSubmit } className="igny8-cluster-edit">
			<TextControl
				__nextHasNoMarginBottom
				label={ __( 'Name', 'igny8' ) }
				value={ name }
				onChange={ ( value: string ) => setName( value ) }
				help={ fieldErrors.name?.join( ' ' ) }
				required
				disabled={ busy }
			/>
			<TextareaControl
				__nextHasNoMarginBottom
				label={ __( 'Description', 'igny8' ) }
				value={ description }
				onChange={ ( value: string ) => setDescription( value ) }
				help={ fieldErrors.description?.join( ' ' ) }
				rows={ 3 }
				disabled={ busy }
			/>
			<OperationError operations={ [ 'updateCluster' ] } />
			<Flex justify="flex-start" gap={ 2 }>
				<Button
					variant="primary"
					type="submit"
					isBusy={ busy }
					disabled={ busy || ! name.trim() }
				>
					{ __( 'Save', 'igny8' ) }
				</Button>
				<Button
					variant="tertiary"
					onClick={ () => {
						clearError( 'updateCluster' );
						onDone();
					} }
				>
					{ __( 'Cancel', 'igny8' ) }
				</Button>
			</Flex>
		</form>
	);
}
