import { describe, expect, it } from 'vitest';
import {
	clearError,
	dismissResult,
	failOperation,
	finishOperation,
	importProgress,
	listFailed,
	listRequested,
	receiveCluster,
	receiveClusterOptions,
	receiveIdea,
	receiveImport,
	receiveList,
	receiveSectors,
	receiveSummary,
	resetFilters,
	setFilters,
	setOrdering,
	setPage,
	setPageSize,
	setSector,
	setSelection,
	setSite,
	showCluster,
	startOperation,
	toggleSelected,
} from '../actions';
import { MAX_PAGE_SIZE } from '../constants';
import reducer, { INITIAL_STATE } from '../reducer';
import type { PlannerState } from '../types';
import {
	cluster,
	duplicate,
	forbidden,
	idea,
	importReport,
	keyword,
	sectors,
} from './fixtures';

const inSector = ( sectorId = 3 ): PlannerState => {
	let state = reducer( INITIAL_STATE, setSite( 7, false ) );
	state = reducer( state, receiveSectors( sectors ) );
	return reducer( state, setSector( sectorId ) );
};

/** A sector whose keywords list shows keywords 1–3, the first two ticked. */
const withKeywords = (): PlannerState => {
	let state = reducer( inSector(), listRequested( 'keywords', 'k1' ) );
	state = reducer(
		state,
		receiveList(
			'keywords',
			'k1',
			[ keyword( 1 ), keyword( 2 ), keyword( 3 ) ],
			3
		)
	);
	state = reducer( state, toggleSelected( 'keywords', 1 ) );
	return reducer( state, toggleSelected( 'keywords', 2 ) );
};

describe( 'planner reducer', () => {
	it( 'starts with no site, no sector, empty lists and nothing busy', () => {
		expect(
			reducer( undefined, { type: 'CLEAR_ERROR', operation: 'import' } )
		).toEqual( INITIAL_STATE );
		expect( Object.values( INITIAL_STATE.busy ).some( Boolean ) ).toBe(
			false
		);
		expect( INITIAL_STATE.lists.keywords.query ).toEqual( {
			filters: {},
			ordering: null,
			page: 1,
			pageSize: 50,
		} );
	} );

	it( 'shows the cluster detail 200 keywords a page, the most the cloud gives', () => {
		expect( INITIAL_STATE.lists.clusterKeywords.query.pageSize ).toBe(
			MAX_PAGE_SIZE
		);
	} );

	it( 'keeps the site and whether the user may only look', () => {
		const state = reducer( INITIAL_STATE, setSite( 7, true ) );
		expect( state.siteId ).toBe( 7 );
		expect( state.readOnly ).toBe( true );
	} );

	describe( 'queries', () => {
		it( 'merges filters, drops empty ones and goes back to page one', () => {
			let state = reducer( inSector(), setPage( 'keywords', 3 ) );
			state = reducer(
				state,
				setFilters( 'keywords', { status: 'active', search: 'shoes' } )
			);
			state = reducer(
				state,
				setFilters( 'keywords', { search: '', min_volume: 100 } )
			);
			expect( state.lists.keywords.query.filters ).toEqual( {
				status: 'active',
				min_volume: 100,
			} );
			expect( state.lists.keywords.query.page ).toBe( 1 );
		} );

		it( 'keeps "none" as the cluster filter for unclustered keywords', () => {
			const state = reducer(
				inSector(),
				setFilters( 'keywords', { cluster_id: 'none' } )
			);
			expect( state.lists.keywords.query.filters ).toEqual( {
				cluster_id: 'none',
			} );
		} );

		it( 'clears the ticked rows when the query changes', () => {
			expect(
				reducer(
					withKeywords(),
					setFilters( 'keywords', { intent: 'commercial' } )
				).lists.keywords.selected
			).toEqual( [] );
			expect(
				reducer( withKeywords(), setOrdering( 'keywords', '-volume' ) )
					.lists.keywords.selected
			).toEqual( [] );
			expect(
				reducer( withKeywords(), setPage( 'keywords', 2 ) ).lists
					.keywords.selected
			).toEqual( [] );
		} );

		it( 'returns the same state when the ordering or page does not change, so nothing reloads', () => {
			const state = reducer(
				withKeywords(),
				setOrdering( 'keywords', '-volume' )
			);
			expect(
				reducer( state, setOrdering( 'keywords', '-volume' ) )
			).toBe( state );
			expect( reducer( state, setPage( 'keywords', 1 ) ) ).toBe( state );
		} );

		it( 'keeps the page size between 1 and 200', () => {
			expect(
				reducer( inSector(), setPageSize( 'keywords', 500 ) ).lists
					.keywords.query.pageSize
			).toBe( 200 );
			expect(
				reducer( inSector(), setPageSize( 'keywords', 0 ) ).lists
					.keywords.query.pageSize
			).toBe( 50 );
			expect(
				reducer( inSector(), setPage( 'keywords', -4 ) ).lists.keywords
					.query.page
			).toBe( 1 );
		} );

		it( 'resets the filters of one list only', () => {
			let state = reducer(
				inSector(),
				setFilters( 'keywords', { status: 'used' } )
			);
			state = reducer(
				state,
				setFilters( 'ideas', { status: 'approved' } )
			);
			state = reducer( state, resetFilters( 'keywords' ) );
			expect( state.lists.keywords.query.filters ).toEqual( {} );
			expect( state.lists.ideas.query.filters ).toEqual( {
				status: 'approved',
			} );
		} );
	} );

	describe( 'pages of a list', () => {
		it( 'shows the rows and total count of the request it waited for', () => {
			const state = withKeywords();
			expect( state.lists.keywords.items.map( ( k ) => k.id ) ).toEqual( [
				1, 2, 3,
			] );
			expect( state.lists.keywords ).toMatchObject( {
				count: 3,
				loading: false,
				loaded: true,
				requestKey: 'k1',
			} );
		} );

		it( 'drops an answer to a request that a newer one replaced', () => {
			let state = reducer(
				inSector(),
				listRequested( 'keywords', 'old' )
			);
			state = reducer( state, listRequested( 'keywords', 'new' ) );
			state = reducer(
				state,
				receiveList( 'keywords', 'old', [ keyword( 9 ) ], 1 )
			);
			expect( state.lists.keywords.items ).toEqual( [] );
			expect( state.lists.keywords.loading ).toBe( true );
			state = reducer(
				state,
				listFailed( 'keywords', 'old', duplicate )
			);
			expect( state.lists.keywords.error ).toBeNull();
		} );

		it( 'keeps the rows on screen while another page loads, but no longer calls them loaded', () => {
			const state = reducer(
				withKeywords(),
				listRequested( 'keywords', 'k2' )
			);
			expect( state.lists.keywords.items ).toHaveLength( 3 );
			expect( state.lists.keywords.loaded ).toBe( false );
		} );

		it( 'still calls the rows loaded while the same request is made again', () => {
			expect(
				reducer( withKeywords(), listRequested( 'keywords', 'k1' ) )
					.lists.keywords.loaded
			).toBe( true );
		} );

		it( 'keeps ticked rows that are still on the page after a reload, and only those', () => {
			let state = reducer(
				withKeywords(),
				listRequested( 'keywords', 'k1' )
			);
			state = reducer(
				state,
				receiveList(
					'keywords',
					'k1',
					[ keyword( 2 ), keyword( 3 ) ],
					2
				)
			);
			expect( state.lists.keywords.selected ).toEqual( [ 2 ] );
		} );

		it( 'records a failed page as the list error', () => {
			let state = reducer( inSector(), listRequested( 'ideas', 'i1' ) );
			state = reducer( state, listFailed( 'ideas', 'i1', forbidden ) );
			expect( state.lists.ideas ).toMatchObject( {
				loading: false,
				error: forbidden,
			} );
			// Reading is not changing: a 403 on a list does not make the page read-only.
			expect( state.readOnly ).toBe( false );
		} );
	} );

	describe( 'selection', () => {
		it( 'ticks and unticks a row', () => {
			const state = reducer(
				withKeywords(),
				toggleSelected( 'keywords', 1 )
			);
			expect( state.lists.keywords.selected ).toEqual( [ 2 ] );
		} );

		it( 'ignores a row that is not on the page', () => {
			const state = withKeywords();
			expect( reducer( state, toggleSelected( 'keywords', 99 ) ) ).toBe(
				state
			);
			expect(
				reducer( state, setSelection( 'keywords', [ 3, 99, 3 ] ) ).lists
					.keywords.selected
			).toEqual( [ 3 ] );
		} );
	} );

	describe( 'sectors', () => {
		it( 'starts every list over in another sector, keeping filters but not a cluster filter', () => {
			let state = withKeywords();
			state = reducer(
				state,
				setFilters( 'keywords', { status: 'active', cluster_id: 12 } )
			);
			state = reducer( state, setOrdering( 'keywords', '-volume' ) );
			state = reducer( state, setSector( 4 ) );
			expect( state.sectorId ).toBe( 4 );
			expect( state.lists.keywords ).toMatchObject( {
				items: [],
				count: 0,
				requestKey: null,
				loaded: false,
				selected: [],
				query: {
					filters: { status: 'active' },
					ordering: '-volume',
					page: 1,
				},
			} );
		} );

		it( 'forgets the summary, cluster options and last results of the old sector', () => {
			let state = reducer( inSector(), receiveSummary( 3, summary() ) );
			state = reducer(
				state,
				receiveClusterOptions( 3, [ cluster( 1 ) ] )
			);
			state = reducer( state, receiveImport( importReport ) );
			state = reducer( state, setSector( 4 ) );
			expect( state ).toMatchObject( {
				summary: null,
				clusterOptions: null,
				lastImport: null,
			} );
		} );

		it( 'drops a summary or cluster list that arrives for a sector no longer chosen', () => {
			const state = inSector( 4 );
			expect( reducer( state, receiveSummary( 3, summary() ) ) ).toBe(
				state
			);
			expect(
				reducer( state, receiveClusterOptions( 3, [ cluster( 1 ) ] ) )
			).toBe( state );
		} );

		it( 'keeps the shown cluster when the page moves to that cluster’s sector', () => {
			let state = reducer( inSector( 3 ), showCluster( 8 ) );
			state = reducer(
				state,
				receiveCluster( cluster( 8, { sector_id: 4 } ) )
			);
			state = reducer( state, setSector( 4 ) );
			expect( state.cluster?.id ).toBe( 8 );
			expect( state.lists.clusterKeywords.query.filters ).toEqual( {
				cluster_id: 8,
			} );
		} );

		it( 'returns the same state when the sector does not change', () => {
			const state = withKeywords();
			expect( reducer( state, setSector( 3 ) ) ).toBe( state );
		} );
	} );

	describe( 'cluster detail', () => {
		it( 'points the detail list at the cluster, painting what the list already knows', () => {
			let state = reducer(
				inSector(),
				listRequested( 'clusters', 'c1' )
			);
			state = reducer(
				state,
				receiveList( 'clusters', 'c1', [ cluster( 8 ) ], 1 )
			);
			state = reducer( state, showCluster( 8 ) );
			expect( state.clusterId ).toBe( 8 );
			expect( state.cluster?.name ).toBe( 'cluster 8' );
			expect( state.lists.clusterKeywords.query.filters ).toEqual( {
				cluster_id: 8,
			} );
			expect( state.lists.clusterKeywords.requestKey ).toBeNull();
		} );

		it( 'updates the cluster wherever it shows: detail, list and options', () => {
			let state = reducer(
				inSector(),
				receiveClusterOptions( 3, [ cluster( 8 ), cluster( 9 ) ] )
			);
			state = reducer( state, listRequested( 'clusters', 'c1' ) );
			state = reducer(
				state,
				receiveList( 'clusters', 'c1', [ cluster( 8 ) ], 1 )
			);
			state = reducer( state, showCluster( 8 ) );
			state = reducer(
				state,
				receiveCluster( cluster( 8, { name: 'Renamed' } ) )
			);
			expect( state.cluster?.name ).toBe( 'Renamed' );
			expect( state.lists.clusters.items[ 0 ].name ).toBe( 'Renamed' );
			expect( state.clusterOptions?.map( ( c ) => c.name ) ).toEqual( [
				'Renamed',
				'cluster 9',
			] );
		} );

		it( 'does not show another cluster than the one asked for', () => {
			let state = reducer( inSector(), showCluster( 8 ) );
			state = reducer( state, receiveCluster( cluster( 9 ) ) );
			expect( state.cluster ).toBeNull();
		} );

		it( 'goes back to the list with null', () => {
			let state = reducer( inSector(), showCluster( 8 ) );
			state = reducer( state, showCluster( null ) );
			expect( state.clusterId ).toBeNull();
			expect( state.lists.clusterKeywords.query.filters ).toEqual( {} );
		} );
	} );

	it( 'replaces an edited idea in the list', () => {
		let state = reducer( inSector(), listRequested( 'ideas', 'i1' ) );
		state = reducer(
			state,
			receiveList( 'ideas', 'i1', [ idea( 1 ), idea( 2 ) ], 2 )
		);
		state = reducer(
			state,
			receiveIdea( idea( 2, { status: 'approved' } ) )
		);
		expect( state.lists.ideas.items.map( ( i ) => i.status ) ).toEqual( [
			'draft',
			'approved',
		] );
	} );

	describe( 'operations', () => {
		it( 'marks only the started operation busy and clears it when it finishes', () => {
			const started = reducer(
				INITIAL_STATE,
				startOperation( 'autoCluster' )
			);
			expect( started.busy ).toEqual( {
				...INITIAL_STATE.busy,
				autoCluster: true,
			} );
			expect(
				reducer( started, finishOperation( 'autoCluster' ) ).busy
			).toEqual( INITIAL_STATE.busy );
		} );

		it( 'keeps each operation’s last failure apart, and forgets it when the operation runs again', () => {
			let state = reducer(
				INITIAL_STATE,
				failOperation( 'createKeyword', duplicate )
			);
			state = reducer( state, failOperation( 'export', forbidden ) );
			expect( state.errors ).toEqual( {
				createKeyword: duplicate,
				export: forbidden,
			} );
			state = reducer( state, startOperation( 'createKeyword' ) );
			expect( state.errors ).toEqual( { export: forbidden } );
		} );

		it( 'clears one error, and returns the same state when there is none', () => {
			const state = reducer(
				INITIAL_STATE,
				failOperation( 'createKeyword', duplicate )
			);
			expect(
				reducer( state, clearError( 'createKeyword' ) ).errors
			).toEqual( {} );
			expect( reducer( INITIAL_STATE, clearError( 'import' ) ) ).toBe(
				INITIAL_STATE
			);
		} );

		it( 'turns read-only when the cloud refuses a change with 403', () => {
			expect(
				reducer(
					INITIAL_STATE,
					failOperation( 'bulkDelete', forbidden )
				).readOnly
			).toBe( true );
		} );

		it( 'stays editable when a read is refused, or a change fails for another reason', () => {
			expect(
				reducer( INITIAL_STATE, failOperation( 'export', forbidden ) )
					.readOnly
			).toBe( false );
			expect(
				reducer(
					INITIAL_STATE,
					failOperation( 'createKeyword', duplicate )
				).readOnly
			).toBe( false );
		} );
	} );

	describe( 'CSV import', () => {
		it( 'tracks upload progress while the import runs and forgets it when it ends', () => {
			let state = reducer( INITIAL_STATE, startOperation( 'import' ) );
			expect( state.importProgress ).toEqual( { loaded: 0, total: 0 } );
			state = reducer( state, importProgress( 512, 2048 ) );
			expect( state.importProgress ).toEqual( {
				loaded: 512,
				total: 2048,
			} );
			state = reducer( state, receiveImport( importReport ) );
			state = reducer( state, finishOperation( 'import' ) );
			expect( state.importProgress ).toBeNull();
			expect( state.lastImport ).toEqual( importReport );
		} );

		it( 'ignores progress that arrives after the import ended', () => {
			expect( reducer( INITIAL_STATE, importProgress( 1, 2 ) ) ).toBe(
				INITIAL_STATE
			);
		} );

		it( 'hides the last report when a new import starts, and when it is dismissed', () => {
			const state = reducer(
				INITIAL_STATE,
				receiveImport( importReport )
			);
			expect(
				reducer( state, startOperation( 'import' ) ).lastImport
			).toBeNull();
			expect(
				reducer( state, dismissResult( 'import' ) ).lastImport
			).toBeNull();
		} );

		it( 'drops the progress bar when the upload fails', () => {
			let state = reducer( INITIAL_STATE, startOperation( 'import' ) );
			state = reducer(
				state,
				failOperation( 'import', {
					...forbidden,
					status: 413,
					code: 'payload_too_large',
				} )
			);
			expect( state.importProgress ).toBeNull();
			expect( state.errors.import?.code ).toBe( 'payload_too_large' );
		} );
	} );

	it( 'does not change the state it is given', () => {
		const state = Object.freeze( withKeywords() );
		expect( () => reducer( state, setSector( 4 ) ) ).not.toThrow();
		expect( state.sectorId ).toBe( 3 );
		expect( state.lists.keywords.items ).toHaveLength( 3 );
	} );
} );

function summary() {
	return {
		keywords: {
			total: 4,
			unclustered: 1,
			by_status: { active: 4 },
			volume: 22000,
		},
		clusters: { total: 1, by_status: { active: 1 } },
		ideas: { total: 0, by_status: {} },
		tasks: { total: 0, by_status: {} },
	};
}
