// Sections → core block markup, byte for byte what WordPress 6.5's block editor saves for the same blocks
// (save() of core/heading, paragraph, list, list-item, quote, table and image in the block library 6.5 ships),
// so that the editor opens it with no "unexpected or invalid content" and a save changes nothing.
import type { Section } from './article';
import { attributeSafe, commentDelimited, escapeAttribute } from './escape';
import { inlineNodesToHtml, parseInline, plainText, safeUrl } from './inline';

/** An image the Writer has for a placeholder: where it is (a WordPress media URL once uploaded) and its texts. */
export interface PlacedImage {
	url: string;
	/** Overrides the alt text the model wrote (the Images page lets it be edited). */
	alt?: string | null;
	/** Overrides the model's caption; an empty string removes it. */
	caption?: string | null;
	/** The WordPress attachment id, once the image is in the media library. */
	id?: number | null;
}

export type ImageMap =
	| ReadonlyMap< string, PlacedImage >
	| Readonly< Record< string, PlacedImage | undefined > >;

/** Rich text for a block: inline markup made safe, or '' when nothing readable is left. */
function rich( source: string ): string {
	const nodes = parseInline( source );
	return plainText( nodes ).trim() ? inlineNodesToHtml( nodes ) : '';
}

/** A model's paragraph may hold several: blank lines split them. */
function paragraphs( source: string ): string[] {
	return source
		.split( /\n[ \t\r\f]*\n/ )
		.map( rich )
		.filter( ( html ) => html !== '' );
}

export function headingBlock( level: number, html: string ): string {
	return commentDelimited(
		'core/heading',
		level === 2 ? null : { level },
		`<h${ level } class="wp-block-heading">${ html }</h${ level }>`
	);
}

export function paragraphBlock( html: string ): string {
	return commentDelimited( 'core/paragraph', null, `<p>${ html }</p>` );
}

export function listBlock( ordered: boolean, itemsHtml: string[] ): string {
	const tag = ordered ? 'ol' : 'ul';
	const items = itemsHtml
		.map( ( html ) =>
			commentDelimited( 'core/list-item', null, `<li>${ html }</li>` )
		)
		.join( '\n\n' );
	return commentDelimited(
		'core/list',
		ordered ? { ordered: true } : null,
		`<${ tag }>${ items }</${ tag }>`
	);
}

export function quoteBlock(
	paragraphsHtml: string[],
	citationHtml: string
): string {
	const inner = paragraphsHtml.map( paragraphBlock ).join( '\n\n' );
	const cite = citationHtml ? `<cite>${ citationHtml }</cite>` : '';
	return commentDelimited(
		'core/quote',
		null,
		`<blockquote class="wp-block-quote">${ inner }${ cite }</blockquote>`
	);
}

export function tableBlock( headHtml: string[], rowsHtml: string[][] ): string {
	const row = ( cells: string[], tag: 'th' | 'td' ) =>
		`<tr>${ cells.map( ( c ) => `<${ tag }>${ c }</${ tag }>` ).join( '' ) }</tr>`;
	const head = headHtml.length
		? `<thead>${ row( headHtml, 'th' ) }</thead>`
		: '';
	const body = rowsHtml.length
		? `<tbody>${ rowsHtml.map( ( r ) => row( r, 'td' ) ).join( '' ) }</tbody>`
		: '';
	return commentDelimited(
		'core/table',
		null,
		`<figure class="wp-block-table"><table>${ head }${ body }</table></figure>`
	);
}

export function imageBlock( image: {
	url: string;
	alt: string;
	captionHtml: string;
	id: number | null;
} ): string {
	const cls = image.id ? ` class="wp-image-${ image.id }"` : '';
	const caption = image.captionHtml
		? `<figcaption class="wp-element-caption">${ image.captionHtml }</figcaption>`
		: '';
	return commentDelimited(
		'core/image',
		image.id ? { id: image.id } : null,
		`<figure class="wp-block-image"><img src="${ escapeAttribute( image.url ) }" alt="${ escapeAttribute(
			image.alt
		) }"${ cls }/>${ caption }</figure>`
	);
}

function lookup(
	images: ImageMap | undefined,
	ref: string
): PlacedImage | undefined {
	if ( ! images ) return undefined;
	if ( images instanceof Map )
		return ( images as ReadonlyMap< string, PlacedImage > ).get( ref );
	const record = images as Readonly<
		Record< string, PlacedImage | undefined >
	>;
	return Object.hasOwn( record, ref ) ? record[ ref ] : undefined;
}

/** The blocks of one section (none when nothing readable is left, or an image that does not exist yet). */
export function sectionBlocks( section: Section, images?: ImageMap ): string[] {
	switch ( section.type ) {
		case 'heading': {
			const html = rich( section.text );
			return html ? [ headingBlock( section.level, html ) ] : [];
		}
		case 'paragraph':
			return paragraphs( section.text ).map( paragraphBlock );
		case 'list': {
			const items = section.items
				.map( rich )
				.filter( ( html ) => html !== '' );
			return items.length ? [ listBlock( section.ordered, items ) ] : [];
		}
		case 'quote': {
			const inner = paragraphs( section.text );
			return inner.length
				? [
						quoteBlock(
							inner,
							section.citation ? rich( section.citation ) : ''
						),
					]
				: [];
		}
		case 'table': {
			const head = section.header.map( rich );
			const rows = section.rows
				.map( ( r ) => r.map( rich ) )
				.filter( ( r ) => r.some( ( c ) => c !== '' ) );
			const hasHead = head.some( ( c ) => c !== '' );
			if ( ! hasHead && ! rows.length ) return [];
			// A rectangular table: the editor's column tools assume one.
			const columns = Math.max(
				hasHead ? head.length : 0,
				...rows.map( ( r ) => r.length )
			);
			const pad = ( r: string[] ) => [
				...r,
				...Array< string >( columns - r.length ).fill( '' ),
			];
			return [
				tableBlock( hasHead ? pad( head ) : [], rows.map( pad ) ),
			];
		}
		case 'image': {
			const placed = lookup( images, section.ref );
			const url = placed ? safeUrl( placed.url ) : null;
			if ( ! placed || ! url ) return [];
			const id =
				typeof placed.id === 'number' &&
				Number.isSafeInteger( placed.id ) &&
				placed.id > 0
					? placed.id
					: null;
			const caption =
				placed.caption !== undefined && placed.caption !== null
					? placed.caption
					: ( section.caption ?? '' );
			return [
				imageBlock( {
					url,
					alt: attributeSafe( placed.alt ?? section.alt ),
					captionHtml: rich( caption ),
					id,
				} ),
			];
		}
		case 'faq':
			return section.items.flatMap( ( item ) => {
				const question = rich( item.question );
				const answers = paragraphs( item.answer );
				if ( ! question || ! answers.length ) return [];
				return [
					headingBlock( 3, question ),
					...answers.map( paragraphBlock ),
				];
			} );
	}
}

/**
 * The body of a post as core block markup. Image placeholders become core/image blocks only for the refs in
 * `images` with a usable URL; the others are left out, never an empty image block.
 */
export function sectionsToBlocks(
	sections: readonly Section[],
	images?: ImageMap
): string {
	return sections
		.flatMap( ( s ) => sectionBlocks( s, images ) )
		.join( '\n\n' );
}

/** Plain text of a section's visible words, in order (for excerpts and meta descriptions). */
export function sectionText( section: Section ): string {
	const t = ( s: string ) => plainText( parseInline( s ) );
	switch ( section.type ) {
		case 'heading':
		case 'paragraph':
			return t( section.text );
		case 'list':
			return section.items.map( t ).join( ' ' );
		case 'quote':
			return t( section.text );
		case 'table':
			return [ section.header, ...section.rows ]
				.flat()
				.map( t )
				.join( ' ' );
		case 'image':
			return '';
		case 'faq':
			return section.items
				.map( ( i ) => `${ t( i.question ) } ${ t( i.answer ) }` )
				.join( ' ' );
	}
}
