// Every value of the publishing contract reads as words, each differently; one the cloud adds later shows
// as sent.
import * as shared from '@igny8/shared';
import { describe, expect, it } from 'vitest';
import {
	actionLabel,
	anyRecordStatus,
	anySyncState,
	anyWpStatus,
	recordStatusLabel,
	siteSyncStateLabel,
	syncStateLabel,
	wpStatusLabel,
} from '../labels';

const distinct = ( labels: string[] ) =>
	new Set( labels ).size === labels.length &&
	labels.every( ( label ) => label.length > 0 );

describe( 'publishing labels', () => {
	it( 'name every sync state, record status, action, post status and sync state', () => {
		expect(
			distinct( shared.CONTENT_SYNC_STATES.map( syncStateLabel ) )
		).toBe( true );
		expect(
			distinct(
				shared.PUBLISHING_RECORD_STATUSES.map( recordStatusLabel )
			)
		).toBe( true );
		expect(
			distinct( shared.schemas.PUBLISHING_ACTIONS.map( actionLabel ) )
		).toBe( true );
		expect( distinct( shared.WP_POST_STATUSES.map( wpStatusLabel ) ) ).toBe(
			true
		);
		expect(
			distinct( shared.SITE_SYNC_STATES.map( siteSyncStateLabel ) )
		).toBe( true );
	} );

	it( 'say where the post stands in WordPress in the user’s words', () => {
		expect( wpStatusLabel( 'draft' ) ).toBe( 'Draft in WordPress' );
		expect( wpStatusLabel( 'trash' ) ).toBe( 'In the trash' );
		expect( syncStateLabel( 'pending' ) ).toBe( 'Publishing…' );
		expect( syncStateLabel( 'conflict' ) ).toBe( 'Conflict' );
	} );

	it( 'show an unknown value as it was sent', () => {
		expect( anySyncState( 'archived' ) ).toBe( 'archived' );
		expect( anyRecordStatus( 'paused' ) ).toBe( 'paused' );
		expect( anyWpStatus( 'inherit' ) ).toBe( 'inherit' );
		expect( anyWpStatus( 'publish' ) ).toBe( 'Published in WordPress' );
	} );
} );
