// The Content page's two screens: the list, or the review screen of one piece (a chunk of its own).
import { Notice, Spinner } from '@wordpress/components';
import { lazy, Suspense, useEffect } from '@wordpress/element';
import { __ } from '@wordpress/i18n';
import { itemsOf } from '../../../api/cloud';
import { writerApi } from '../../../api/writer';
import ErrorNotice from '../../components/ErrorNotice';
import { useCloudData } from '../../components/useCloudData';
import { navigate, useUrlParam } from '../../components/url';
import { usePlacement } from '../common/hooks';
import { tasksUrl } from '../common/links';
import ContentList from './ContentList';

const ContentReview = lazy(
	() => import( /* webpackChunkName: "content-review" */ './ContentReview' )
);

function idParam( value: string | null ): number | null {
	return value && /^\d+$/.test( value ) ? Number( value ) : null;
}

export default function ContentPage( { readOnly }: { readOnly: boolean } ) {
	const contentId = idParam( useUrlParam( 'content' ) );
	const taskId = idParam( useUrlParam( 'task' ) );
	if ( contentId !== null ) {
		return (
			<Suspense fallback={ <Spinner /> }>
				<ContentReview contentId={ contentId } readOnly={ readOnly } />
			</Suspense>
		);
	}
	if ( taskId !== null ) {
		return <TaskContent taskId={ taskId } />;
	}
	return <ContentList readOnly={ readOnly } />;
}

/**
 * Opens the newest piece written for a task (a link from the Tasks page or a finished job).
 *
 * @param props        Component props.
 * @param props.taskId The task.
 */
function TaskContent( { taskId }: { taskId: number } ) {
	const { placement } = usePlacement();
	const siteId = placement?.site_id ?? null;
	const found = useCloudData(
		async () =>
			siteId === null
				? null
				: ( itemsOf< { id: number } >(
						await writerApi.listContent( {
							site_id: siteId,
							task_id: taskId,
							ordering: '-created_at',
							page_size: 1,
						} )
					)[ 0 ] ?? null ),
		[ siteId, taskId ]
	);
	const contentId = found.data?.id ?? null;
	useEffect( () => {
		if ( contentId !== null ) {
			navigate( { content: contentId, task: null }, true );
		}
	}, [ contentId ] );
	if ( found.error ) {
		return <ErrorNotice error={ found.error } />;
	}
	if ( found.loading || contentId !== null ) {
		return <Spinner />;
	}
	return (
		<Notice status="info" isDismissible={ false }>
			{ __( 'This task has no content yet.', 'igny8' ) }{ ' ' }
			<a href={ tasksUrl() }>{ __( 'Back to the tasks', 'igny8' ) }</a>
		</Notice>
	);
}
