// Creates or edits an idea in a modal: title, outline, target keywords, content type, cluster, status.
import {
	Button,
	Flex,
	Modal,
	SelectControl,
	TextareaControl,
	TextControl,
} from '@wordpress/components';
import { useDispatch, useSelect } from '@wordpress/data';
import { useState } from '@wordpress/element';
import { __ } from '@wordpress/i18n';
import { store as plannerStore } from '../../../store/planner';
import { CONTENT_TYPES, IDEA_STATUSES } from '../../../store/planner/constants';
import type {
	ContentType,
	Idea,
	IdeaStatus,
} from '../../../store/planner/types';
import { splitKeywords } from '../common/format';
import { useClusterOptions } from '../common/hooks';
import { contentTypeLabel, ideaStatusLabel, optionsOf } from '../common/labels';
import OperationError from '../common/OperationError';

export interface IdeaDraft {
	title?: string;
	description?: string | null;
	target_keywords?: string[];
	content_type?: ContentType;
	cluster_id?: number | null;
	status?: IdeaStatus;
}

interface Props {
	/** The idea to edit; without one, a new idea starting from `initial`. */
	idea?: Idea | null;
	initial?: IdeaDraft;
	onClose: ( saved: Idea | null ) => void;
}

export default function IdeaEditor( {
	idea = null,
	initial = {},
	onClose,
}: Props ) {
	const start = idea ?? initial;
	const [ title, setTitle ] = useState( start.title ?? '' );
	const [ description, setDescription ] = useState( start.description ?? '' );
	const [ keywords, setKeywords ] = useState(
		( start.target_keywords ?? [] ).join( '\n' )
	);
	const [ contentType, setContentType ] = useState< ContentType >(
		start.content_type ?? 'post'
	);
	const [ clusterId, setClusterId ] = useState(
		start.cluster_id ? String( start.cluster_id ) : ''
	);
	const [ status, setStatus ] = useState< IdeaStatus >(
		start.status ?? 'draft'
	);
	const { clusters } = useClusterOptions();
	const { busy, fieldErrors } = useSelect( ( select ) => {
		const planner = select( plannerStore );
		return {
			busy: planner.isBusy( 'saveIdea' ),
			fieldErrors: planner.getFieldErrors( 'saveIdea' ),
		};
	}, [] );
	const { saveIdea, clearError } = useDispatch( plannerStore );

	const close = ( saved: Idea | null ) => {
		clearError( 'saveIdea' );
		onClose( saved );
	};

	const onSubmit = async ( event: { preventDefault: () => void } ) => {
		event.preventDefault();
		if ( busy || ! title.trim() ) {
			return;
		}
		const saved = await saveIdea( idea?.id ?? null, {
			title: title.trim(),
			description: description.trim() || null,
			target_keywords: splitKeywords( keywords ),
			content_type: contentType,
			cluster_id: clusterId ? Number( clusterId ) : null,
			status,
		} );
		if ( saved ) {
			close( saved );
		}
	};

	const clusterOptions = [
		{ value: '', label: __( 'No cluster', 'igny8' ) },
		...( clusters ?? [] ).map( ( cluster ) => ( {
			value: String( cluster.id ),
			label: cluster.name,
		} ) ),
	];
	// The idea's cluster may be past the first 200 the picker knows: keep it choosable.
	if (
		clusterId &&
		! clusterOptions.some( ( option ) => option.value === clusterId )
	) {
		clusterOptions.push( { value: clusterId, label: `#${ clusterId }` } );
	}

	return (
		<Modal
			title={
				idea ? __( 'Edit idea', 'igny8' ) : __( 'New idea', 'igny8' )
			}
			onRequestClose={ () => close( null ) }
			className="igny8-idea-editor"
		>
			<form
				onSubmit={ onSubmit }
				className="igny8-dialog-form"
				data-testid="igny8-idea-editor"
			>
				<TextControl
					__nextHasNoMarginBottom
					label={ __( 'Title', 'igny8' ) }
					value={ title }
					onChange={ ( value: string ) => setTitle( value ) }
					help={ fieldErrors.title?.join( ' ' ) }
					required
					disabled={ busy }
					data-testid="igny8-idea-title"
				/>
				<TextareaControl
					__nextHasNoMarginBottom
					label={ __( 'Description or outline', 'igny8' ) }
					value={ description }
					onChange={ ( value: string ) => setDescription( value ) }
					help={ fieldErrors.description?.join( ' ' ) }
					rows={ 8 }
					disabled={ busy }
				/>
				<TextareaControl
					__nextHasNoMarginBottom
					label={ __( 'Target keywords', 'igny8' ) }
					value={ keywords }
					onChange={ ( value: string ) => setKeywords( value ) }
					help={
						fieldErrors.target_keywords?.join( ' ' ) ??
						__( 'One per line, or separated by commas.', 'igny8' )
					}
					rows={ 4 }
					disabled={ busy }
				/>
				<Flex gap={ 4 } align="flex-start" wrap>
					<SelectControl
						__nextHasNoMarginBottom
						label={ __( 'Content type', 'igny8' ) }
						value={ contentType }
						options={ optionsOf( CONTENT_TYPES, contentTypeLabel ) }
						onChange={ ( value: string ) =>
							setContentType( value as ContentType )
						}
						help={ fieldErrors.content_type?.join( ' ' ) }
						disabled={ busy }
					/>
					<SelectControl
						__nextHasNoMarginBottom
						label={ __( 'Cluster', 'igny8' ) }
						value={ clusterId }
						options={ clusterOptions }
						onChange={ ( value: string ) => setClusterId( value ) }
						help={ fieldErrors.cluster_id?.join( ' ' ) }
						disabled={ busy }
					/>
					<SelectControl
						__nextHasNoMarginBottom
						label={ __( 'Status', 'igny8' ) }
						value={ status }
						options={ optionsOf( IDEA_STATUSES, ideaStatusLabel ) }
						onChange={ ( value: string ) =>
							setStatus( value as IdeaStatus )
						}
						help={ fieldErrors.status?.join( ' ' ) }
						disabled={ busy }
					/>
				</Flex>
				<OperationError operations={ [ 'saveIdea' ] } />
				<Flex justify="flex-end" gap={ 2 }>
					<Button variant="tertiary" onClick={ () => close( null ) }>
						{ __( 'Cancel', 'igny8' ) }
					</Button>
					<Button
						variant="primary"
						type="submit"
						isBusy={ busy }
						disabled={ busy || ! title.trim() }
						data-testid="igny8-idea-save"
					>
						{ idea
							? __( 'Save idea', 'igny8' )
							: __( 'Create idea', 'igny8' ) }
					</Button>
				</Flex>
			</form>
		</Modal>
	);
}
