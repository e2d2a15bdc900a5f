import { __ } from '@wordpress/i18n';

const STYLE = {
	display: 'inline-block',
	padding: '2px 8px',
	borderRadius: '2px',
	background: '#edfaef',
	color: '#005c12',
	fontWeight: 600,
} as const;

export default function ConnectedBadge() {
	return (
		<span className="igny8-badge is-connected" style={ STYLE }>
			{ __( 'Connected', 'igny8' ) }
		</span>
	);
}
