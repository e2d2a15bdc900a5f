// A task as its form edits it, and what may be done with a task in each status (pure; see test/).
import type {
	ContentStructure,
	TaskCreate,
	WriterTask,
} from '../../../api/writer';
import type { ContentType } from '../../../store/planner/types';
import { splitKeywords } from '../../planner/common/format';
import { WRITER_LIMITS } from '../common/constants';

export type TaskStatus = WriterTask[ 'status' ];
export type HeadingLevel = 2 | 3 | 4;

/** One outline section as typed; `key` keeps a row's identity while rows move. */
export interface SectionDraft {
	key: number;
	heading: string;
	level: HeadingLevel;
	notes: string;
}

export interface TaskDraft {
	title: string;
	brief: string;
	/** One per line, or separated by commas. */
	keywords: string;
	contentType: ContentType;
	/** '' for none. */
	clusterId: string;
	/** '' for the account's default profile. */
	authorProfileId: string;
	/** '' for the generator's default. */
	targetLength: string;
	sections: SectionDraft[];
}

let nextKey = 1;

export function newSection(
	fields: Partial< Omit< SectionDraft, 'key' > > = {}
): SectionDraft {
	return {
		key: nextKey++,
		heading: '',
		level: 2,
		notes: '',
		...fields,
	};
}

/**
 * The form's values for a task, or for a new one.
 *
 * @param task The task to edit, if any.
 */
export function draftOf( task: WriterTask | null ): TaskDraft {
	return {
		title: task?.title ?? '',
		brief: task?.brief ?? '',
		keywords: ( task?.target_keywords ?? [] ).join( '\n' ),
		contentType: task?.content_type ?? 'post',
		clusterId: task?.cluster_id ? String( task.cluster_id ) : '',
		authorProfileId: task?.author_profile_id
			? String( task.author_profile_id )
			: '',
		targetLength: task?.target_length ? String( task.target_length ) : '',
		sections: ( task?.content_structure?.sections ?? [] ).map(
			( section ) =>
				newSection( {
					heading: section.heading,
					level: ( section.level ?? 2 ) as HeadingLevel,
					notes: section.notes ?? '',
				} )
		),
	};
}

/**
 * The outline as the cloud takes it: sections with a heading, trimmed, level 2 and empty notes left out;
 * null when no section has a heading.
 *
 * @param sections The sections as typed.
 */
export function outlineOf(
	sections: readonly SectionDraft[]
): ContentStructure | null {
	const kept = sections
		.map( ( section ) => ( {
			heading: section.heading.trim(),
			level: section.level,
			notes: section.notes.trim(),
		} ) )
		.filter( ( section ) => section.heading !== '' )
		.map( ( { heading, level, notes } ) => ( {
			heading,
			...( level === 2 ? {} : { level } ),
			...( notes ? { notes } : {} ),
		} ) );
	return kept.length ? { sections: kept } : null;
}

/**
 * A typed target length: null when empty (the default), the number when whole and within the limits,
 * else undefined (the form says what it takes).
 *
 * @param text What was typed.
 */
export function parseTargetLength( text: string ): number | null | undefined {
	const trimmed = text.trim();
	if ( trimmed === '' ) {
		return null;
	}
	if ( ! /^\d+$/.test( trimmed ) ) {
		return undefined;
	}
	const value = Number( trimmed );
	return value >= WRITER_LIMITS.minTargetLength &&
		value <= WRITER_LIMITS.maxTargetLength
		? value
		: undefined;
}

/**
 * The body that creates (or, all fields sent, updates) the task; null while the form cannot be sent.
 *
 * @param draft The form's values.
 */
export function taskBody( draft: TaskDraft ): TaskCreate | null {
	const title = draft.title.trim();
	const targetLength = parseTargetLength( draft.targetLength );
	if ( ! title || targetLength === undefined ) {
		return null;
	}
	return {
		title,
		brief: draft.brief.trim() || null,
		target_keywords: splitKeywords( draft.keywords ),
		content_type: draft.contentType,
		cluster_id: draft.clusterId ? Number( draft.clusterId ) : null,
		author_profile_id: draft.authorProfileId
			? Number( draft.authorProfileId )
			: null,
		target_length: targetLength,
		content_structure: outlineOf( draft.sections ),
	};
}

/**
 * Moves the section at `from` by `by` places (-1 up, 1 down); the same list when it cannot move.
 *
 * @param sections The sections.
 * @param from     The index of the section to move.
 * @param by       -1 or 1.
 */
export function moveSection< T >(
	sections: readonly T[],
	from: number,
	by: -1 | 1
): T[] {
	const to = from + by;
	if (
		from < 0 ||
		from >= sections.length ||
		to < 0 ||
		to >= sections.length
	) {
		return [ ...sections ];
	}
	const next = [ ...sections ];
	[ next[ from ], next[ to ] ] = [ next[ to ], next[ from ] ];
	return next;
}

/**
 * Tasks "Generate content" starts: waiting ones, and failed ones (a retry).
 *
 * @param status The task's status.
 */
export function canGenerate( status: string ): boolean {
	return status === 'queued' || status === 'failed';
}

/**
 * Tasks "Regenerate" starts again: generated (in review) or failed.
 *
 * @param status The task's status.
 */
export function canRegenerate( status: string ): boolean {
	return status === 'review' || status === 'failed';
}

/**
 * A task being generated cannot be changed or deleted (the cloud answers 409).
 *
 * @param status The task's status.
 */
export function isLocked( status: string ): boolean {
	return status === 'generating';
}
