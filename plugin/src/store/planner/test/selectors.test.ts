import { describe, expect, it } from 'vitest';
import {
	failOperation,
	listRequested,
	receiveList,
	receiveSectors,
	setPageSize,
	setSector,
	setSite,
	startOperation,
	toggleSelected,
} from '../actions';
import reducer, { INITIAL_STATE } from '../reducer';
import {
	getError,
	getFieldErrors,
	getPageCount,
	getPlacement,
	getSector,
	isBusy,
	isPageSelected,
} from '../selectors';
import type { PlannerState } from '../types';
import { duplicate, keyword, sectors } from './fixtures';

const inSector = (): PlannerState => {
	let state = reducer( INITIAL_STATE, setSite( 7, false ) );
	state = reducer( state, receiveSectors( sectors ) );
	return reducer( state, setSector( 4 ) );
};

describe( 'planner selectors', () => {
	it( 'give no placement until both the site and a sector are known', () => {
		expect( getPlacement( INITIAL_STATE ) ).toBeNull();
		expect(
			getPlacement( reducer( INITIAL_STATE, setSite( 7, false ) ) )
		).toBeNull();
		expect( getPlacement( inSector() ) ).toEqual( {
			site_id: 7,
			sector_id: 4,
		} );
	} );

	it( 'find the chosen sector among the site’s sectors', () => {
		expect( getSector( inSector() )?.name ).toBe( 'Cycling' );
		expect( getSector( INITIAL_STATE ) ).toBeNull();
	} );

	it( 'count pages from the total and the page size, at least one', () => {
		let state = reducer( inSector(), setPageSize( 'keywords', 25 ) );
		expect( getPageCount( state, 'keywords' ) ).toBe( 1 );
		state = reducer( state, listRequested( 'keywords', 'k' ) );
		state = reducer(
			state,
			receiveList( 'keywords', 'k', [ keyword( 1 ) ], 51 )
		);
		expect( getPageCount( state, 'keywords' ) ).toBe( 3 );
	} );

	it( 'tell whether every row of the page is ticked', () => {
		let state = reducer( inSector(), listRequested( 'keywords', 'k' ) );
		expect( isPageSelected( state, 'keywords' ) ).toBe( false );
		state = reducer(
			state,
			receiveList( 'keywords', 'k', [ keyword( 1 ), keyword( 2 ) ], 2 )
		);
		state = reducer( state, toggleSelected( 'keywords', 1 ) );
		expect( isPageSelected( state, 'keywords' ) ).toBe( false );
		state = reducer( state, toggleSelected( 'keywords', 2 ) );
		expect( isPageSelected( state, 'keywords' ) ).toBe( true );
	} );

	it( 'tell one busy operation from any busy operation', () => {
		const state = reducer( INITIAL_STATE, startOperation( 'merge' ) );
		expect( isBusy( state, 'merge' ) ).toBe( true );
		expect( isBusy( state, 'split' ) ).toBe( false );
		expect( isBusy( state ) ).toBe( true );
		expect( isBusy( INITIAL_STATE ) ).toBe( false );
	} );

	it( 'give each operation its own error and field errors', () => {
		const state = reducer(
			INITIAL_STATE,
			failOperation( 'createKeyword', duplicate )
		);
		expect( getError( state, 'createKeyword' )?.code ).toBe( 'conflict' );
		expect( getError( state, 'import' ) ).toBeNull();
		expect( getFieldErrors( state, 'createKeyword' ) ).toEqual( {
			keyword: [ 'already in this sector' ],
		} );
	} );

	it( 'return one shared empty object when there are no field errors, so components do not re-render', () => {
		expect( getFieldErrors( INITIAL_STATE, 'saveIdea' ) ).toEqual( {} );
		expect( getFieldErrors( INITIAL_STATE, 'saveIdea' ) ).toBe(
			getFieldErrors( inSector(), 'split' )
		);
	} );
} );
