// Server-Sent Events read with fetch(): EventSource cannot send the bearer token the cloud wants.
// The parser follows the HTML standard's event-stream rules; text may arrive cut anywhere.

export interface SseEvent {
	/** The `event:` field, or `message` when there was none. */
	event: string;
	/** The `data:` lines joined with newlines. */
	data: string;
	/** The last `id:` seen on the stream, if any. */
	id: string | null;
}

export interface SseParser {
	/** Feeds decoded text, in pieces of any size. */
	push: ( text: string ) => void;
	/** The stream ended: an event still waiting for its blank line is delivered if it has data. */
	end: () => void;
}

export function createSseParser(
	onEvent: ( event: SseEvent ) => void
): SseParser {
	let partial = '';
	let started = false;
	// A piece ended with CR: a LF at the start of the next piece belongs to the same line break.
	let skipLf = false;
	let eventType = '';
	let data: string[] = [];
	let lastId: string | null = null;

	function dispatch(): void {
		if ( data.length ) {
			onEvent( {
				event: eventType || 'message',
				data: data.join( '\n' ),
				id: lastId,
			} );
		}
		eventType = '';
		data = [];
	}

	function line( text: string ): void {
		if ( text === '' ) {
			dispatch();
			return;
		}
		if ( text.startsWith( ':' ) ) {
			return; // A comment: servers send them as heartbeats.
		}
		const colon = text.indexOf( ':' );
		const field = colon < 0 ? text : text.slice( 0, colon );
		let value = colon < 0 ? '' : text.slice( colon + 1 );
		if ( value.startsWith( ' ' ) ) {
			value = value.slice( 1 );
		}
		switch ( field ) {
			case 'event':
				eventType = value;
				break;
			case 'data':
				data.push( value );
				break;
			case 'id':
				if ( ! value.includes( '\0' ) ) {
					lastId = value;
				}
				break;
			// `retry` and unknown fields change nothing here: reconnecting is the caller's business.
		}
	}

	return {
		push( text: string ) {
			if ( ! started && text ) {
				started = true;
				if ( text.charCodeAt( 0 ) === 0xfeff ) {
					text = text.slice( 1 );
				}
			}
			let start = 0;
			if ( skipLf && text.startsWith( '\n' ) ) {
				start = 1;
			}
			if ( text ) {
				skipLf = false;
			}
			for ( let i = start; i < text.length; i++ ) {
				const char = text[ i ];
				if ( char !== '\n' && char !== '\r' ) {
					continue;
				}
				line( partial + text.slice( start, i ) );
				partial = '';
				if ( char === '\r' ) {
					if ( text[ i + 1 ] === '\n' ) {
						i++;
					} else if ( i + 1 === text.length ) {
						skipLf = true;
					}
				}
				start = i + 1;
			}
			partial += text.slice( start );
		},
		end() {
			if ( partial ) {
				line( partial );
				partial = '';
			}
			dispatch();
		},
	};
}

/**
 * Reads an event stream to its end (or until `onEvent` returns true, which closes it), decoding UTF-8
 * across chunk boundaries. Rejects with the reader's error, e.g. an AbortError.
 *
 * @param body    The response's body.
 * @param onEvent Called with each event; returning true closes the stream.
 */
export async function readSse(
	body: ReadableStream< Uint8Array >,
	onEvent: ( event: SseEvent ) => boolean | void
): Promise< void > {
	const reader = body.getReader();
	const decoder = new TextDecoder();
	let stop = false;
	const parser = createSseParser( ( event ) => {
		if ( ! stop && onEvent( event ) === true ) {
			stop = true;
		}
	} );
	try {
		while ( ! stop ) {
			const { value, done } = await reader.read();
			if ( done ) {
				parser.push( decoder.decode() );
				parser.end();
				return;
			}
			parser.push( decoder.decode( value, { stream: true } ) );
		}
		await reader.cancel().catch( () => undefined );
	} finally {
		reader.releaseLock();
	}
}
