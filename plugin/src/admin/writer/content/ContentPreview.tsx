// The body as the post will look: its HTML (block comments gone, images through their signed URLs) in a
// sandboxed frame with plain post styles. The frame runs no script and loads nothing but images.
import { __ } from '@wordpress/i18n';
import { useMemo } from '@wordpress/element';
import type { WriterImage } from '../../../api/writer';
import { escapeHtml, previewHtml } from '../common/markup';

// A stand-in for a theme: readable type, images that fit, and the placeholder for images not made yet.
const POST_STYLES = `
html { background: #fff; }
body { margin: 0; padding: 24px; color: #1e1e1e; font: 17px/1.7 Georgia, "Times New Roman", serif; }
main { max-width: 720px; margin: 0 auto; }
h1, h2, h3, h4 { font-family: -apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, sans-serif; line-height: 1.25; margin: 1.6em 0 0.6em; }
h1 { font-size: 2.1em; margin-top: 0; }
p, ul, ol, blockquote, figure, table { margin: 0 0 1.1em; }
img { max-width: 100%; height: auto; }
figure { margin-left: 0; margin-right: 0; }
figcaption { color: #50575e; font-size: 0.85em; text-align: center; }
blockquote { border-left: 4px solid #1e1e1e; padding-left: 1em; font-style: italic; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid #dcdcde; padding: 6px 10px; text-align: left; }
a { color: #2271b1; }
.igny8-image-placeholder { display: flex; align-items: center; justify-content: center; min-height: 200px;
	background: #f6f7f7; border: 2px dashed #c3c4c7; color: #50575e; font: 14px/1.4 sans-serif; }
`;

interface Props {
	title: string;
	body: string;
	images: readonly WriterImage[];
}

export default function ContentPreview( { title, body, images }: Props ) {
	const placeholder = __( 'Image not generated yet', 'igny8' );
	const document = useMemo(
		() =>
			[
				'<!DOCTYPE html><html><head><meta charset="utf-8">',
				// Belt and braces with the sandbox: no script, no frame, nothing loaded but images.
				`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src https: http: data: blob:; style-src 'unsafe-inline'">`,
				`<style>${ POST_STYLES }</style></head><body><main>`,
				`<h1>${ escapeHtml( title ) }</h1>`,
				previewHtml( body, images, placeholder ),
				'</main></body></html>',
			].join( '' ),
		[ title, body, images, placeholder ]
	);
	return (
		<iframe
			className="igny8-preview-frame"
			title={ __( 'Preview of the post', 'igny8' ) }
			sandbox=""
			srcDoc={ document }
		/>
	);
}
