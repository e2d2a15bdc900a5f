// generate_content: one article for one task, written as structured output (an Article), read leniently
// (parseArticle repairs JSON or converts Markdown/HTML) and saved as core block markup. The task is claimed
// (→ generating) with the credits, and given back by `ended` when the job fails or is cancelled.
// Generating a task again writes a new piece of content and leaves the earlier ones (edited, approved or
// published) as they are: nothing a person worked on is overwritten; they delete what they do not want.
import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import {
	ARTICLE_LIMITS,
	articleResponseFormat,
	clip,
	htmlToText,
	parseArticle,
	sectionsToBlocks,
	sectionText,
	textWordCount,
	validateBlockMarkup,
	wordCount,
	WRITER_LIMITS,
	type Article,
	type ArticleIssue,
	type PlacedImage,
	type schemas,
	type Section,
} from '@igny8/shared';
import {
	aiJobs,
	content,
	images,
	sectors,
	sites,
	tasks,
} from '../../db/schema';
import { AppError, conflict, notFound } from '../../lib/errors';
import { canSeeSite } from '../../lib/principal';
import type { Task } from '../../lib/resources';
import { revisionHash } from '../../writer/body';
import { assertContentRoom } from '../../writer/content';
import { imageFileUrl } from '../../writer/image-files';
import { fill, promptFor } from '../prompts';
import { MalformedOutput } from '../providers';
import type { AiFunctionDef } from '../types';
import { guidanceFor, voiceFor } from '../voice';

type Payload = z.infer< typeof schemas.generateContentPayload > & {
	/** Set at creation: where the task was before it was claimed (a cancelled job puts it back). */
	previous_status?: string;
	/** Set by the route: the Worker's public origin, for the images' stable addresses. */
	origin?: string;
};
interface State {
	accountId: number;
	siteId: number;
	sectorId: number;
	taskId: number;
	taskTitle: string;
	origin: string;
}
interface Parsed {
	article: Article;
	source: string;
	issues: ArticleIssue[];
}

/** Words an article gets when its task names no target length. */
export const DEFAULT_TARGET_LENGTH = 1200;
/** In-article images one article may place (generate_image_prompts asks for at most as many). */
export const MAX_IN_ARTICLE_IMAGES = 6;
const KEYWORDS_FROM_CLUSTER = 25;
const TASK_STATUSES = [ 'queued', 'review', 'completed', 'failed' ];

/** Elements that are never an article's text: removed from a raw answer (with their contents) before it is read. */
const UNSAFE_ELEMENTS =
	/<(script|style|template|iframe|object|embed|noscript)\b[\s\S]*?<\/\1\s*>/gi;
const UNSAFE_TAGS =
	/<\/?(?:script|style|template|iframe|object|embed|noscript)\b[^>]*>/gi;

/** Plain text for a title or meta field: a model's stray markup goes. */
const plain = ( text: string, max: number ) => clip( htmlToText( text ), max );

const beingGenerated = () =>
	conflict( 'This task is being generated; wait until it finishes', {
		task_id: [ 'generating' ],
	} );

/** A task's outline as prompt lines: H2 sections as "- ", H3/H4 indented under them, notes after a colon. */
function outlineLines( task: Task, ideaOutline: string | null ): string {
	const sections = task.contentStructure?.sections;
	if ( sections?.length )
		return sections
			.map(
				( s ) =>
					`${ '  '.repeat( ( s.level ?? 2 ) - 2 ) }- ${ s.heading }${ s.notes ? `: ${ s.notes }` : '' }`
			)
			.join( '\n' );
	if ( ideaOutline?.trim() ) return ideaOutline.trim();
	return '(none given: choose sections that answer the search intent)';
}

/**
 * The article's image sections numbered img-1… in reading order (at most MAX_IN_ARTICLE_IMAGES; the rest are
 * dropped), each with a new image ref whose stable address its core/image block points at.
 */
export function placeImages( sections: readonly Section[], origin: string ) {
	const rows: {
		ref: string;
		position: number;
		prompt: string;
		alt: string;
		caption: string | null;
	}[] = [];
	const placed: Record< string, PlacedImage > = {};
	const numbered = sections.flatMap( ( s ): Section[] => {
		if ( s.type !== 'image' ) return [ s ];
		if ( rows.length >= MAX_IN_ARTICLE_IMAGES ) return [];
		const position = rows.length + 1;
		const ref = crypto.randomUUID();
		rows.push( {
			ref,
			position,
			prompt: s.prompt,
			alt: s.alt,
			caption: s.caption,
		} );
		placed[ `img-${ position }` ] = { url: imageFileUrl( origin, ref ) };
		return [ { ...s, ref: `img-${ position }` } ];
	} );
	return { sections: numbered, rows, placed };
}

export const generateContentAi: AiFunctionDef< Payload, State, Parsed > = {
	name: 'generate_content',
	operation: 'generate_content',

	async price( db, principal, payload ) {
		const site = await db.query.sites.findFirst( {
			where: eq( sites.id, payload.site_id ),
		} );
		if ( ! site || ! canSeeSite( principal, site ) ) throw notFound();
		const task = await db.query.tasks.findFirst( {
			where: and(
				eq( tasks.id, payload.task_id ),
				eq( tasks.siteId, site.id ),
				eq( tasks.accountId, site.accountId )
			),
		} );
		if ( ! task ) throw notFound( 'No such task on this site' );
		if ( task.status === 'generating' ) throw beingGenerated();
		// Articles being written count against the month's content like written ones.
		const running = await db.get< { n: number } >(
			sql`SELECT count(*) AS n FROM ${ aiJobs } WHERE account_id = ${ site.accountId }
				AND function = 'generate_content' AND state IN ('queued', 'running')`
		);
		await assertContentRoom( db, site.accountId, ( running?.n ?? 0 ) + 1 );
		return {
			units: 1,
			siteId: site.id,
			payload: { previous_status: task.status },
			claim: ( covered ) =>
				sql`UPDATE ${ tasks } SET status = 'generating', error = NULL,
            updated_at = strftime('%Y-%m-%dT%H:%M:%fZ','now')
          WHERE id = ${ task.id } AND status <> 'generating' AND ${ covered }`,
			claimConflict: beingGenerated,
		};
	},

	async prepare( _env, db, job, payload ) {
		const task = await db.query.tasks.findFirst( {
			where: and(
				eq( tasks.id, payload.task_id ),
				eq( tasks.siteId, payload.site_id )
			),
		} );
		if ( ! task )
			throw new AppError(
				'not_found',
				'The task of this job no longer exists'
			);
		if ( typeof payload.origin !== 'string' || ! payload.origin )
			throw new AppError(
				'unprocessable',
				'The job does not know the address of its images; start it again'
			);
		const site = await db.query.sites.findFirst( {
			where: eq( sites.id, task.siteId ),
		} );
		const sector = await db.query.sectors.findFirst( {
			where: eq( sectors.id, task.sectorId ),
		} );
		const related = task.clusterId
			? await db.all< { keyword: string } >(
					sql`SELECT k.keyword FROM keyword_clusters kc JOIN keywords k ON k.id = kc.keyword_id
            WHERE kc.cluster_id = ${ task.clusterId }
            ORDER BY coalesce(k.volume, 0) DESC, k.id LIMIT ${ KEYWORDS_FROM_CLUSTER }`
				)
			: [];
		const idea = task.ideaId
			? await db.get< { description: string | null } >(
					sql`SELECT description FROM ideas WHERE id = ${ task.ideaId }`
				)
			: null;
		const voice = await voiceFor( db, task.accountId, {
			profileId: task.authorProfileId,
			sectorId: task.sectorId,
		} );
		const template = await promptFor(
			db,
			job.accountId,
			'generate_content'
		);
		const prompt = fill( template, {
			site: site?.name ?? '',
			sector: sector?.name ?? '',
			title: task.title,
			content_type: task.contentType.replace( /_/g, ' ' ),
			language: voice.language,
			author: voice.author,
			tone: voice.tone,
			style: voice.style,
			persona: voice.persona
				? `About the author: ${ voice.persona }`
				: '',
			target_length: task.targetLength ?? DEFAULT_TARGET_LENGTH,
			keywords: task.targetKeywords.join( ', ' ) || task.title,
			cluster_keywords:
				related
					.map( ( k ) => k.keyword )
					.filter( ( k ) => ! task.targetKeywords.includes( k ) )
					.join( ', ' ) || '(none)',
			brief: task.brief?.trim() || '(none)',
			outline: outlineLines( task, idea?.description ?? null ),
			guidance: await guidanceFor( db, task.sectorId ),
			images: Math.min( 3, MAX_IN_ARTICLE_IMAGES ),
		} );
		return {
			system:
				'You are an expert web writer. Write original, accurate, useful text that follows the outline ' +
				'and the brief. Answer only with the JSON article asked for.',
			batches: [
				{
					prompt,
					refs: { task_id: task.id },
					responseFormat: articleResponseFormat(),
				},
			],
			state: {
				accountId: task.accountId,
				siteId: task.siteId,
				sectorId: task.sectorId,
				taskId: task.id,
				taskTitle: task.title,
				origin: payload.origin,
			},
		};
	},

	parse( raw, _batch, state ) {
		const text =
			typeof raw === 'string'
				? raw
						.replace( UNSAFE_ELEMENTS, ' ' )
						.replace( UNSAFE_TAGS, ' ' )
				: raw;
		const read = parseArticle( text, { fallbackTitle: state.taskTitle } );
		const unusable = ( why: string ) =>
			new MalformedOutput(
				`The model's answer holds no usable article (${ why }); nothing was saved`
			);
		if ( ! read.ok )
			throw unusable(
				read.issues
					.slice( 0, 3 )
					.map( ( i ) => `${ i.path || 'answer' }: ${ i.message }` )
					.join( '; ' )
			);
		// Markup with no words in it (what is left of an answer made of tags) is not an article either.
		const words = textWordCount(
			htmlToText( read.article.sections.map( sectionText ).join( '\n' ) )
		);
		if ( words === 0 ) throw unusable( 'no readable text' );
		const a = read.article;
		const title = plain( a.title, ARTICLE_LIMITS.title ) || state.taskTitle;
		return {
			article: {
				...a,
				title,
				meta_title:
					plain( a.meta_title, ARTICLE_LIMITS.metaTitle ) ||
					clip( title, ARTICLE_LIMITS.metaTitle ),
				meta_description: plain(
					a.meta_description,
					ARTICLE_LIMITS.metaDescription
				),
			},
			source: read.source,
			issues: read.issues,
		};
	},

	async save( _db, _job, parsed, state, guard: SQL ) {
		const { article, source, issues } = parsed[ 0 ]!;
		const placed = placeImages( article.sections, state.origin );
		const body = sectionsToBlocks( placed.sections, placed.placed );
		const words = wordCount( body );
		// Never stored: markup that is not valid blocks, or an article without text.
		const problems = validateBlockMarkup( body ).problems;
		if ( problems.length )
			throw new AppError(
				'unprocessable',
				`The article did not make valid block markup (${ problems
					.slice( 0, 3 )
					.map( ( p ) => `${ p.block ?? 'content' }: ${ p.message }` )
					.join( '; ' ) }); nothing was saved`
			);
		if ( words === 0 )
			throw new AppError(
				'unprocessable',
				'The article has no readable text; nothing was saved'
			);
		if ( body.length > WRITER_LIMITS.bodyLength )
			throw new AppError(
				'unprocessable',
				`The article is longer than ${ WRITER_LIMITS.bodyLength } characters of markup; nothing was saved`
			);
		const rows = JSON.stringify(
			placed.rows.map( ( r ) => [
				r.ref,
				r.position,
				r.prompt,
				r.alt,
				r.caption,
			] )
		);
		// Inside the transaction the newest content of this task is the row just inserted.
		const contentId = sql`(SELECT max(id) FROM ${ content }
      WHERE account_id = ${ state.accountId } AND task_id = ${ state.taskId })`;
		return {
			statements: [
				sql`INSERT INTO ${ content } (account_id, site_id, sector_id, task_id, title, meta_title,
            meta_description, body, word_count, status, source, revision_hash)
          SELECT ${ state.accountId }, ${ state.siteId }, ${ state.sectorId }, ${ state.taskId },
            ${ article.title }, ${ article.meta_title }, ${ article.meta_description }, ${ body }, ${ words },
            'review', 'igny8', ${ await revisionHash( body ) }
          WHERE ${ guard }`,
				sql`INSERT INTO ${ images } (account_id, site_id, sector_id, content_id, ref, kind, position,
            prompt, alt, caption, status)
          SELECT ${ state.accountId }, ${ state.siteId }, ${ state.sectorId }, ${ contentId },
            json_extract(value, '$[0]'), 'in_article', json_extract(value, '$[1]'),
            json_extract(value, '$[2]'), json_extract(value, '$[3]'), json_extract(value, '$[4]'), 'pending'
          FROM json_each(${ rows }) WHERE ${ guard }`,
				sql`UPDATE ${ tasks } SET status = 'review', error = NULL,
            updated_at = strftime('%Y-%m-%dT%H:%M:%fZ','now')
          WHERE id = ${ state.taskId } AND status = 'generating' AND ${ guard }`,
			],
			produced: 1,
			result: null,
			resultSql: sql`json_object('content_id', ${ contentId }, 'task_id', ${ state.taskId },
        'title', ${ article.title }, 'word_count', ${ words }, 'images', ${ placed.rows.length },
        'source', ${ source }, 'repairs', ${ issues.length })`,
		};
	},

	ended( job, state, why, guard ) {
		const payload = job.payload as Payload;
		const previous = TASK_STATUSES.includes( payload.previous_status ?? '' )
			? payload.previous_status!
			: 'queued';
		// Cancelled: back where it was. Failed: `failed` with the reason, unless an article of it exists
		// already (regenerating), which keeps its status and shows the reason.
		const next =
			state === 'cancelled' ||
			previous === 'review' ||
			previous === 'completed'
				? previous
				: 'failed';
		return [
			sql`UPDATE ${ tasks } SET status = ${ next }, error = ${ state === 'failed' ? why : null },
          updated_at = strftime('%Y-%m-%dT%H:%M:%fZ','now')
        WHERE id = ${ payload.task_id } AND status = 'generating' AND ${ guard }`,
		];
	},
};
