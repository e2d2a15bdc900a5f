// Creates or edits a task in a modal: title, brief, target keywords, content type, cluster, author profile,
// target length and the outline the article follows.
import {
	Button,
	Flex,
	Modal,
	SelectControl,
	TextareaControl,
	TextControl,
} from '@wordpress/components';
import { useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';
import { systemApi } from '../../../api/system';
import { writerApi, type WriterTask } from '../../../api/writer';
import { CONTENT_TYPES } from '../../../store/planner/constants';
import type { ContentType } from '../../../store/planner/types';
import ErrorNotice from '../../components/ErrorNotice';
import { useCloudData } from '../../components/useCloudData';
import { useOperation } from '../../components/useOperation';
import { useClusterOptions } from '../../planner/common/hooks';
import { contentTypeLabel, optionsOf } from '../../planner/common/labels';
import { WRITER_LIMITS } from '../common/constants';
import { usePlacement } from '../common/hooks';
import OutlineEditor from './OutlineEditor';
import {
	draftOf,
	parseTargetLength,
	taskBody,
	type TaskDraft,
} from './task-form';

interface Props {
	/** The task to edit; null for a new one. */
	task: WriterTask | null;
	onClose: ( saved: WriterTask | null ) => void;
}

const FIELD_LABELS: Readonly< Record< string, string > > = {
	get title() {
		return __( 'Title', 'igny8' );
	},
	get brief() {
		return __( 'Brief', 'igny8' );
	},
	get target_keywords() {
		return __( 'Target keywords', 'igny8' );
	},
	get target_length() {
		return __( 'Target length', 'igny8' );
	},
	get author_profile_id() {
		return __( 'Author profile', 'igny8' );
	},
};

export default function TaskEditor( { task, onClose }: Props ) {
	const [ draft, setDraft ] = useState< TaskDraft >( () => draftOf( task ) );
	const set = ( change: Partial< TaskDraft > ) =>
		setDraft( ( current ) => ( { ...current, ...change } ) );
	const { placement } = usePlacement();
	const { clusters } = useClusterOptions();
	const profiles = useCloudData( () => systemApi.listAuthorProfiles(), [] );
	const save = useOperation();
	const fieldErrors = save.error?.fieldErrors ?? {};
	const problems = ( prefix: string ) =>
		Object.entries( fieldErrors )
			.filter(
				( [ field ] ) =>
					field === prefix || field.startsWith( `${ prefix }.` )
			)
			.flatMap( ( [ , messages ] ) => messages );

	const body = taskBody( draft );
	const lengthInvalid = parseTargetLength( draft.targetLength ) === undefined;

	const onSubmit = async ( event: { preventDefault: () => void } ) => {
		event.preventDefault();
		if ( save.busy || ! body || ! placement ) {
			return;
		}
		const saved = await save.run( () =>
			task
				? writerApi.updateTask( task.id, body )
				: writerApi.createTask( placement, body )
		);
		if ( saved ) {
			onClose( saved );
		}
	};

	const clusterOptions = [
		{ value: '', label: __( 'No cluster', 'igny8' ) },
		...( clusters ?? [] ).map( ( cluster ) => ( {
			value: String( cluster.id ),
			label: cluster.name,
		} ) ),
	];
	if (
		draft.clusterId &&
		! clusterOptions.some( ( option ) => option.value === draft.clusterId )
	) {
		clusterOptions.push( {
			value: draft.clusterId,
			label: `#${ draft.clusterId }`,
		} );
	}
	const profileOptions = [
		{ value: '', label: __( 'The account’s default', 'igny8' ) },
		...( profiles.data ?? [] ).map( ( profile ) => ( {
			value: String( profile.id ),
			label: profile.name,
		} ) ),
	];
	if (
		draft.authorProfileId &&
		! profileOptions.some(
			( option ) => option.value === draft.authorProfileId
		)
	) {
		profileOptions.push( {
			value: draft.authorProfileId,
			label: `#${ draft.authorProfileId }`,
		} );
	}
	const busy = save.busy;

	return (
		<Modal
			title={
				task ? __( 'Edit task', 'igny8' ) : __( 'New task', 'igny8' )
			}
			onRequestClose={ () => onClose( null ) }
			className="igny8-task-editor"
			size="large"
		>
			<form onSubmit={ onSubmit } className="igny8-dialog-form">
				<TextControl
					__nextHasNoMarginBottom
					label={ __( 'Title', 'igny8' ) }
					value={ draft.title }
					onChange={ ( title: string ) => set( { title } ) }
					help={ problems( 'title' ).join( ' ' ) }
					required
					disabled={ busy }
				/>
				<TextareaControl
					__nextHasNoMarginBottom
					label={ __( 'Brief', 'igny8' ) }
					value={ draft.brief }
					onChange={ ( brief: string ) => set( { brief } ) }
					help={
						problems( 'brief' ).join( ' ' ) ||
						__(
							'What the article should say and for whom.',
							'igny8'
						)
					}
					rows={ 5 }
					disabled={ busy }
				/>
				<TextareaControl
					__nextHasNoMarginBottom
					label={ __( 'Target keywords', 'igny8' ) }
					value={ draft.keywords }
					onChange={ ( keywords: string ) => set( { keywords } ) }
					help={
						problems( 'target_keywords' ).join( ' ' ) ||
						__( 'One per line, or separated by commas.', 'igny8' )
					}
					rows={ 3 }
					disabled={ busy }
				/>
				<Flex gap={ 4 } align="flex-start" wrap>
					<SelectControl
						__nextHasNoMarginBottom
						label={ __( 'Content type', 'igny8' ) }
						value={ draft.contentType }
						options={ optionsOf( CONTENT_TYPES, contentTypeLabel ) }
						onChange={ ( value: string ) =>
							set( { contentType: value as ContentType } )
						}
						disabled={ busy }
					/>
					<SelectControl
						__nextHasNoMarginBottom
						label={ __( 'Cluster', 'igny8' ) }
						value={ draft.clusterId }
						options={ clusterOptions }
						onChange={ ( clusterId: string ) =>
							set( { clusterId } )
						}
						help={ problems( 'cluster_id' ).join( ' ' ) }
						disabled={ busy }
					/>
					<SelectControl
						__nextHasNoMarginBottom
						label={ __( 'Author profile', 'igny8' ) }
						value={ draft.authorProfileId }
						options={ profileOptions }
						onChange={ ( authorProfileId: string ) =>
							set( { authorProfileId } )
						}
						help={
							problems( 'author_profile_id' ).join( ' ' ) ||
							( profiles.error
								? __(
										'The author profiles could not be loaded.',
										'igny8'
									)
								: undefined )
						}
						disabled={ busy }
					/>
					<TextControl
						__nextHasNoMarginBottom
						type="number"
						label={ __( 'Target length (words)', 'igny8' ) }
						value={ draft.targetLength }
						min={ WRITER_LIMITS.minTargetLength }
						max={ WRITER_LIMITS.maxTargetLength }
						onChange={ ( targetLength: string ) =>
							set( { targetLength } )
						}
						help={
							problems( 'target_length' ).join( ' ' ) ||
							sprintf(
								/* translators: 1: fewest words, 2: most words */
								__(
									'%1$s–%2$s words; empty for the usual length.',
									'igny8'
								),
								WRITER_LIMITS.minTargetLength.toLocaleString(),
								WRITER_LIMITS.maxTargetLength.toLocaleString()
							)
						}
						aria-invalid={ lengthInvalid }
						disabled={ busy }
					/>
				</Flex>
				<OutlineEditor
					sections={ draft.sections }
					onChange={ ( sections ) => set( { sections } ) }
					problems={ problems( 'content_structure' ) }
					disabled={ busy }
				/>
				<ErrorNotice
					error={ save.error }
					onRemove={ save.clearError }
					fieldLabels={ FIELD_LABELS }
				/>
				<Flex justify="flex-end" gap={ 2 }>
					<Button
						variant="tertiary"
						onClick={ () => onClose( null ) }
					>
						{ __( 'Cancel', 'igny8' ) }
					</Button>
					<Button
						variant="primary"
						type="submit"
						isBusy={ busy }
						disabled={ busy || ! body }
					>
						{ task
							? __( 'Save task', 'igny8' )
							: __( 'Create task', 'igny8' ) }
					</Button>
				</Flex>
			</form>
		</Modal>
	);
}
