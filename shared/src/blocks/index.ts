// The Writer's bodies (issue 10; ARCHITECTURE §5): what a model writes becomes WordPress 6.5 core block markup,
// and markup is checked before it is saved or sent. Pure: runs in the browser and the Worker alike.
export {
	ARTICLE_LIMITS,
	articleSchema,
	sectionSchema,
	articleJsonSchema,
	articleResponseFormat,
	toStrictJsonSchema,
	postSlug,
} from './article';
export type {
	Article,
	Section,
	SectionType,
	HeadingSection,
	ParagraphSection,
	ListSection,
	QuoteSection,
	TableSection,
	ImageSection,
	FaqSection,
} from './article';
export { parseArticle, clip } from './parse';
export type { ArticleParse, ArticleIssue, ParseArticleOptions } from './parse';
export { sectionsToBlocks, sectionBlocks, sectionText } from './serialize';
export type { PlacedImage, ImageMap } from './serialize';
export { inlineToHtml, inlineToText, parseInline, safeUrl } from './inline';
export type { InlineNode } from './inline';
export { markdownToArticle, markdownToSections } from './markdown';
export type { MarkdownArticle } from './markdown';
export {
	htmlToArticle,
	htmlToSections,
	htmlToMarkdown,
	looksLikeHtml,
} from './html';
export { validateBlockMarkup, parseBlocks, EMITTED_BLOCKS } from './validate';
export type { BlockProblem, BlockValidation, ParsedBlock } from './validate';
export { wordCount, textWordCount, markupText, htmlToText } from './text';
export {
	publishImages,
	attachmentImageBlock,
	stableImageRef,
	STABLE_IMAGE_PATH,
} from './publish-images';
export type { AttachmentImage, ImageRewrite } from './publish-images';
