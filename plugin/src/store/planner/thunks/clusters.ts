// Changes to clusters: their keywords, name, description and status, merge and split.
import { plannerApi as api, type ClusterUpdate } from '../../../api/planner';
import { receiveCluster, setSelection } from '../actions';
import type { Cluster } from '../types';
import { run, type Thunk } from './base';
import { refresh } from './lists';

export const addKeywordsToCluster =
	( clusterId: number, keywordIds: number[] ): Thunk< Promise< boolean > > =>
	async ( { dispatch } ) => {
		const cluster = await run( dispatch, 'addToCluster', () =>
			api.addClusterKeywords( clusterId, keywordIds )
		);
		if ( ! cluster ) {
			return false;
		}
		dispatch( setSelection( 'keywords', [] ) );
		dispatch( receiveCluster( cluster ) );
		await dispatch( refresh() );
		return true;
	};

/**
 * Rename, describe, archive or restore; resolves to whether the cloud took the change.
 *
 * @param clusterId The cluster.
 * @param changes   The fields to change.
 */
export const updateCluster =
	(
		clusterId: number,
		changes: ClusterUpdate
	): Thunk< Promise< boolean > > =>
	async ( { dispatch } ) => {
		const cluster = await run( dispatch, 'updateCluster', () =>
			api.updateCluster( clusterId, changes )
		);
		if ( ! cluster ) {
			return false;
		}
		dispatch( receiveCluster( cluster ) );
		if ( changes.status !== undefined ) {
			await dispatch( refresh() );
		}
		return true;
	};

export const removeKeywordsFromCluster =
	( clusterId: number, keywordIds: number[] ): Thunk< Promise< boolean > > =>
	async ( { dispatch } ) => {
		const cluster = await run( dispatch, 'removeFromCluster', () =>
			api.removeClusterKeywords( clusterId, keywordIds )
		);
		if ( ! cluster ) {
			return false;
		}
		dispatch( receiveCluster( cluster ) );
		await dispatch( refresh() );
		return true;
	};

/**
 * Moves the keywords of `otherIds` into `clusterId`; the others are gone afterwards.
 *
 * @param clusterId The cluster that stays.
 * @param otherIds  The clusters merged into it.
 */
export const mergeClusters =
	( clusterId: number, otherIds: number[] ): Thunk< Promise< boolean > > =>
	async ( { dispatch } ) => {
		const cluster = await run( dispatch, 'merge', () =>
			api.mergeClusters( clusterId, otherIds )
		);
		if ( ! cluster ) {
			return false;
		}
		dispatch( receiveCluster( cluster ) );
		await dispatch( refresh() );
		return true;
	};

/**
 * Moves `keywordIds` of the cluster into a new cluster named `name`; resolves to the new cluster.
 *
 * @param clusterId  The cluster.
 * @param keywordIds The keywords that move.
 * @param name       The new cluster's name.
 */
export const splitCluster =
	(
		clusterId: number,
		keywordIds: number[],
		name: string
	): Thunk< Promise< Cluster | null > > =>
	async ( { dispatch } ) => {
		const result = await run( dispatch, 'split', () =>
			api.splitCluster( clusterId, keywordIds, name.trim() )
		);
		if ( ! result ) {
			return null;
		}
		dispatch( receiveCluster( result.source ) );
		await dispatch( refresh() );
		return result.created;
	};
