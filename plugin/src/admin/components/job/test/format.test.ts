import { describe, expect, it } from 'vitest';
import {
	batchSummary,
	notStartedReason,
	phaseLabel,
	priceLabel,
	resultFacts,
	resultNames,
	stageLabel,
	startProblem,
} from '../format';

const error = (
	status: number,
	code: string,
	message = code,
	details: Record< string, unknown > = {}
) => ( {
	status,
	code,
	message,
	fieldErrors: {},
	details,
} );

describe( 'words for a job', () => {
	it( 'name each phase for people, and an unknown one as sent', () => {
		expect(
			[ 'INIT', 'PREP', 'AI_CALL', 'PARSE', 'SAVE', 'DONE' ].map(
				phaseLabel
			)
		).toEqual( [
			'Getting ready',
			'Preparing the data',
			'Waiting for the AI',
			'Reading the answer',
			'Saving the results',
			'Done',
		] );
		expect( phaseLabel( 'REVIEW' ) ).toBe( 'REVIEW' );
	} );

	it( 'show the state while not running, the phase while running', () => {
		expect( stageLabel( { state: 'queued', phase: 'INIT' } ) ).toBe(
			'Queued'
		);
		expect( stageLabel( { state: 'running', phase: 'PARSE' } ) ).toBe(
			'Reading the answer'
		);
		expect( stageLabel( { state: 'failed', phase: 'AI_CALL' } ) ).toBe(
			'Failed'
		);
	} );

	it( 'sum up a clustering result in words, leaving out what is zero', () => {
		expect(
			resultFacts( {
				keywords_considered: 60,
				clusters_created: 4,
				clusters_extended: 0,
				keywords_clustered: 55,
				unclustered: 5,
			} )
		).toEqual( [
			'4 new clusters',
			'55 keywords clustered',
			'5 keywords left unclustered',
		] );
		expect(
			resultFacts( { clusters_created: 1, keywords_clustered: 1 } )
		).toEqual( [ '1 new cluster', '1 keyword clustered' ] );
	} );

	it( 'sum up an ideas result, even when none were made', () => {
		expect( resultFacts( { ideas_created: 0 } ) ).toEqual( [
			'0 ideas created',
		] );
		expect( resultFacts( { ideas_created: 9, titles: [ 'A' ] } ) ).toEqual(
			[ '9 ideas created' ]
		);
		expect( resultFacts( null ) ).toEqual( [] );
		expect( resultFacts( 'done' ) ).toEqual( [] );
	} );

	it( 'name what was made, up to a limit', () => {
		expect(
			resultNames( { cluster_names: [ 'Shoes', 'Boots', 3 ] } )
		).toEqual( [ 'Shoes', 'Boots' ] );
		expect( resultNames( { titles: [ 'a', 'b', 'c' ] }, 2 ) ).toEqual( [
			'a',
			'b',
		] );
		expect( resultNames( {} ) ).toEqual( [] );
	} );

	it( 'say a price in credits', () => {
		expect( priceLabel( 1 ) ).toBe( 'about 1 credit' );
		expect( priceLabel( 1200 ) ).toBe(
			`about ${ ( 1200 ).toLocaleString() } credits`
		);
	} );
} );

describe( 'why a job did not start', () => {
	it( 'is too few credits on a 402, with the cost and the balance', () => {
		expect(
			startProblem(
				error( 402, 'insufficient_credits', 'short', {
					balance: 3,
					cost: 12,
				} )
			)
		).toEqual( {
			kind: 'credits',
			cost: 12,
			balance: 3,
		} );
		expect( startProblem( error( 402, 'insufficient_credits' ) ) ).toEqual(
			{ kind: 'credits', cost: null, balance: null }
		);
	} );

	it( 'is a missing AI provider on a 422 that says so', () => {
		expect(
			startProblem(
				error( 422, 'unprocessable', 'x', {
					reason: 'provider_not_configured',
				} )
			)
		).toEqual( { kind: 'provider' } );
		expect(
			startProblem(
				error(
					422,
					'unprocessable',
					'Generating ideas needs an AI provider: configure one in Settings → AI providers.'
				)
			)
		).toEqual( { kind: 'provider' } );
	} );

	it( 'is something else for other refusals, plan limits included', () => {
		expect(
			startProblem(
				error( 422, 'plan_limit', 'Your plan allows 100 clusters' )
			)
		).toEqual( { kind: 'other' } );
		expect(
			startProblem(
				error( 422, 'unprocessable', 'No keywords', {
					reason: 'nothing_to_cluster',
				} )
			)
		).toEqual( { kind: 'other' } );
		expect( startProblem( error( 403, 'forbidden' ) ) ).toEqual( {
			kind: 'other',
		} );
	} );
} );

describe( 'a batch in words', () => {
	it( 'says how many of the started jobs are done, then what went wrong', () => {
		expect(
			batchSummary( {
				started: 5,
				finished: 2,
				succeeded: 2,
				failed: 0,
				cancelled: 0,
				notStarted: 0,
			} )
		).toBe( '2 of 5 done' );
		expect(
			batchSummary( {
				started: 4,
				finished: 4,
				succeeded: 1,
				failed: 2,
				cancelled: 1,
				notStarted: 1,
			} )
		).toBe( '4 of 4 done, 2 failed, 1 cancelled, 1 not started' );
	} );

	it( 'gives the cloud’s reason an item did not start, or words for its code', () => {
		expect(
			notStartedReason( {
				code: 'conflict',
				message: 'Already generating',
			} )
		).toBe( 'Already generating' );
		expect(
			notStartedReason( { code: 'insufficient_credits', message: '' } )
		).toBe( 'Not enough credits.' );
		expect( notStartedReason( { code: 'odd', message: '' } ) ).toBe(
			'Not started.'
		);
	} );
} );
