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
	generate_content: `Write a {content_type} for the site "{site}" (sector "{sector}") titled "{title}".
Write in {language} as {author}, tone: {tone}. Style: {style}
{persona}
Length: about {target_length} words.
Target keywords: {keywords}
Related keywords of its topic: {cluster_keywords}
Brief: {brief}
Outline to follow (H2 sections, H3 for lines indented under them):
{outline}
{guidance}
Place up to {images} in-article images where they help the reader, as image sections (ref img-1, img-2, …) \
with a prompt for the image model, alt text and a caption or null.
Answer with the article as JSON: title, meta_title (at most 60 characters), meta_description (at most 160), \
slug, and sections in reading order (heading, paragraph, list, quote, table, image, faq). \
Start with a paragraph, never the title; no H1; no HTML.`,
	generate_image_prompts: `Plan the images of the article "{title}" on the site "{site}" (sector "{sector}").
Summary: {summary}
Write in {language}; the images should suit a {tone} article. Style: {style}
Give one featured image and {in_article} in-article images; for each, a prompt for an image model \
(a concrete scene; no text, letters or logos in the image), alt text in {language} that describes the image \
for someone who cannot see it, and a short caption in {language} or null.
In-article images go with these parts of the article, in order:
{placements}
Return JSON: {"featured": {"prompt": "...", "alt": "...", "caption": "..."}, \
"in_article": [{"position": 1, "prompt": "...", "alt": "...", "caption": null}]}`,
	generate_images: `{prompt}
An image for the article "{title}" (written in {language}, tone: {tone}). \
Photographic, natural light; no text, letters or watermarks in the image.`,
};

export const PLACEHOLDERS: Record< AiFunction, string[] > = {
	auto_cluster: [ 'site', 'sector', 'language', 'tone', 'guidance', 'items' ],
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
	generate_content: [
		'site',
		'sector',
		'title',
		'content_type',
		'language',
		'author',
		'tone',
		'style',
		'persona',
		'target_length',
		'keywords',
		'cluster_keywords',
		'brief',
		'outline',
		'guidance',
		'images',
	],
	generate_image_prompts: [
		'site',
		'sector',
		'title',
		'summary',
		'language',
		'tone',
		'style',
		'in_article',
		'placements',
	],
	generate_images: [ 'prompt', 'title', 'kind', 'language', 'tone' ],
};

/** Placeholders an account's own prompt must keep: the data of the request goes there. */
export const REQUIRED_PLACEHOLDERS: Record< AiFunction, string[] > = {
	auto_cluster: [ 'items' ],
	generate_ideas: [ 'clusters' ],
	generate_content: [ 'title' ],
	generate_image_prompts: [ 'title' ],
	generate_images: [ 'prompt' ],
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
