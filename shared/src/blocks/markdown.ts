// Markdown → sections, for models without structured output: a line parser for what models write (ATX headings,
// paragraphs, -/*/+/1. lists, > quotes, pipe tables, ![alt](img-1) placeholders). Inline markup stays in the
// text for the inline parser; nothing here trusts the model to write HTML or blocks.
import type { Section } from './article';
import { stripComments } from './escape';

export interface MarkdownArticle {
	/** The first `# ` heading when it comes before any body text: the post's title. */
	title: string | null;
	sections: Section[];
}

const FENCE = /^ {0,3}(`{3,}|~{3,})\s*([\w-]*)\s*$/;
const ATX = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;
const THEMATIC_BREAK = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const QUOTE = /^ {0,3}>[ \t]?(.*)$/;
const LIST_ITEM = /^([ \t]*)([-*+]|\d{1,9}[.)])[ \t]+(.*)$/;
const IMAGE_LINE =
	/^ {0,3}!\[((?:\\.|[^\]\\])*)\]\(\s*<?([^\s)>]*)>?(?:\s+(?:"([^"]*)"|'([^']*)'))?\s*\)\s*$/;
const TABLE_DELIMITER = /^\s*\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?\s*$/;
const CITATION = /^(?:—|–|-{1,2}|~)\s*(.+)$/;
const IMAGE_REF = /^img-[1-9][0-9]{0,2}$/;

/** The cells of a pipe-table row: split on unescaped pipes outside code spans, outer pipes dropped. */
function tableCells( line: string ): string[] {
	const cells: string[] = [];
	let cell = '';
	let code = false;
	for ( let i = 0; i < line.length; i++ ) {
		const c = line[ i ]!;
		if ( c === '\\' && line[ i + 1 ] === '|' ) {
			cell += '|';
			i++;
		} else if ( c === '`' ) {
			code = ! code;
			cell += c;
		} else if ( c === '|' && ! code ) {
			cells.push( cell );
			cell = '';
		} else cell += c;
	}
	cells.push( cell );
	const trimmed = line.trim();
	if ( trimmed.startsWith( '|' ) ) cells.shift();
	if (
		trimmed.endsWith( '|' ) &&
		! trimmed.endsWith( '\\|' ) &&
		cells.length
	)
		cells.pop();
	return cells.map( ( c ) => c.trim() );
}

function isTableStart( lines: string[], i: number ): boolean {
	const line = lines[ i ]!;
	const next = lines[ i + 1 ];
	return (
		line.includes( '|' ) &&
		next !== undefined &&
		next.includes( '-' ) &&
		TABLE_DELIMITER.test( next ) &&
		( next.includes( '|' ) || line.trim().startsWith( '|' ) )
	);
}

/** Unwraps an answer a model put inside one ```markdown fence. */
function unwrap( text: string ): string {
	const m =
		/^\s*(`{3,}|~{3,})[ \t]*(?:markdown|md|text)?[ \t]*\n([\s\S]*?)\n\1[ \t]*\s*$/i.exec(
			text
		);
	return m ? m[ 2 ]! : text;
}

/** Parses a model's Markdown article into a title and sections. */
export function markdownToArticle( markdown: string ): MarkdownArticle {
	const lines = stripComments(
		unwrap( markdown.replace( /\r\n?/g, '\n' ) )
	).split( '\n' );
	const sections: Section[] = [];
	let title: string | null = null;
	let paragraph: string[] = [];
	const usedRefs = new Set< string >();
	const pendingImages: {
		alt: string;
		caption: string | null;
		ref: string | null;
	}[] = [];

	const flush = () => {
		const text = paragraph.join( ' ' ).trim();
		paragraph = [];
		if ( text ) sections.push( { type: 'paragraph', text } );
	};

	let i = 0;
	while ( i < lines.length ) {
		const line = lines[ i ]!;

		if ( ! line.trim() ) {
			flush();
			i++;
			continue;
		}

		const fence = FENCE.exec( line );
		if ( fence ) {
			flush();
			const body: string[] = [];
			i++;
			while (
				i < lines.length &&
				! lines[ i ]!.trim().startsWith( fence[ 1 ]! )
			)
				body.push( lines[ i++ ]! );
			i++;
			const code = body.join( ' ' ).replace( /\s+/g, ' ' ).trim();
			if ( code ) {
				const ticks = '`'.repeat(
					Math.max(
						0,
						...( code.match( /`+/g ) ?? [] ).map(
							( t ) => t.length
						)
					) + 1
				);
				sections.push( {
					type: 'paragraph',
					text: `${ ticks } ${ code } ${ ticks }`,
				} );
			}
			continue;
		}

		const atx = ATX.exec( line );
		if ( atx ) {
			flush();
			const text = ( atx[ 2 ] ?? '' ).trim();
			const hashes = atx[ 1 ]!.length;
			if ( text ) {
				if ( hashes === 1 && title === null && sections.length === 0 )
					title = text;
				else
					sections.push( {
						type: 'heading',
						level: hashes <= 2 ? 2 : hashes === 3 ? 3 : 4,
						text,
					} );
			}
			i++;
			continue;
		}

		if ( THEMATIC_BREAK.test( line ) ) {
			flush();
			i++;
			continue;
		}

		const image = IMAGE_LINE.exec( line );
		if ( image ) {
			flush();
			const ref = image[ 2 ]!;
			pendingImages.push( {
				alt: image[ 1 ]!.replace( /\\(.)/g, '$1' ).trim(),
				caption: ( image[ 3 ] ?? image[ 4 ] ?? '' ).trim() || null,
				ref: IMAGE_REF.test( ref ) ? ref : null,
			} );
			if ( IMAGE_REF.test( ref ) ) usedRefs.add( ref );
			// The section is placed now; its ref is settled once every explicit ref is known.
			sections.push( {
				type: 'image',
				ref: '',
				prompt: '',
				alt: '',
				caption: null,
			} );
			i++;
			continue;
		}

		const quote = QUOTE.exec( line );
		if ( quote ) {
			flush();
			const body: string[] = [];
			while ( i < lines.length ) {
				const q = QUOTE.exec( lines[ i ]! );
				if ( ! q ) break;
				body.push( q[ 1 ]! );
				i++;
			}
			const paras = body
				.join( '\n' )
				.split( /\n\s*\n/ )
				.map( ( p ) => p.replace( /\s*\n\s*/g, ' ' ).trim() )
				.filter( Boolean );
			let citation: string | null = null;
			const last = paras[ paras.length - 1 ];
			const cite =
				last !== undefined && paras.length > 1
					? CITATION.exec( last )
					: null;
			if ( cite ) {
				citation = cite[ 1 ]!.trim();
				paras.pop();
			} else if ( last !== undefined ) {
				// "> words — Author" on the quote's last line.
				const inline = /^(.*\S)\s+(?:—|–|--)\s*([^—–]+)$/.exec( last );
				if ( inline && inline[ 2 ]!.length <= 80 ) {
					paras[ paras.length - 1 ] = inline[ 1 ]!;
					citation = inline[ 2 ]!.trim();
				}
			}
			if ( paras.length )
				sections.push( {
					type: 'quote',
					text: paras.join( '\n\n' ),
					citation,
				} );
			continue;
		}

		if ( isTableStart( lines, i ) ) {
			flush();
			const header = tableCells( line );
			const rows: string[][] = [];
			i += 2;
			while (
				i < lines.length &&
				lines[ i ]!.includes( '|' ) &&
				lines[ i ]!.trim()
			) {
				rows.push( tableCells( lines[ i ]! ) );
				i++;
			}
			const columns = Math.max(
				header.length,
				...rows.map( ( r ) => r.length )
			);
			const pad = ( r: string[] ) => [
				...r,
				...Array< string >( columns - r.length ).fill( '' ),
			];
			const hasHeader = header.some( Boolean );
			// A table is rows first: a lone header row is its only row.
			sections.push(
				rows.length
					? {
							type: 'table',
							header: hasHeader ? pad( header ) : [],
							rows: rows.map( pad ),
						}
					: { type: 'table', header: [], rows: [ header ] }
			);
			continue;
		}

		const item = LIST_ITEM.exec( line );
		// A marker starts a list even right under paragraph text (CommonMark lets only some interrupt a
		// paragraph): a model that writes "- " or "1. " at the start of a line means a list.
		if ( item ) {
			flush();
			const ordered = /\d/.test( item[ 2 ]! );
			const baseIndent = item[ 1 ]!.replace( /\t/g, '    ' ).length;
			const items: string[] = [];
			while ( i < lines.length ) {
				const current = lines[ i ]!;
				const m = LIST_ITEM.exec( current );
				if ( m ) {
					const indent = m[ 1 ]!.replace( /\t/g, '    ' ).length;
					const isOrdered = /\d/.test( m[ 2 ]! );
					// A sibling of the other kind starts a new list; a nested one is flattened into this one.
					if ( indent <= baseIndent && isOrdered !== ordered ) break;
					if ( THEMATIC_BREAK.test( current ) ) break;
					items.push( m[ 3 ]!.trim() );
					i++;
					continue;
				}
				if ( ! current.trim() ) {
					// A blank line ends the list unless another item follows.
					let j = i + 1;
					while ( j < lines.length && ! lines[ j ]!.trim() ) j++;
					const next =
						j < lines.length ? LIST_ITEM.exec( lines[ j ]! ) : null;
					if (
						! next ||
						( /\d/.test( next[ 2 ]! ) !== ordered &&
							next[ 1 ]!.length <= baseIndent )
					)
						break;
					i = j;
					continue;
				}
				// A continuation line of the last item (indented, or lazy), unless it opens another construct.
				if (
					ATX.test( current ) ||
					QUOTE.test( current ) ||
					FENCE.test( current ) ||
					IMAGE_LINE.test( current ) ||
					isTableStart( lines, i )
				)
					break;
				if ( items.length )
					items[ items.length - 1 ] += ' ' + current.trim();
				i++;
			}
			const kept = items.filter( Boolean );
			if ( kept.length )
				sections.push( { type: 'list', ordered, items: kept } );
			continue;
		}

		paragraph.push( line.trim() );
		i++;
	}
	flush();

	// Settle the image refs: an explicit img-N is kept the first time it appears, any other image (a URL, a
	// repeated ref) gets the first img-N not used anywhere. An image without alt text has nothing to go on: dropped.
	let next = 1;
	const freshRef = () => {
		while ( usedRefs.has( `img-${ next }` ) ) next++;
		usedRefs.add( `img-${ next }` );
		return `img-${ next }`;
	};
	const placed = new Set< string >();
	let k = 0;
	const settled = sections.flatMap( ( s ): Section[] => {
		if ( s.type !== 'image' ) return [ s ];
		const img = pendingImages[ k++ ]!;
		const alt = img.alt || img.caption || '';
		if ( ! alt ) return [];
		const ref = img.ref && ! placed.has( img.ref ) ? img.ref : freshRef();
		placed.add( ref );
		return [
			{ type: 'image', ref, prompt: alt, alt, caption: img.caption },
		];
	} );
	return { title, sections: settled };
}

/** The sections of a model's Markdown article (its `# title`, if any, is left out: see markdownToArticle). */
export function markdownToSections( markdown: string ): Section[] {
	return markdownToArticle( markdown ).sections;
}
