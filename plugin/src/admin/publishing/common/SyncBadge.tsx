// A content's sync state as a badge (Synced, Publishing…, Failed, Conflict); nothing for never published.
import { anySyncState } from './labels';

export default function SyncBadge( { state }: { state: string } ) {
	if ( state === 'none' ) {
		return null;
	}
	return (
		<span
			className={ `igny8-status igny8-sync-badge is-sync-${ state }` }
			data-testid="igny8-sync-badge"
		>
			{ anySyncState( state ) }
		</span>
	);
}
