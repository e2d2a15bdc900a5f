import { describe, expect, it, vi } from 'vitest';
import { CloudError, createCloudClient } from '../cloud';
import {
	createJobsApi,
	followJob,
	isTerminal,
	jobFromEvent,
	jobOf,
	jobPercentage,
	mergeJob,
	type Job,
} from '../jobs';
import type { SiteToken } from '../wp';
import { done, eventStream, job, progress } from './fixtures';

describe( 'a job state', () => {
	it( 'is finished once it succeeded, failed or was cancelled', () => {
		expect(
			[ 'queued', 'running', 'succeeded', 'failed', 'cancelled' ].map(
				( s ) => isTerminal( s as Job[ 'state' ] )
			)
		).toEqual( [ false, false, true, true, true ] );
	} );

	it( 'takes a newer report of the same job', () => {
		const next = job( { percentage: 55, phase: 'PARSE' } );
		expect( mergeJob( job(), next ) ).toBe( next );
		expect( mergeJob( null, next ) ).toBe( next );
	} );

	it( 'never goes back: a finished job stays finished, a running one never returns to the queue', () => {
		const finished = done();
		expect( mergeJob( finished, job() ) ).toBe( finished );
		const running = job();
		expect(
			mergeJob( running, job( { state: 'queued', percentage: 0 } ) )
		).toBe( running );
	} );

	it( 'keeps the bar from moving back within an attempt, but not across a new attempt', () => {
		const at40 = job( { percentage: 40 } );
		expect( mergeJob( at40, job( { percentage: 30 } ) ) ).toBe( at40 );
		const retried = job( { percentage: 10, attempts: 2 } );
		expect( mergeJob( at40, retried ) ).toBe( retried );
	} );

	it( 'keeps the report it has when the same one comes again', () => {
		const current = job();
		expect( mergeJob( current, job() ) ).toBe( current );
	} );

	it( 'takes another job as it is', () => {
		const other = job( { id: 99, state: 'queued' } );
		expect( mergeJob( done(), other ) ).toBe( other );
	} );

	it( 'shows a whole percentage between 0 and 100, and 100 once it succeeded', () => {
		expect( jobPercentage( job( { percentage: 42.6 } ) ) ).toBe( 43 );
		expect( jobPercentage( job( { percentage: 120 } ) ) ).toBe( 100 );
		expect( jobPercentage( job( { percentage: -5 } ) ) ).toBe( 0 );
		expect( jobPercentage( done( { percentage: 98 } ) ) ).toBe( 100 );
		expect(
			jobPercentage( job( { state: 'failed', percentage: 70 } ) )
		).toBe( 70 );
	} );

	it( 'is read from an answer that is the job or wraps it as { job }', () => {
		const j = job();
		expect( jobOf( j ) ).toBe( j );
		expect( jobOf( { job: j } ) ).toBe( j );
		expect( () => jobOf( { created: 3 } ) ).toThrow( CloudError );
	} );

	it( 'is read from progress events, and only from events that carry a job', () => {
		const j = job();
		expect(
			jobFromEvent( {
				event: 'progress',
				data: JSON.stringify( j ),
				id: null,
			} )
		).toEqual( j );
		expect(
			jobFromEvent( {
				event: 'progress',
				data: JSON.stringify( { success: true, data: j } ),
				id: null,
			} )
		).toEqual( j );
		expect(
			jobFromEvent( { event: 'end', data: '{}', id: null } )
		).toBeNull();
		expect(
			jobFromEvent( { event: 'progress', data: '{"id":', id: null } )
		).toBeNull();
		expect(
			jobFromEvent( {
				event: 'ping',
				data: JSON.stringify( j ),
				id: null,
			} )
		).toBeNull();
	} );
} );

function fakeApi(
	streams: Array< Response | Error >,
	polls: Array< Job | Error > = []
) {
	return {
		openEvents: vi.fn( async () => {
			const next = streams.shift();
			if ( ! next || next instanceof Error ) {
				throw (
					next ??
					new CloudError( {
						status: 404,
						code: 'not_found',
						message: 'gone',
					} )
				);
			}
			return next;
		} ),
		getJob: vi.fn( async () => {
			const next = polls.shift();
			if ( ! next ) {
				throw new Error( 'no more polls' );
			}
			if ( next instanceof Error ) {
				throw next;
			}
			return next;
		} ),
	};
}

const noSleep = vi.fn( async () => undefined );

describe( 'following a job', () => {
	it( 'reads the stream until the job finishes, reporting each step once', async () => {
		const steps = [
			job( { percentage: 30 } ),
			job( { percentage: 30 } ),
			job( { phase: 'SAVE', percentage: 90 } ),
			done(),
		];
		// Heartbeats between the events, the whole cut into pieces of 37 characters.
		const text = ': hello\n\n' + steps.map( progress ).join( ': ping\n\n' );
		const api = fakeApi( [
			eventStream( ...text.match( /[^]{1,37}/g )! ),
		] );
		const seen: number[] = [];
		const last = await followJob(
			api,
			job( { state: 'queued', percentage: 0 } ),
			{
				onJob: ( j ) => seen.push( j.percentage ),
				sleep: noSleep,
			}
		);
		expect( last.state ).toBe( 'succeeded' );
		expect( seen ).toEqual( [ 30, 90, 100 ] );
		expect( api.getJob ).not.toHaveBeenCalled();
	} );

	it( 'polls every interval when the stream cannot be opened', async () => {
		const api = fakeApi(
			[
				new CloudError( {
					status: 404,
					code: 'not_found',
					message: 'no stream',
				} ),
			],
			[ job( { percentage: 50 } ), done() ]
		);
		const sleep = vi.fn( async () => undefined );
		const last = await followJob( api, job(), {
			onJob: () => undefined,
			sleep,
			pollInterval: 1000,
		} );
		expect( last.state ).toBe( 'succeeded' );
		expect( api.getJob ).toHaveBeenCalledTimes( 2 );
		expect( sleep ).toHaveBeenCalledWith( 1000, undefined );
	} );

	it( 'opens the stream again when it closes before the end, then polls once it closes silent', async () => {
		const api = fakeApi(
			[
				eventStream( progress( job( { percentage: 50 } ) ) ),
				eventStream( ': bye\n\n' ),
			],
			[ done() ]
		);
		const last = await followJob( api, job(), {
			onJob: () => undefined,
			sleep: noSleep,
		} );
		expect( api.openEvents ).toHaveBeenCalledTimes( 2 );
		expect( api.getJob ).toHaveBeenCalledTimes( 1 );
		expect( last.state ).toBe( 'succeeded' );
	} );

	it( 'opens a new stream when the cloud asks to reconnect, sending the id of the last event', async () => {
		const first = `id: s1\n${ progress( job( { percentage: 40 } ) ) }event: reconnect\ndata: {}\n\n`;
		const api = fakeApi( [
			eventStream( first ),
			eventStream( progress( done() ) ),
		] );
		const last = await followJob( api, job(), {
			onJob: () => undefined,
			sleep: noSleep,
		} );
		expect( last.state ).toBe( 'succeeded' );
		expect( api.openEvents ).toHaveBeenNthCalledWith(
			1,
			41,
			undefined,
			null
		);
		expect( api.openEvents ).toHaveBeenNthCalledWith(
			2,
			41,
			undefined,
			's1'
		);
		expect( api.getJob ).not.toHaveBeenCalled();
	} );

	it( 'rides out a few failed polls but gives up on a refusal', async () => {
		const offline = new CloudError( {
			status: 0,
			code: 'network_error',
			message: 'offline',
		} );
		const api = fakeApi(
			[ new Error( 'no stream' ) ],
			[ offline, offline, done() ]
		);
		expect(
			(
				await followJob( api, job(), {
					onJob: () => undefined,
					sleep: noSleep,
				} )
			).state
		).toBe( 'succeeded' );

		const gone = new CloudError( {
			status: 404,
			code: 'not_found',
			message: 'Not found',
		} );
		const refused = fakeApi( [ new Error( 'no stream' ) ], [ gone ] );
		await expect(
			followJob( refused, job(), {
				onJob: () => undefined,
				sleep: noSleep,
			} )
		).rejects.toBe( gone );
	} );

	it( 'gives up after too many failed polls in a row', async () => {
		const offline = new CloudError( {
			status: 503,
			code: 'http_error',
			message: 'down',
		} );
		const api = fakeApi(
			[ new Error( 'no stream' ) ],
			[ offline, offline, offline ]
		);
		await expect(
			followJob( api, job(), {
				onJob: () => undefined,
				sleep: noSleep,
				maxPollFailures: 3,
			} )
		).rejects.toBe( offline );
	} );

	it( 'stops with an AbortError when asked to', async () => {
		const controller = new AbortController();
		const api = fakeApi(
			[ new Error( 'no stream' ) ],
			[ job( { percentage: 50 } ), job( { percentage: 60 } ) ]
		);
		const promise = followJob( api, job(), {
			onJob: () => controller.abort(),
			signal: controller.signal,
			pollInterval: 1,
		} );
		await expect( promise ).rejects.toMatchObject( { name: 'AbortError' } );
	} );

	it( 'returns a job that is already finished without a request', async () => {
		const api = fakeApi( [] );
		expect(
			( await followJob( api, done(), { onJob: () => undefined } ) ).state
		).toBe( 'succeeded' );
		expect( api.openEvents ).not.toHaveBeenCalled();
	} );
} );

describe( 'the jobs API', () => {
	const token: SiteToken = {
		token: 't1',
		expires_at: 4_000_000_000,
		cloud_url: 'http://cloud.test',
		site_id: 7,
		role: 'admin',
	};

	it( 'opens the event stream with the bearer token and asks for text/event-stream', async () => {
		const fetch = vi.fn( async () => eventStream( progress( done() ) ) );
		const api = createJobsApi(
			createCloudClient( {
				getToken: async () => token,
				fetch,
				now: () => 0,
			} )
		);
		const response = await api.openEvents( 41 );
		expect( response.ok ).toBe( true );
		const [ url, init ] = fetch.mock.calls[ 0 ] as unknown as [
			string,
			RequestInit,
		];
		expect( url ).toBe( 'http://cloud.test/api/v1/ai/jobs/41/events' );
		expect( init.headers ).toMatchObject( {
			Authorization: 'Bearer t1',
			Accept: 'text/event-stream, application/json;q=0.5',
		} );
	} );

	it( 'turns a refused stream into the envelope error', async () => {
		const fetch = vi.fn(
			async () =>
				new Response(
					JSON.stringify( {
						success: false,
						error: 'Not found',
						code: 'not_found',
						request_id: 'r',
					} ),
					{ status: 404 }
				)
		);
		const api = createJobsApi(
			createCloudClient( {
				getToken: async () => token,
				fetch,
				now: () => 0,
			} )
		);
		await expect( api.openEvents( 41 ) ).rejects.toMatchObject( {
			status: 404,
			code: 'not_found',
		} );
	} );

	it( 'cancels with a POST and reads the job from the answer', async () => {
		const fetch = vi.fn(
			async () =>
				new Response(
					JSON.stringify( {
						success: true,
						data: job( { state: 'cancelled' } ),
						request_id: 'r',
					} ),
					{ status: 200 }
				)
		);
		const api = createJobsApi(
			createCloudClient( {
				getToken: async () => token,
				fetch,
				now: () => 0,
			} )
		);
		expect( ( await api.cancelJob( 41 ) ).state ).toBe( 'cancelled' );
		const [ url, init ] = fetch.mock.calls[ 0 ] as unknown as [
			string,
			RequestInit,
		];
		expect( [ url, init.method ] ).toEqual( [
			'http://cloud.test/api/v1/ai/jobs/41/cancel',
			'POST',
		] );
	} );
} );
