// Default prompts per AI function, with named {placeholders}; an account may override each (ai_prompts).
import { and, eq } from 'drizzle-orm';
import type { AiFunction } from '@igny8/shared';
import type { Db } from '../db';
import { aiPrompts } from '../db/schema';

// A backslash at the end of a line continues that line: the prompts' own line breaks are the others.
export const DEFAULT_PROMPTS: Record< AiFunction, string > = {
	auto_cluster: `You organise SEO keywords of the sector "{sector}" of the site "{site}" into topic clusters, \
one cluster per search intent that one page can rank for.
Below are candidate clusters (ids starting with c, already grouped by an algorithm, with their keywords) \
and loose keywords (ids starting with k).
Return JSON: {"clusters": [{"name": "...", "description": "...", "members": ["c1", "k7", ...]}]}
Rules: give every cluster a short, natural name in {language}; \
merge candidate clusters that target the same intent by listing them in one cluster's members; \
place a loose keyword into the cluster it belongs to, or group loose keywords into a new cluster of at least two; \
use every id at most once; leave out ids that fit nowhere.
{guidance}

{items}`,
	generate_ideas: `You plan content for the site "{site}", sector "{sector}". \
For each keyword cluster below, propose {ideas_per_cluster} distinct article ideas \
that together cover the cluster's search intents without cannibalising each other.
Write in {language}, tone: {tone}. Style: {style}
{guidance}
Return JSON: {"ideas": [{"cluster": "c1", "title": "...", \
"description": "an outline: H2 sections as lines starting with - ", "target_keywords": ["..."], \
"content_type": "post|page|guide|listicle|comparison|review|how_to"}]}

{clusters}`,
};

export const PLACEHOLDERS: Record< AiFunction, string[] > = {
	auto_cluster: [ 'site', 'sector', 'language', 'guidance', 'items' ],
	generate_ideas: [
		'site',
		'sector',
		'ideas_per_cluster',
		'language',
		'tone',
		'style',
		'guidance',
		'clusters',
	],
};

export async function promptFor(
	db: Db,
	accountId: number,
	fn: AiFunction
): Promise< string > {
	const row = await db.query.aiPrompts.findFirst( {
		where: and(
			eq( aiPrompts.accountId, accountId ),
			eq( aiPrompts.function, fn )
		),
	} );
	return row?.prompt ?? DEFAULT_PROMPTS[ fn ];
}

/** Fills {name} placeholders; unknown ones stay as written so a typo is visible in the job's steps. */
export function fill(
	template: string,
	values: Record< string, string | number >
): string {
	return template.replace( /\{(\w+)\}/g, ( whole, name: string ) =>
		name in values ? String( values[ name ] ) : whole
	);
}
