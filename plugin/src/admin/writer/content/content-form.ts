// A piece of content as the review screen edits it, and what its status lets the user do (pure; see test/).
import type { Content, ContentUpdate } from '../../../api/writer';

export interface ContentValues {
	title: string;
	metaTitle: string;
	metaDescription: string;
	body: string;
}

export function valuesOf( content: Content ): ContentValues {
	return {
		title: content.title,
		metaTitle: content.meta_title ?? '',
		metaDescription: content.meta_description ?? '',
		body: content.body,
	};
}

/**
 * Only what changed, as the cloud takes it (an emptied meta field is null); empty when nothing did.
 *
 * @param content The piece as the cloud has it.
 * @param values  The form's values.
 */
export function changesOf(
	content: Content,
	values: ContentValues
): ContentUpdate {
	const saved = valuesOf( content );
	const changes: ContentUpdate = {};
	if ( values.title.trim() !== saved.title.trim() ) {
		changes.title = values.title.trim();
	}
	if ( values.metaTitle.trim() !== saved.metaTitle.trim() ) {
		changes.meta_title = values.metaTitle.trim() || null;
	}
	if ( values.metaDescription.trim() !== saved.metaDescription.trim() ) {
		changes.meta_description = values.metaDescription.trim() || null;
	}
	if ( values.body !== saved.body ) {
		changes.body = values.body;
	}
	return changes;
}

export function isDirty( content: Content, values: ContentValues ): boolean {
	return Object.keys( changesOf( content, values ) ).length > 0;
}

/**
 * The status moves the review screen offers: approve a piece in review, send a draft to review, send an
 * approved piece back to review; published content is publishing's.
 *
 * @param status The piece's status.
 */
export function statusMoves( status: string ): {
	approve: boolean;
	toReview: boolean;
} {
	return {
		approve: status === 'review',
		toReview: status === 'draft' || status === 'approved',
	};
}
