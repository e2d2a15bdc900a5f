// One AI function's prompt as the account uses it, read only: its text, whether it is the default, and the
// placeholders the cloud fills in.
import { Card, CardBody, CardHeader } from '@wordpress/components';
import { __, sprintf } from '@wordpress/i18n';
import type { Prompt } from '../../../api/system';
import { formatTimestamp } from '../format';
import { functionLabel } from './labels';
import { placeholderToken } from './placeholders';

export default function PromptCard( { prompt }: { prompt: Prompt } ) {
	const id = `igny8-prompt-${ prompt.function }`;
	const changed = prompt.is_default
		? null
		: formatTimestamp( prompt.updated_at );
	return (
		<Card className="igny8-prompt" data-testid={ id }>
			<CardHeader>
				<h2>
					{ functionLabel( prompt.function ) }
					<span
						className={ `igny8-settings-badge${ prompt.is_default ? '' : ' is-ok' }` }
					>
						{ prompt.is_default
							? __( 'Default', 'igny8' )
							: __( 'Customized', 'igny8' ) }
					</span>
				</h2>
			</CardHeader>
			<CardBody>
				<pre
					className="igny8-prompt-text"
					data-testid={ `${ id }-text` }
				>
					{ prompt.prompt }
				</pre>
				{ prompt.placeholders.length > 0 && (
					<div style={ { marginTop: 8 } }>
						<span className="description">
							{ __( 'Placeholders:', 'igny8' ) }{ ' ' }
						</span>
						<ul
							className="igny8-placeholders"
							data-testid={ `${ id }-placeholders` }
						>
							{ prompt.placeholders.map( ( name ) => (
								<li key={ name }>
									<code>{ placeholderToken( name ) }</code>
								</li>
							) ) }
						</ul>
					</div>
				) }
				{ changed && (
					<p className="description">
						{ sprintf(
							/* translators: %s: date and time */
							__( 'Changed %s.', 'igny8' ),
							changed
						) }
					</p>
				) }
			</CardBody>
		</Card>
	);
}
