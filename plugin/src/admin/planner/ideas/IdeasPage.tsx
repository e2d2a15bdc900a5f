// Ideas of the sector: filters, edit in a modal, approve, and writer tasks from the ticked ones.
import { Button, Flex, FlexItem, Spinner } from '@wordpress/components';
import { useDispatch, useSelect } from '@wordpress/data';
import { lazy, Suspense, useState } from '@wordpress/element';
import { __, _n, sprintf } from '@wordpress/i18n';
import { store as plannerStore } from '../../../store/planner';
import type { Idea } from '../../../store/planner/types';
import DataTable, { type Column } from '../../components/DataTable';
import ErrorNotice from '../../components/ErrorNotice';
import { useClusterOptions, useList } from '../common/hooks';
import { anyIdeaStatus, contentTypeLabel } from '../common/labels';
import ListPagination from '../common/ListPagination';
import OperationError from '../common/OperationError';
import { adminPageUrl } from '../../components/url';
import IdeaFilters from './IdeaFilters';
import TasksCreated from './TasksCreated';

const IdeaEditor = lazy(
	() => import( /* webpackChunkName: "idea-editor" */ './IdeaEditor' )
);

/** The editor is closed, open on a new idea (null), or on an idea. */
type Editing = false | null | Idea;

export default function IdeasPage() {
	const { items, query, loading, loaded, error, selected, readOnly } =
		useList( 'ideas' );
	const { names } = useClusterOptions();
	const { approving, creatingTasks } = useSelect( ( select ) => {
		const planner = select( plannerStore );
		return {
			approving: planner.isBusy( 'approveIdeas' ),
			creatingTasks: planner.isBusy( 'createTasks' ),
		};
	}, [] );
	const {
		setOrdering,
		toggleSelected,
		setSelection,
		approveIdeas,
		createTasks,
		fetchList,
	} = useDispatch( plannerStore );
	const [ editing, setEditing ] = useState< Editing >( false );

	const columns: Column< Idea >[] = [
		{
			key: 'title',
			label: __( 'Idea', 'igny8' ),
			sortField: 'title',
			primary: true,
			render: ( idea ) => (
				<>
					<strong>{ idea.title }</strong>
					{ ! readOnly && (
						<div className="igny8-row-actions">
							<Button
								variant="link"
								onClick={ () => setEditing( idea ) }
							>
								{ __( 'Edit', 'igny8' ) }
							</Button>
							{ idea.status === 'draft' && (
								<>
									{ ' | ' }
									<Button
										variant="link"
										disabled={ approving }
										onClick={ () =>
											void approveIdeas( [ idea.id ] )
										}
									>
										{ __( 'Approve', 'igny8' ) }
									</Button>
								</>
							) }
						</div>
					) }
				</>
			),
		},
		{
			key: 'cluster',
			label: __( 'Cluster', 'igny8' ),
			render: ( idea ) =>
				idea.cluster_id === null ? (
					'—'
				) : (
					<a
						href={ adminPageUrl( 'igny8-clusters', {
							cluster: idea.cluster_id,
						} ) }
					>
						{ names.get( idea.cluster_id ) ??
							`#${ idea.cluster_id }` }
					</a>
				),
		},
		{
			key: 'type',
			label: __( 'Type', 'igny8' ),
			width: '9em',
			render: ( idea ) => contentTypeLabel( idea.content_type ),
		},
		{
			key: 'keywords',
			label: __( 'Target keywords', 'igny8' ),
			render: ( idea ) => idea.target_keywords.join( ', ' ) || '—',
		},
		{
			key: 'status',
			label: __( 'Status', 'igny8' ),
			width: '8em',
			render: ( idea ) => anyIdeaStatus( idea.status ),
		},
	];

	const drafts = items
		.filter(
			( idea ) => selected.includes( idea.id ) && idea.status === 'draft'
		)
		.map( ( idea ) => idea.id );
	return (
		<>
			<IdeaFilters />
			{ ! readOnly && (
				<Flex className="igny8-toolbar" justify="space-between" wrap>
					<FlexItem>
						<Flex gap={ 2 } wrap>
							<strong>
								{ sprintf(
									/* translators: %d: number of ideas */
									_n(
										'%d selected',
										'%d selected',
										selected.length,
										'igny8'
									),
									selected.length
								) }
							</strong>
							<Button
								variant="primary"
								data-testid="igny8-create-tasks"
								isBusy={ creatingTasks }
								disabled={
									creatingTasks || selected.length === 0
								}
								onClick={ () => void createTasks( selected ) }
							>
								{ __( 'Create tasks', 'igny8' ) }
							</Button>
							<Button
								variant="secondary"
								isBusy={ approving }
								disabled={ approving || drafts.length === 0 }
								onClick={ () => void approveIdeas( drafts ) }
							>
								{ __( 'Approve', 'igny8' ) }
							</Button>
						</Flex>
					</FlexItem>
					<FlexItem>
						<Button
							variant="secondary"
							onClick={ () => setEditing( null ) }
						>
							{ __( 'New idea', 'igny8' ) }
						</Button>
					</FlexItem>
				</Flex>
			) }
			<OperationError operations={ [ 'createTasks', 'approveIdeas' ] } />
			<TasksCreated />
			<ErrorNotice
				error={ error }
				actions={ [
					{
						label: __( 'Retry', 'igny8' ),
						onClick: () => void fetchList( 'ideas', true ),
					},
				] }
			/>
			<DataTable
				testId="igny8-ideas-table"
				rowTestId="igny8-idea-row"
				caption={ __( 'Ideas', 'igny8' ) }
				columns={ columns }
				items={ items }
				ordering={ query.ordering }
				onSort={ ( ordering ) => setOrdering( 'ideas', ordering ) }
				loading={ loading || ! loaded }
				emptyMessage={ __(
					'No ideas yet. Create one here or from a cluster.',
					'igny8'
				) }
				selection={
					readOnly
						? null
						: {
								selected,
								onToggle: ( id ) =>
									toggleSelected( 'ideas', id ),
								onToggleAll: ( checked ) =>
									setSelection(
										'ideas',
										checked
											? items.map( ( idea ) => idea.id )
											: []
									),
								label: ( idea ) =>
									sprintf(
										/* translators: %s: idea title */
										__( 'Select “%s”', 'igny8' ),
										idea.title
									),
							}
				}
			/>
			<ListPagination list="ideas" />
			{ editing !== false && (
				<Suspense fallback={ <Spinner /> }>
					<IdeaEditor
						idea={ editing }
						onClose={ () => setEditing( false ) }
					/>
				</Suspense>
			) }
		</>
	);
}
