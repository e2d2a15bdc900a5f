// A failed request as an error notice: the message, then each field's messages, then the request id.
import { Notice } from '@wordpress/components';
import { __, sprintf } from '@wordpress/i18n';
import type { ErrorInfo } from '../../api/errors';

interface Props {
	error: ErrorInfo | null;
	onRemove?: () => void;
	/** e.g. a Retry button. */
	actions?: Array< { label: string; onClick: () => void } >;
	/** Field names as the user knows them (`{ keyword: 'Keyword' }`); others show as sent. */
	fieldLabels?: Readonly< Record< string, string > >;
}

export default function ErrorNotice( {
	error,
	onRemove,
	actions,
	fieldLabels = {},
}: Props ) {
	if ( ! error ) {
		return null;
	}
	const fields = Object.entries( error.fieldErrors ).filter(
		( [ , messages ] ) => messages.length > 0
	);
	return (
		<Notice
			status="error"
			isDismissible={ Boolean( onRemove ) }
			onRemove={ onRemove }
			actions={ actions }
		>
			<p style={ { margin: 0 } }>{ error.message }</p>
			{ fields.length > 0 && (
				<ul
					style={ {
						margin: '4px 0 0',
						listStyle: 'disc',
						paddingInlineStart: 20,
					} }
				>
					{ fields.map( ( [ field, messages ] ) => (
						<li key={ field }>
							<strong>{ fieldLabels[ field ] ?? field }</strong>:{ ' ' }
							{ messages.join( '; ' ) }
						</li>
					) ) }
				</ul>
			) }
			{ error.requestId && (
				<p className="description" style={ { margin: '4px 0 0' } }>
					{ sprintf(
						/* translators: %s: an id to quote to support */
						__( 'Request id: %s', 'igny8' ),
						error.requestId
					) }
				</p>
			) }
		</Notice>
	);
}
