import { Notice } from '@wordpress/components';
import { useDispatch, useSelect } from '@wordpress/data';
import { __, _n, sprintf } from '@wordpress/i18n';
import { store as plannerStore } from '../../../store/planner';
import { adminPageUrl, WRITER_PAGES } from '../../components/url';
import { anyTaskStatus } from '../common/labels';

/** "N tasks created" with each task's title and a link to them in the Writer, after Create tasks. */
export default function TasksCreated() {
	const result = useSelect(
		( select ) => select( plannerStore ).getLastCreatedTasks(),
		[]
	);
	const { dismissResult } = useDispatch( plannerStore );
	if ( ! result ) {
		return null;
	}
	return (
		<Notice
			status={ result.created ? 'success' : 'info' }
			onRemove={ () => dismissResult( 'createdTasks' ) }
		>
			<div data-testid="igny8-tasks-created">
				<p style={ { margin: 0 } }>
					{ result.created > 0
						? sprintf(
								/* translators: %d: number of tasks */
								_n(
									'%d task created for the Writer:',
									'%d tasks created for the Writer:',
									result.created,
									'igny8'
								),
								result.created
							)
						: sprintf(
								/* translators: %d: number of tasks (0) */
								_n(
									'%d task created',
									'%d tasks created',
									result.created,
									'igny8'
								),
								result.created
							) }
				</p>
				{ result.tasks.length > 0 && (
					<ul className="igny8-task-list">
						{ result.tasks.map( ( task ) => (
							<li key={ task.id }>
								{ task.title }{ ' ' }
								<span className="igny8-muted">
									({ anyTaskStatus( task.status ) })
								</span>
							</li>
						) ) }
					</ul>
				) }
				{ result.created > 0 && (
					<p style={ { margin: '4px 0 0' } }>
						<a href={ adminPageUrl( WRITER_PAGES.tasks ) }>
							{ __( 'Open them in the Writer', 'igny8' ) } →
						</a>
					</p>
				) }
			</div>
		</Notice>
	);
}
