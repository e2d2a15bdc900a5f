import { beforeEach, describe, expect, it, vi } from 'vitest';
import { CloudError } from '../../../api/cloud';

// The thunks talk to the cloud through plannerApi and remember the sector through core/preferences.
const api = vi.hoisted( () => ( {
	listSectors: vi.fn(),
	listKeywords: vi.fn(),
	listClusters: vi.fn(),
	listIdeas: vi.fn(),
	getSummary: vi.fn(),
	getCluster: vi.fn(),
	createKeyword: vi.fn(),
	bulkDeleteKeywords: vi.fn(),
	bulkUpdateKeywords: vi.fn(),
	importCsv: vi.fn(),
	exportCsv: vi.fn(),
	autoCluster: vi.fn(),
	splitCluster: vi.fn(),
	updateIdea: vi.fn(),
	createIdea: vi.fn(),
	createTasks: vi.fn(),
} ) );
vi.mock( '../../../api/planner', () => ( { plannerApi: api } ) );
vi.mock( '@wordpress/preferences', () => ( {
	store: { name: 'core/preferences' },
} ) );

const {
	setFilters,
	setPage,
	setSector,
	setSite,
	receiveSectors,
	toggleSelected,
	listRequested,
	receiveList,
} = await import( '../actions' );
const thunks = await import( '../thunks' );
const { harness } = await import( './harness' );
const { cluster, idea, importReport, keyword, sectors } =
	await import( './fixtures' );

const page = < T >( results: T[], count = results.length ) => ( {
	count,
	next: null,
	previous: null,
	results,
} );

function inSector() {
	const h = harness();
	h.dispatch( setSite( 7, false ) );
	h.dispatch( receiveSectors( sectors ) );
	h.dispatch( setSector( 3 ) );
	return h;
}

beforeEach( () => {
	for ( const fn of Object.values( api ) ) {
		fn.mockReset();
	}
} );

describe( 'choosing a sector', () => {
	it( 'picks the sector this user chose last time', async () => {
		const h = harness();
		h.dispatch( setSite( 7, false ) );
		h.preferences.set( 'igny8/planner/sector-site-7', 4 );
		api.listSectors.mockResolvedValue( page( sectors ) );
		await h.run( thunks.loadSectors() );
		expect( api.listSectors ).toHaveBeenCalledWith( 7 );
		expect( h.state.sectorId ).toBe( 4 );
		expect( h.state.sectors ).toHaveLength( 3 );
	} );

	it( 'falls back to the first active sector when the remembered one is gone or inactive', async () => {
		const h = harness();
		h.dispatch( setSite( 7, false ) );
		h.preferences.set( 'igny8/planner/sector-site-7', 5 );
		api.listSectors.mockResolvedValue( page( sectors ) );
		await h.run( thunks.loadSectors() );
		expect( h.state.sectorId ).toBe( 3 );
	} );

	it( 'has no sector when the site has no active one', async () => {
		const h = harness();
		h.dispatch( setSite( 7, false ) );
		api.listSectors.mockResolvedValue( page( [ sectors[ 2 ] ] ) );
		await h.run( thunks.loadSectors() );
		expect( h.state.sectorId ).toBeNull();
	} );

	it( 'remembers the chosen sector for this user and this site', () => {
		const h = inSector();
		h.run( thunks.selectSector( 4 ) );
		expect( h.state.sectorId ).toBe( 4 );
		expect( h.preferences.get( 'igny8/planner/sector-site-7' ) ).toBe( 4 );
	} );

	it( 'keeps a failure to load the sectors as their error', async () => {
		const h = harness();
		h.dispatch( setSite( 7, false ) );
		api.listSectors.mockRejectedValue(
			new CloudError( {
				status: 0,
				code: 'network_error',
				message: 'unreachable',
			} )
		);
		await h.run( thunks.loadSectors() );
		expect( h.state.errors.sectors?.code ).toBe( 'network_error' );
		expect( h.state.busy.sectors ).toBe( false );
	} );
} );

describe( 'loading a list', () => {
	it( 'asks for the page of the current query in the chosen sector', async () => {
		const h = inSector();
		h.dispatch( setFilters( 'keywords', { cluster_id: 'none' } ) );
		api.listKeywords.mockResolvedValue( page( [ keyword( 1 ) ], 1 ) );
		await h.run( thunks.fetchList( 'keywords' ) );
		expect( api.listKeywords ).toHaveBeenCalledWith( {
			site_id: 7,
			sector_id: 3,
			cluster_id: 'none',
			page: 1,
			page_size: 50,
		} );
		expect( h.state.lists.keywords.items ).toHaveLength( 1 );
	} );

	it( 'does not ask twice for the page it shows, unless forced', async () => {
		const h = inSector();
		api.listKeywords.mockResolvedValue( page( [ keyword( 1 ) ] ) );
		await h.run( thunks.fetchList( 'keywords' ) );
		await h.run( thunks.fetchList( 'keywords' ) );
		expect( api.listKeywords ).toHaveBeenCalledTimes( 1 );
		await h.run( thunks.fetchList( 'keywords', true ) );
		expect( api.listKeywords ).toHaveBeenCalledTimes( 2 );
	} );

	it( 'shows the last page there is when rows were deleted under the current one', async () => {
		const h = inSector();
		h.dispatch( setPage( 'keywords', 3 ) );
		api.listKeywords
			.mockResolvedValueOnce( page( [], 60 ) )
			.mockResolvedValueOnce( page( [ keyword( 51 ) ], 60 ) );
		await h.run( thunks.fetchList( 'keywords' ) );
		expect( api.listKeywords.mock.calls[ 1 ][ 0 ] ).toMatchObject( {
			page: 2,
		} );
		expect( h.state.lists.keywords.query.page ).toBe( 2 );
		expect( h.state.lists.keywords.items ).toHaveLength( 1 );
	} );

	it( 'waits for a cluster before loading the detail list', async () => {
		const h = inSector();
		await h.run( thunks.fetchList( 'clusterKeywords' ) );
		expect( api.listKeywords ).not.toHaveBeenCalled();
	} );

	it( 'keeps the rows of the newer query when an older answer comes last', async () => {
		const h = inSector();
		let answerOld: ( value: unknown ) => void = () => {};
		api.listKeywords
			.mockReturnValueOnce(
				new Promise( ( resolve ) => ( answerOld = resolve ) )
			)
			.mockResolvedValueOnce( page( [ keyword( 2 ) ] ) );
		const old = h.run( thunks.fetchList( 'keywords' ) );
		h.dispatch( setFilters( 'keywords', { search: 'new' } ) );
		await h.run( thunks.fetchList( 'keywords' ) );
		answerOld( page( [ keyword( 1 ) ] ) );
		await old;
		expect( h.state.lists.keywords.items.map( ( k ) => k.id ) ).toEqual( [
			2,
		] );
	} );
} );

describe( 'cluster options', () => {
	it( 'are asked for once when several parts of the page want them at the same time', async () => {
		const h = inSector();
		api.listClusters.mockResolvedValue( page( [ cluster( 1 ) ] ) );
		await Promise.all( [
			h.run( thunks.loadClusterOptions() ),
			h.run( thunks.loadClusterOptions() ),
		] );
		expect( api.listClusters ).toHaveBeenCalledTimes( 1 );
		expect( api.listClusters ).toHaveBeenCalledWith( {
			site_id: 7,
			sector_id: 3,
			ordering: 'name',
			page: 1,
			page_size: 200,
		} );
		expect( h.state.clusterOptions ).toHaveLength( 1 );
		await h.run( thunks.loadClusterOptions() );
		expect( api.listClusters ).toHaveBeenCalledTimes( 2 );
	} );
} );

describe( 'changes', () => {
	it( 'adds a keyword in the chosen sector and loads the list again', async () => {
		const h = inSector();
		api.listKeywords.mockResolvedValue( page( [ keyword( 1 ) ] ) );
		await h.run( thunks.fetchList( 'keywords' ) );
		api.createKeyword.mockResolvedValue( keyword( 2 ) );
		api.listKeywords.mockResolvedValue(
			page( [ keyword( 1 ), keyword( 2 ) ] )
		);
		await expect(
			h.run( thunks.createKeyword( { keyword: 'keyword 2' } ) )
		).resolves.toBe( true );
		expect( api.createKeyword ).toHaveBeenCalledWith(
			{ site_id: 7, sector_id: 3 },
			{ keyword: 'keyword 2' }
		);
		expect( h.state.lists.keywords.items ).toHaveLength( 2 );
	} );

	it( 'keeps a duplicate keyword’s field errors for the form', async () => {
		const h = inSector();
		api.createKeyword.mockRejectedValue(
			new CloudError( {
				status: 409,
				code: 'conflict',
				message: 'Duplicate',
				fieldErrors: { keyword: [ 'already in this sector' ] },
			} )
		);
		await expect(
			h.run( thunks.createKeyword( { keyword: 'x' } ) )
		).resolves.toBe( false );
		expect( h.state.errors.createKeyword?.fieldErrors ).toEqual( {
			keyword: [ 'already in this sector' ],
		} );
	} );

	it( 'deletes the ticked keywords in calls of at most 1000 ids, then clears the ticks', async () => {
		const h = inSector();
		h.dispatch( listRequested( 'keywords', 'k' ) );
		h.dispatch( receiveList( 'keywords', 'k', [ keyword( 1 ) ], 1 ) );
		h.dispatch( toggleSelected( 'keywords', 1 ) );
		api.bulkDeleteKeywords.mockImplementation(
			async ( _site: number, ids: number[] ) => ( {
				deleted: ids.length,
			} )
		);
		api.listKeywords.mockResolvedValue( page( [] ) );
		const ids = Array.from( { length: 1500 }, ( _, i ) => i + 1 );
		await expect( h.run( thunks.bulkDeleteKeywords( ids ) ) ).resolves.toBe(
			1500
		);
		expect(
			api.bulkDeleteKeywords.mock.calls.map(
				( [ , part ] ) => part.length
			)
		).toEqual( [ 1000, 500 ] );
		expect( h.state.lists.keywords.selected ).toEqual( [] );
	} );

	it( 'turns the page read-only when the cloud refuses a change with 403', async () => {
		const h = inSector();
		api.bulkUpdateKeywords.mockRejectedValue(
			new CloudError( {
				status: 403,
				code: 'forbidden',
				message: 'Viewers cannot edit',
			} )
		);
		await h.run( thunks.bulkUpdateKeywords( [ 1 ], 'used' ) );
		expect( h.state.readOnly ).toBe( true );
	} );

	it( 'refuses a CSV file over the size limit without uploading it', async () => {
		const h = inSector();
		const big = { size: 10 * 1024 * 1024 + 1 } as Blob;
		await expect( h.run( thunks.importCsv( big ) ) ).resolves.toBe( false );
		expect( api.importCsv ).not.toHaveBeenCalled();
		expect( h.state.errors.import ).toMatchObject( {
			status: 413,
			code: 'payload_too_large',
		} );
		expect( h.state.busy.import ).toBe( false );
	} );

	it( 'uploads a CSV file with progress and keeps the report', async () => {
		const h = inSector();
		const progress: Array< unknown > = [];
		api.importCsv.mockImplementation(
			async (
				_at: unknown,
				_file: Blob,
				onProgress: ( l: number, t: number ) => void
			) => {
				onProgress( 5, 10 );
				progress.push( h.state.importProgress );
				return importReport;
			}
		);
		const file = new Blob( [ 'keyword\nshoes\n' ], { type: 'text/csv' } );
		await expect( h.run( thunks.importCsv( file ) ) ).resolves.toBe( true );
		expect( api.importCsv.mock.calls[ 0 ][ 0 ] ).toEqual( {
			site_id: 7,
			sector_id: 3,
		} );
		expect( progress ).toEqual( [ { loaded: 5, total: 10 } ] );
		expect( h.state.lastImport ).toEqual( importReport );
		expect( h.state.importProgress ).toBeNull();
	} );

	it( 'exports with the current filters and no paging', async () => {
		const h = inSector();
		h.dispatch( setFilters( 'keywords', { intent: 'commercial' } ) );
		h.dispatch( setPage( 'keywords', 3 ) );
		const csv = new Blob( [ 'keyword\n' ] );
		api.exportCsv.mockResolvedValue( csv );
		await expect( h.run( thunks.exportCsv() ) ).resolves.toBe( csv );
		expect( api.exportCsv ).toHaveBeenCalledWith( {
			site_id: 7,
			sector_id: 3,
			intent: 'commercial',
		} );
	} );

	it( 'clusters the sector and keeps what it did, reloading what the page shows', async () => {
		const h = inSector();
		api.listClusters.mockResolvedValue( page( [ cluster( 1 ) ] ) );
		await h.run( thunks.fetchList( 'clusters' ) );
		const result = {
			mode: 'algorithmic' as const,
			keywords_considered: 3,
			clusters_created: 1,
			clusters_extended: 0,
			keywords_clustered: 3,
			unclustered: 0,
			credits_charged: 0 as const,
		};
		api.autoCluster.mockResolvedValue( result );
		await h.run( thunks.autoCluster() );
		expect( api.autoCluster ).toHaveBeenCalledWith(
			{ site_id: 7, sector_id: 3 },
			undefined
		);
		expect( h.state.lastAutoCluster ).toEqual( result );
		expect( api.listClusters ).toHaveBeenCalledTimes( 2 );
		expect( api.listKeywords ).not.toHaveBeenCalled();
	} );

	it( 'splits a cluster, updates it and resolves to the new one', async () => {
		const h = inSector();
		api.splitCluster.mockResolvedValue( {
			source: cluster( 1, { keyword_count: 1 } ),
			created: cluster( 2, { name: 'New' } ),
		} );
		await expect(
			h.run( thunks.splitCluster( 1, [ 10 ], '  New ' ) )
		).resolves.toMatchObject( { id: 2, name: 'New' } );
		expect( api.splitCluster ).toHaveBeenCalledWith( 1, [ 10 ], 'New' );
	} );

	it( 'creates a new idea in the sector, or changes an existing one', async () => {
		const h = inSector();
		api.createIdea.mockResolvedValue( idea( 1 ) );
		await h.run( thunks.saveIdea( null, { title: 'idea 1' } ) );
		expect( api.createIdea ).toHaveBeenCalledWith(
			{ site_id: 7, sector_id: 3 },
			{ title: 'idea 1' }
		);
		expect( h.state.lastCreatedIdea?.id ).toBe( 1 );
		api.updateIdea.mockResolvedValue( idea( 1, { title: 'changed' } ) );
		await h.run( thunks.saveIdea( 1, { title: 'changed' } ) );
		expect( api.updateIdea ).toHaveBeenCalledWith( 1, {
			title: 'changed',
		} );
	} );

	it( 'approves each idea and counts those approved', async () => {
		const h = inSector();
		api.updateIdea.mockImplementation( async ( id: number ) =>
			idea( id, { status: 'approved' } )
		);
		await expect(
			h.run( thunks.approveIdeas( [ 1, 2, 3, 4 ] ) )
		).resolves.toBe( 4 );
		expect( api.updateIdea ).toHaveBeenCalledTimes( 4 );
		expect( api.updateIdea ).toHaveBeenCalledWith( 3, {
			status: 'approved',
		} );
	} );

	it( 'creates writer tasks from ideas and keeps them to show', async () => {
		const h = inSector();
		const result = { created: 1, tasks: [ { id: 50, title: 'idea 1' } ] };
		api.createTasks.mockResolvedValue( result );
		await expect( h.run( thunks.createTasks( [ 1 ] ) ) ).resolves.toBe(
			true
		);
		expect( api.createTasks ).toHaveBeenCalledWith( 7, [ 1 ] );
		expect( h.state.lastCreatedTasks ).toEqual( result );
	} );
} );
