import { describe, expect, it } from 'vitest';
import { createSseParser, readSse, type SseEvent } from '../sse';

function parse( ...pieces: string[] ): SseEvent[] {
	const events: SseEvent[] = [];
	const parser = createSseParser( ( event ) => events.push( event ) );
	for ( const piece of pieces ) {
		parser.push( piece );
	}
	parser.end();
	return events;
}

function streamOf(
	...chunks: Array< string | Uint8Array >
): ReadableStream< Uint8Array > {
	const encoder = new TextEncoder();
	return new ReadableStream( {
		start( controller ) {
			for ( const chunk of chunks ) {
				controller.enqueue(
					typeof chunk === 'string' ? encoder.encode( chunk ) : chunk
				);
			}
			controller.close();
		},
	} );
}

describe( 'the event-stream parser', () => {
	it( 'reads an event with its type and data', () => {
		expect( parse( 'event: progress\ndata: {"id":1}\n\n' ) ).toEqual( [
			{ event: 'progress', data: '{"id":1}', id: null },
		] );
	} );

	it( 'reads several events from one piece, each with its own type', () => {
		const events = parse(
			'event: progress\ndata: 1\n\ndata: 2\n\nevent: end\ndata: {}\n\n'
		);
		expect( events.map( ( e ) => [ e.event, e.data ] ) ).toEqual( [
			[ 'progress', '1' ],
			[ 'message', '2' ],
			[ 'end', '{}' ],
		] );
	} );

	it( 'puts together lines cut anywhere, even inside a field name', () => {
		const text = 'event: progress\ndata: {"id":7,"state":"running"}\n\n';
		for ( let cut = 1; cut < text.length; cut++ ) {
			expect( parse( text.slice( 0, cut ), text.slice( cut ) ) ).toEqual(
				[
					{
						event: 'progress',
						data: '{"id":7,"state":"running"}',
						id: null,
					},
				]
			);
		}
		expect( parse( ...text.split( '' ) ) ).toHaveLength( 1 );
	} );

	it( 'skips comments and heartbeats', () => {
		expect(
			parse( ': ping\n\n:\n\nevent: progress\n: keep-alive\ndata: x\n\n' )
		).toEqual( [ { event: 'progress', data: 'x', id: null } ] );
	} );

	it( 'treats CRLF and CR as line ends, also when CRLF is cut between pieces', () => {
		expect(
			parse( 'data: a\r\n\r\ndata: b\r\rdata: c\r', '\n\r\n' ).map(
				( e ) => e.data
			)
		).toEqual( [ 'a', 'b', 'c' ] );
	} );

	it( 'joins data lines with newlines and strips one space after the colon only', () => {
		expect(
			parse( 'data:  two spaces\ndata:none\ndata\n\n' )[ 0 ].data
		).toBe( ' two spaces\nnone\n' );
	} );

	it( 'dispatches nothing for an event without data, and forgets its type', () => {
		expect( parse( 'event: progress\n\ndata: x\n\n' ) ).toEqual( [
			{ event: 'message', data: 'x', id: null },
		] );
	} );

	it( 'keeps the last event id across events', () => {
		expect(
			parse( 'id: 3\ndata: a\n\ndata: b\n\n' ).map( ( e ) => e.id )
		).toEqual( [ '3', '3' ] );
	} );

	it( 'ignores a byte order mark and unknown fields', () => {
		expect( parse( '\uFEFFretry: 1000\nfoo: bar\ndata: x\n\n' ) ).toEqual( [
			{ event: 'message', data: 'x', id: null },
		] );
	} );

	it( 'delivers an event left without its blank line when the stream ends', () => {
		expect( parse( 'event: progress\ndata: last' ) ).toEqual( [
			{ event: 'progress', data: 'last', id: null },
		] );
	} );
} );

describe( 'reading an event stream', () => {
	it( 'decodes characters split between chunks', async () => {
		const bytes = new TextEncoder().encode( 'data: café ✓\n\n' );
		const events: string[] = [];
		await readSse(
			streamOf(
				bytes.slice( 0, 10 ),
				bytes.slice( 10, 15 ),
				bytes.slice( 15 )
			),
			( event ) => {
				events.push( event.data );
			}
		);
		expect( events ).toEqual( [ 'café ✓' ] );
	} );

	it( 'stops reading when the handler says so', async () => {
		const events: string[] = [];
		await readSse(
			streamOf( 'data: 1\n\ndata: 2\n\n', 'data: 3\n\n' ),
			( event ) => {
				events.push( event.data );
				return event.data === '1';
			}
		);
		expect( events ).toEqual( [ '1' ] );
	} );
} );
