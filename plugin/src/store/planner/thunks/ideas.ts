// Changes to ideas: create or edit, approve, and writer tasks made from them.
import { plannerApi as api, type IdeaCreate } from '../../../api/planner';
import {
	receiveCreatedIdea,
	receiveCreatedTasks,
	receiveIdea,
	setSelection,
} from '../actions';
import type { Idea } from '../types';
import { run, type Thunk } from './base';
import { refresh } from './lists';

/**
 * Creates an idea (no `ideaId`) or changes one; resolves to the saved idea.
 *
 * @param ideaId The idea, or null for a new one.
 * @param fields The idea's fields.
 */
export const saveIdea =
	(
		ideaId: number | null,
		fields: IdeaCreate
	): Thunk< Promise< Idea | null > > =>
	async ( { dispatch, select } ) => {
		const at = select.getPlacement();
		if ( ! at ) {
			return null;
		}
		const idea = await run( dispatch, 'saveIdea', () =>
			ideaId === null
				? api.createIdea( at, fields )
				: api.updateIdea( ideaId, fields )
		);
		if ( ! idea ) {
			return null;
		}
		if ( ideaId === null ) {
			dispatch( receiveCreatedIdea( idea ) );
			await dispatch( refresh() );
		} else {
			dispatch( receiveIdea( idea ) );
		}
		return idea;
	};

/**
 * Sets each idea to approved, a few requests at a time; resolves to how many were approved.
 *
 * @param ideaIds The ideas.
 */
export const approveIdeas =
	( ideaIds: number[] ): Thunk< Promise< number > > =>
	async ( { dispatch } ) => {
		const queue = [ ...ideaIds ];
		let approved = 0;
		await run( dispatch, 'approveIdeas', async () => {
			const worker = async () => {
				for (
					let id = queue.shift();
					id !== undefined;
					id = queue.shift()
				) {
					dispatch(
						receiveIdea(
							await api.updateIdea( id, { status: 'approved' } )
						)
					);
					approved++;
				}
			};
			await Promise.all( [ worker(), worker(), worker() ] );
		} );
		if ( approved ) {
			dispatch( setSelection( 'ideas', [] ) );
			await dispatch( refresh() );
		}
		return approved;
	};

/**
 * Writer tasks from the chosen ideas; the tasks are kept as the last result to show.
 *
 * @param ideaIds The ideas.
 */
export const createTasks =
	( ideaIds: number[] ): Thunk< Promise< boolean > > =>
	async ( { dispatch, select } ) => {
		const siteId = select.getSiteId();
		if ( siteId === null || ! ideaIds.length ) {
			return false;
		}
		const result = await run( dispatch, 'createTasks', () =>
			api.createTasks( siteId, ideaIds )
		);
		if ( ! result ) {
			return false;
		}
		dispatch( receiveCreatedTasks( result ) );
		dispatch( setSelection( 'ideas', [] ) );
		await dispatch( refresh() );
		return true;
	};
