// Changes to the sector's keywords: add, bulk delete and status, CSV import and export, auto-cluster.
import { __, sprintf } from '@wordpress/i18n';
import { plannerApi as api, type KeywordCreate } from '../../../api/planner';
import {
	failOperation,
	importProgress,
	receiveAutoCluster,
	receiveImport,
	setSelection,
	startOperation,
} from '../actions';
import { CSV_MAX_BYTES } from '../constants';
import { exportParams } from '../query';
import type { KeywordStatus } from '../types';
import { chunks, run, type Thunk } from './base';
import { refresh } from './lists';

/**
 * Resolves to whether the keyword was added.
 *
 * @param fields The keyword's fields.
 */
export const createKeyword =
	( fields: KeywordCreate ): Thunk< Promise< boolean > > =>
	async ( { dispatch, select } ) => {
		const at = select.getPlacement();
		if ( ! at ) {
			return false;
		}
		const keyword = await run( dispatch, 'createKeyword', () =>
			api.createKeyword( at, fields )
		);
		if ( ! keyword ) {
			return false;
		}
		await dispatch( refresh() );
		return true;
	};

export const bulkDeleteKeywords =
	( ids: number[] ): Thunk< Promise< number | null > > =>
	async ( { dispatch, select } ) => {
		const siteId = select.getSiteId();
		if ( siteId === null || ! ids.length ) {
			return null;
		}
		const deleted = await run( dispatch, 'bulkDelete', async () => {
			let total = 0;
			for ( const part of chunks( ids ) ) {
				total += ( await api.bulkDeleteKeywords( siteId, part ) )
					.deleted;
			}
			return total;
		} );
		if ( deleted !== undefined ) {
			dispatch( setSelection( 'keywords', [] ) );
		}
		await dispatch( refresh() );
		return deleted ?? null;
	};

export const bulkUpdateKeywords =
	(
		ids: number[],
		status: KeywordStatus
	): Thunk< Promise< number | null > > =>
	async ( { dispatch, select } ) => {
		const siteId = select.getSiteId();
		if ( siteId === null || ! ids.length ) {
			return null;
		}
		const updated = await run( dispatch, 'bulkUpdate', async () => {
			let total = 0;
			for ( const part of chunks( ids ) ) {
				total += (
					await api.bulkUpdateKeywords( siteId, part, status )
				).updated;
			}
			return total;
		} );
		if ( updated !== undefined ) {
			dispatch( setSelection( 'keywords', [] ) );
		}
		await dispatch( refresh() );
		return updated ?? null;
	};

/**
 * Uploads a CSV file as it is (the cloud parses it), reporting progress; resolves to the report.
 *
 * @param file The CSV file.
 */
export const importCsv =
	( file: Blob ): Thunk< Promise< boolean > > =>
	async ( { dispatch, select } ) => {
		const at = select.getPlacement();
		if ( ! at ) {
			return false;
		}
		if ( file.size > CSV_MAX_BYTES ) {
			dispatch( startOperation( 'import' ) );
			dispatch(
				failOperation( 'import', {
					status: 413,
					code: 'payload_too_large',
					message: sprintf(
						/* translators: %d: the largest file size in megabytes */
						__(
							'This file is too large: a CSV file can be at most %d MB. Split it into smaller files.',
							'igny8'
						),
						CSV_MAX_BYTES / 1024 / 1024
					),
					fieldErrors: {},
				} )
			);
			return false;
		}
		const result = await run( dispatch, 'import', () =>
			api.importCsv( at, file, ( loaded, total ) =>
				dispatch( importProgress( loaded, total ) )
			)
		);
		if ( ! result ) {
			return false;
		}
		dispatch( receiveImport( result ) );
		await dispatch( refresh() );
		return true;
	};

/** Every keyword matching the current filters, as the cloud's CSV file. */
export const exportCsv =
	(): Thunk< Promise< Blob | null > > =>
	async ( { dispatch, select } ) => {
		const at = select.getPlacement();
		if ( ! at ) {
			return null;
		}
		const params = exportParams( select.getListQuery( 'keywords' ), at );
		return (
			( await run( dispatch, 'export', () =>
				api.exportCsv( params )
			) ) ?? null
		);
	};

/**
 * Groups the sector's unclustered keywords (or only `keywordIds`) into clusters, without AI.
 *
 * @param keywordIds Only these keywords, if given.
 */
export const autoCluster =
	( keywordIds?: number[] ): Thunk< Promise< void > > =>
	async ( { dispatch, select } ) => {
		const at = select.getPlacement();
		if ( ! at ) {
			return;
		}
		const result = await run( dispatch, 'autoCluster', () =>
			api.autoCluster( at, keywordIds )
		);
		if ( result ) {
			dispatch( receiveAutoCluster( result ) );
			await dispatch( refresh() );
		}
	};
