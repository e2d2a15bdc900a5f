// The author voice every prompt is written in: the task's author profile, else the sector strategy's, else
// the account's default profile, else plain defaults. Language and tone reach every AI function from here.
import { sql } from 'drizzle-orm';
import type { Db } from '../db';

export interface Voice {
	/** The profile's name ("the author" without one). */
	author: string;
	language: string;
	tone: string;
	style: string;
	/** The persona the profile describes, or ''. */
	persona: string;
}

export const DEFAULT_VOICE: Voice = {
	author: 'the author',
	language: 'English',
	tone: 'clear and helpful',
	style: 'concrete, skimmable, no filler',
	persona: '',
};

/** The voice of an account's content; `profileId` and `sectorId` narrow it when given. */
export async function voiceFor(
	db: Db,
	accountId: number,
	opts: { profileId?: number | null; sectorId?: number | null } = {}
): Promise< Voice > {
	const row = await db.get< {
		name: string;
		description: string | null;
		tone: string | null;
		language: string | null;
		style: string | null;
	} >( sql`SELECT name, description, tone, language, style FROM author_profiles
		WHERE account_id = ${ accountId }
		ORDER BY (id = ${ opts.profileId ?? 0 }) DESC,
			(id = (SELECT author_profile_id FROM strategies WHERE sector_id = ${ opts.sectorId ?? 0 }
				AND account_id = ${ accountId } AND author_profile_id IS NOT NULL ORDER BY id LIMIT 1)) DESC,
			is_default DESC, id
		LIMIT 1` );
	if ( ! row ) return DEFAULT_VOICE;
	return {
		author: row.name || DEFAULT_VOICE.author,
		language: row.language?.trim() || DEFAULT_VOICE.language,
		tone: row.tone?.trim() || DEFAULT_VOICE.tone,
		style: row.style?.trim() || DEFAULT_VOICE.style,
		persona: row.description?.trim() ?? '',
	};
}

/** The sector's strategy guidance as a prompt line, or ''. */
export async function guidanceFor(
	db: Db,
	sectorId: number
): Promise< string > {
	const strategy = await db.get< { guidance: string } >(
		sql`SELECT guidance FROM strategies WHERE sector_id = ${ sectorId } ORDER BY id LIMIT 1`
	);
	return strategy?.guidance ? `Strategy: ${ strategy.guidance }` : '';
}
