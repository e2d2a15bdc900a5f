// Links between the Writer's pages (and from the Planner's), built from what a page knows.
import { adminPageUrl, WRITER_PAGES } from '../../components/url';

/**
 * The content id a finished job's result names (`content_id`), if it names one.
 *
 * @param result A job's `result`, as the cloud sent it.
 */
export function resultContentId( result: unknown ): number | null {
	const value = ( result as { content_id?: unknown } | null )?.content_id;
	return typeof value === 'number' && Number.isInteger( value ) && value > 0
		? value
		: null;
}

/**
 * The Content page's review screen of a piece.
 *
 * @param contentId The piece.
 */
export function contentUrl( contentId: number ): string {
	return adminPageUrl( WRITER_PAGES.content, { content: contentId } );
}

/**
 * The Content page's review screen of the content a task's generation wrote.
 *
 * @param taskId The task.
 */
export function taskContentUrl( taskId: number ): string {
	return adminPageUrl( WRITER_PAGES.content, { task: taskId } );
}

/**
 * The Images page, showing one piece's images when given.
 *
 * @param contentId The piece, if any.
 */
export function imagesUrl( contentId?: number ): string {
	return adminPageUrl( WRITER_PAGES.images, { content: contentId } );
}

/** The Tasks page. */
export function tasksUrl(): string {
	return adminPageUrl( WRITER_PAGES.tasks );
}
