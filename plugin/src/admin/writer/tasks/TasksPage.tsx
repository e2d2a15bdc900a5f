// Tasks of the sector: filters, sorting and pages, create and edit in a modal, delete, and articles
// generated from the ticked tasks (or again for one).
import { Button, Flex, FlexItem, Notice, Spinner } from '@wordpress/components';
import { lazy, Suspense, useState } from '@wordpress/element';
import { __, _n, sprintf } from '@wordpress/i18n';
import {
	writerApi,
	type TaskBulkDeleteResult,
	type WriterTask,
} from '../../../api/writer';
import ConfirmButton from '../../components/ConfirmButton';
import DataTable, { type Column } from '../../components/DataTable';
import ErrorNotice from '../../components/ErrorNotice';
import Pagination from '../../components/Pagination';
import { useOperation } from '../../components/useOperation';
import { adminPageUrl } from '../../components/url';
import { useClusterOptions } from '../../planner/common/hooks';
import { anyTaskStatus, contentTypeLabel } from '../../planner/common/labels';
import { formatTimestamp } from '../../settings/format';
import { GENERATE_CONTENT_JOB, PAGE_SIZES } from '../common/constants';
import { useBatchFollowUp, useSelection, useWriterList } from '../common/hooks';
import { taskContentUrl } from '../common/links';
import { priceLabel } from '../../components/job/format';
import {
	contentPrice,
	GenerateContentButton,
	GenerateContentProgress,
	useGenerateContent,
} from './GenerateContent';
import TaskFilters, { type TaskFilterValues } from './TaskFilters';
import { canGenerate, canRegenerate, isLocked } from './task-form';

const TaskEditor = lazy(
	() => import( /* webpackChunkName: "task-editor" */ './TaskEditor' )
);

/** The editor is closed, open on a new task (null), or on a task. */
type Editing = false | null | WriterTask;

export default function TasksPage( { readOnly }: { readOnly: boolean } ) {
	const list = useWriterList< WriterTask, TaskFilterValues >(
		writerApi.listTasks,
		{ filters: {}, ordering: '-created_at' }
	);
	const { names } = useClusterOptions();
	const { selected, setSelected, toggle } = useSelection( list.items );
	const [ editing, setEditing ] = useState< Editing >( false );
	const [ deleted, setDeleted ] = useState< TaskBulkDeleteResult | null >(
		null
	);
	const removal = useOperation();
	const generation = useGenerateContent();
	useBatchFollowUp( GENERATE_CONTENT_JOB, list.reload );

	const refusal = readOnly
		? __( 'Your role may view tasks but not change them.', 'igny8' )
		: null;
	const ticked = list.items.filter( ( task ) =>
		selected.includes( task.id )
	);
	const generatable = ticked.filter( ( task ) => canGenerate( task.status ) );

	const removeOne = async ( task: WriterTask ) => {
		setDeleted( null );
		const done = await removal.run( () => writerApi.deleteTask( task.id ) );
		if ( done !== undefined ) {
			list.reload();
		}
	};
	const removeTicked = async () => {
		if ( ! list.placement || selected.length === 0 ) {
			return;
		}
		const { site_id: siteId } = list.placement;
		const result = await removal.run( () =>
			writerApi.bulkDeleteTasks( siteId, selected )
		);
		if ( result ) {
			setDeleted( result );
			setSelected( [] );
			list.reload();
		}
	};

	const columns: Column< WriterTask >[] = [
		{
			key: 'title',
			label: __( 'Task', 'igny8' ),
			sortField: 'title',
			primary: true,
			render: ( task ) => (
				<>
					<strong>{ task.title }</strong>
					<RowActions
						task={ task }
						readOnly={ readOnly }
						busy={ removal.busy || generation.active }
						onEdit={ () => setEditing( task ) }
						onRegenerate={ () => generation.start( [ task ] ) }
						onDelete={ () => void removeOne( task ) }
					/>
				</>
			),
		},
		{
			key: 'cluster',
			label: __( 'Cluster', 'igny8' ),
			render: ( task ) =>
				task.cluster_id === null ? (
					'—'
				) : (
					<a
						href={ adminPageUrl( 'igny8-clusters', {
							cluster: task.cluster_id,
						} ) }
					>
						{ names.get( task.cluster_id ) ??
							`#${ task.cluster_id }` }
					</a>
				),
		},
		{
			key: 'type',
			label: __( 'Type', 'igny8' ),
			width: '9em',
			render: ( task ) => contentTypeLabel( task.content_type ),
		},
		{
			key: 'keywords',
			label: __( 'Target keywords', 'igny8' ),
			render: ( task ) => task.target_keywords.join( ', ' ) || '—',
		},
		{
			key: 'status',
			label: __( 'Status', 'igny8' ),
			width: '9em',
			render: ( task ) => (
				<>
					<span className={ `igny8-status is-${ task.status }` }>
						{ anyTaskStatus( task.status ) }
					</span>
					{ task.status === 'failed' && task.error && (
						<div className="igny8-muted igny8-task-error">
							{ task.error }
						</div>
					) }
				</>
			),
		},
		{
			key: 'updated',
			label: __( 'Updated', 'igny8' ),
			sortField: 'updated_at',
			firstDirection: 'desc',
			width: '11em',
			render: ( task ) => formatTimestamp( task.updated_at ) ?? '—',
		},
	];

	return (
		<>
			<TaskFilters
				filters={ list.query.filters }
				onChange={ list.setFilters }
			/>
			<Flex className="igny8-toolbar" justify="space-between" wrap>
				<FlexItem>
					<Flex gap={ 2 } align="flex-end" wrap>
						{ ! readOnly && (
							<strong>
								{ sprintf(
									/* translators: %d: number of tasks */
									_n(
										'%d selected',
										'%d selected',
										selected.length,
										'igny8'
									),
									selected.length
								) }
							</strong>
						) }
						<GenerateContentButton
							tasks={ generatable }
							skipped={ ticked.length - generatable.length }
							refusal={ refusal }
						/>
						<ConfirmButton
							question={ sprintf(
								/* translators: %d: number of tasks */
								_n(
									'Delete %d task? Its idea goes back to approved.',
									'Delete %d tasks? Their ideas go back to approved.',
									selected.length,
									'igny8'
								),
								selected.length
							) }
							confirmLabel={ __( 'Delete', 'igny8' ) }
							isDestructive
							isBusy={ removal.busy }
							disabled={
								Boolean( refusal ) || selected.length === 0
							}
							onConfirm={ () => void removeTicked() }
						>
							{ __( 'Delete', 'igny8' ) }
						</ConfirmButton>
					</Flex>
				</FlexItem>
				<FlexItem>
					<Button
						variant="secondary"
						disabled={ Boolean( refusal ) }
						title={ refusal ?? undefined }
						onClick={ () => setEditing( null ) }
					>
						{ __( 'New task', 'igny8' ) }
					</Button>
				</FlexItem>
			</Flex>
			<GenerateContentProgress />
			<ErrorNotice
				error={ removal.error }
				onRemove={ removal.clearError }
			/>
			{ deleted && (
				<Notice status="success" onRemove={ () => setDeleted( null ) }>
					{ deletedMessage( deleted ) }
				</Notice>
			) }
			<ErrorNotice
				error={ list.error }
				actions={ [
					{ label: __( 'Retry', 'igny8' ), onClick: list.reload },
				] }
			/>
			<DataTable
				caption={ __( 'Tasks', 'igny8' ) }
				columns={ columns }
				items={ list.items }
				ordering={ list.query.ordering }
				onSort={ list.setOrdering }
				loading={ list.loading || ! list.loaded }
				emptyMessage={ __(
					'No tasks yet. Create one here, or make tasks from ideas in the Planner.',
					'igny8'
				) }
				selection={
					readOnly
						? null
						: {
								selected,
								onToggle: toggle,
								onToggleAll: ( checked ) =>
									setSelected(
										checked
											? list.items.map(
													( task ) => task.id
												)
											: []
									),
								label: ( task ) =>
									sprintf(
										/* translators: %s: task title */
										__( 'Select “%s”', 'igny8' ),
										task.title
									),
							}
				}
			/>
			<Pagination
				page={ list.query.page }
				pageCount={ list.pageCount }
				count={ list.count }
				pageSize={ list.query.pageSize }
				pageSizes={ PAGE_SIZES }
				onPage={ list.setPage }
				onPageSize={ list.setPageSize }
				disabled={ list.loading }
			/>
			{ editing !== false && (
				<Suspense fallback={ <Spinner /> }>
					<TaskEditor
						task={ editing }
						onClose={ ( saved ) => {
							setEditing( false );
							if ( saved ) {
								list.reload();
							}
						} }
					/>
				</Suspense>
			) }
		</>
	);
}

function deletedMessage( result: TaskBulkDeleteResult ): string {
	const deleted = sprintf(
		/* translators: %d: number of tasks */
		_n( '%d task deleted.', '%d tasks deleted.', result.deleted, 'igny8' ),
		result.deleted
	);
	if ( ! result.skipped_generating ) {
		return deleted;
	}
	return `${ deleted } ${ sprintf(
		/* translators: %d: number of tasks */
		_n(
			'%d task being generated was left alone.',
			'%d tasks being generated were left alone.',
			result.skipped_generating,
			'igny8'
		),
		result.skipped_generating
	) }`;
}

interface RowActionsProps {
	task: WriterTask;
	readOnly: boolean;
	busy: boolean;
	onEdit: () => void;
	onRegenerate: () => void;
	onDelete: () => void;
}

function RowActions( {
	task,
	readOnly,
	busy,
	onEdit,
	onRegenerate,
	onDelete,
}: RowActionsProps ) {
	const actions = [];
	if ( task.status === 'review' || task.status === 'completed' ) {
		actions.push(
			<a key="review" href={ taskContentUrl( task.id ) }>
				{ __( 'Review the content', 'igny8' ) }
			</a>
		);
	}
	if ( ! readOnly && ! isLocked( task.status ) ) {
		actions.push(
			<Button key="edit" variant="link" onClick={ onEdit }>
				{ __( 'Edit', 'igny8' ) }
			</Button>
		);
		if ( canRegenerate( task.status ) ) {
			actions.push(
				<ConfirmButton
					key="regenerate"
					variant="link"
					disabled={ busy }
					question={ sprintf(
						/* translators: 1: task title, 2: price, e.g. "about 3 credits" */
						__(
							'Write “%1$s” again? The new article replaces the one in review; it costs %2$s.',
							'igny8'
						),
						task.title,
						priceLabel( contentPrice( 1 ) )
					) }
					confirmLabel={ __( 'Regenerate', 'igny8' ) }
					onConfirm={ onRegenerate }
				>
					{ __( 'Regenerate', 'igny8' ) }
				</ConfirmButton>
			);
		}
		actions.push(
			<ConfirmButton
				key="delete"
				variant="link"
				isDestructive
				disabled={ busy }
				question={ sprintf(
					/* translators: %s: task title */
					__( 'Delete the task “%s”?', 'igny8' ),
					task.title
				) }
				confirmLabel={ __( 'Delete', 'igny8' ) }
				onConfirm={ onDelete }
			>
				{ __( 'Delete', 'igny8' ) }
			</ConfirmButton>
		);
	}
	if ( actions.length === 0 ) {
		return null;
	}
	return (
		<div className="igny8-row-actions">
			{ actions.flatMap( ( action, index ) =>
				index === 0 ? [ action ] : [ ' | ', action ]
			) }
		</div>
	);
}
