// The agency dashboard: sign in, sites and connection codes, AI providers, the credit ledger.
// Served as a file so the page can forbid inline script (see _headers).
// A small client of the public API: the dashboard is just another API client. Everything from the API is
// rendered with textContent, never as HTML.
const state = {
	token: sessionStorage.getItem( 'igny8.access' ),
	providers: {},
};
const $ = ( id ) => document.getElementById( id );
async function call( method, path, body ) {
	const res = await fetch( '/api/v1' + path, {
		method,
		headers: {
			'content-type': 'application/json',
			...( state.token
				? { authorization: 'Bearer ' + state.token }
				: {} ),
		},
		body: body ? JSON.stringify( body ) : undefined,
	} );
	const json = await res.json();
	if ( ! json.success )
		throw Object.assign( new Error( json.error ), {
			status: res.status,
			errors: json.errors ?? {},
		} );
	return json;
}
function text( tag, value, cls ) {
	const el = document.createElement( tag );
	el.textContent = value ?? '—';
	if ( cls ) el.className = cls;
	return el;
}
/** An API error as one line: its message, then each field's messages. */
function errorText( err ) {
	const fields = Object.entries( err.errors ?? {} ).map(
		( [ field, messages ] ) =>
			`${ field }: ${ [].concat( messages ).join( '; ' ) }`
	);
	return [ err.message, ...fields ].join( ' · ' );
}
function say( el, message, ok ) {
	el.textContent = message;
	el.className = ok === undefined ? 'hint' : ok ? 'ok' : 'err';
}
/** A timestamp from the API in the reader's locale (`when` is a browser global). */
const localTime = ( value ) => {
	const t = Date.parse( value );
	return Number.isNaN( t ) ? value : new Date( t ).toLocaleString();
};

async function load() {
	const me = ( await call( 'GET', '/auth/me' ) ).data;
	$( 'login' ).hidden = true;
	$( 'app' ).hidden = false;
	$( 'logout' ).hidden = false;
	$( 'account' ).textContent = me.account.name;
	$( 'plan' ).textContent =
		`${ me.plan?.name ?? 'No' } plan · ${ me.account.credits } credits · signed in as ${ me.user?.email } (${ me.role })`;
	await loadSites();
	// Account-wide settings and the whole ledger: the account's owner and administrators (and operators).
	const manages = [ 'developer', 'owner', 'admin' ].includes( me.role );
	$( 'providers' ).hidden = ! manages;
	$( 'ledger-card' ).hidden = ! manages;
	if ( manages )
		await Promise.all( [
			loadProvider( 'openai' ),
			loadProvider( 'runware' ),
			loadLedger(),
		] );
}
async function loadSites() {
	const sites = ( await call( 'GET', '/auth/sites' ) ).results;
	const body = $( 'sites' );
	body.textContent = '';
	for ( const s of sites ) {
		const tr = document.createElement( 'tr' );
		tr.append(
			text( 'td', s.name ),
			text(
				'td',
				s.connected
					? 'Connected' + ( s.wp_url ? ' · ' + s.wp_url : '' )
					: 'Not connected',
				s.connected ? 'ok' : 'no'
			),
			text( 'td', s.plugin_version ),
			text( 'td', s.last_seen_at )
		);
		const td = document.createElement( 'td' );
		const btn = text(
			'button',
			s.connected ? 'Disconnect' : 'Connection code',
			'secondary'
		);
		btn.onclick = async () => {
			if ( s.connected ) {
				await call( 'POST', `/integration/sites/${ s.id }/disconnect` );
				return loadSites();
			}
			const code = (
				await call(
					'POST',
					`/integration/sites/${ s.id }/connection-code`
				)
			).data;
			$( 'code' ).hidden = false;
			$( 'code-value' ).textContent = code.code;
		};
		td.append( btn );
		tr.append( td );
		body.append( tr );
	}
}

// ---- AI providers: the key is write-only (an empty field keeps it); other fields are sent when changed.
const PROVIDER_FIELDS = {
	openai: [ 'base_url', 'text_model', 'image_model' ],
	runware: [ 'model' ],
};
function showProvider( name, settings ) {
	state.providers[ name ] = settings;
	const form = $( 'provider-' + name );
	form.elements.api_key.value = '';
	form.elements.api_key.placeholder = settings.configured
		? 'Leave empty to keep the stored key'
		: '';
	for ( const field of PROVIDER_FIELDS[ name ] )
		form.elements[ field ].value = settings[ field ] ?? '';
	const status = $( name + '-status' );
	status.textContent = settings.configured ? 'Configured' : 'Not configured';
	status.className = settings.configured ? 'badge ok' : 'badge';
	status.dataset.configured = String( settings.configured );
	$( name + '-key' ).textContent = settings.api_key
		? 'Stored key: ' + settings.api_key
		: 'No key stored';
}
async function loadProvider( name ) {
	try {
		showProvider(
			name,
			( await call( 'GET', `/system/integrations/${ name }` ) ).data
		);
	} catch ( err ) {
		say( $( name + '-result' ), errorText( err ), false );
	}
}
/** What Save sends: a typed key, and each field that differs from what is stored (an emptied base URL clears it). */
function providerBody( name, form ) {
	const stored = state.providers[ name ] ?? {};
	const body = {};
	const key = form.elements.api_key.value.trim();
	if ( key ) body.api_key = key;
	for ( const field of PROVIDER_FIELDS[ name ] ) {
		const value = form.elements[ field ].value.trim();
		const was = stored[ field ] ?? null;
		if ( value && value !== was ) body[ field ] = value;
		else if ( ! value && was !== null && field === 'base_url' )
			body[ field ] = null;
	}
	return body;
}
for ( const name of Object.keys( PROVIDER_FIELDS ) ) {
	const form = $( 'provider-' + name );
	const result = $( name + '-result' );
	form.onsubmit = async ( e ) => {
		e.preventDefault();
		const body = providerBody( name, form );
		if ( ! Object.keys( body ).length )
			return say( result, 'Nothing changed.' );
		// The cloud refuses it too: a stored key is never sent to an address it was not saved for.
		if ( 'base_url' in body && ! body.api_key )
			return say(
				result,
				'Type the API key for this base URL: the base URL only changes together with a key.',
				false
			);
		say( result, 'Saving…' );
		try {
			showProvider(
				name,
				( await call( 'PUT', `/system/integrations/${ name }`, body ) )
					.data
			);
			say( result, 'Saved.', true );
		} catch ( err ) {
			say( result, errorText( err ), false );
		}
	};
	form.querySelector( '[data-action="test"]' ).onclick = async () => {
		say( result, 'Testing…' );
		delete result.dataset.ok;
		try {
			const r = (
				await call( 'POST', `/system/integrations/${ name }/test` )
			).data;
			say(
				result,
				r.ok
					? `OK: ${ r.model ?? 'the model' } answered in ${ Math.round( r.latency_ms ) } ms.`
					: `Failed: ${ r.message }`,
				r.ok
			);
			result.dataset.ok = String( r.ok );
		} catch ( err ) {
			say( result, errorText( err ), false );
			result.dataset.ok = 'false';
		}
	};
}

// ---- the credit ledger: its first page, newest first.
const LEDGER_PAGE = 25;
async function loadLedger() {
	const body = $( 'ledger' );
	body.textContent = '';
	try {
		const page = await call(
			'GET',
			`/billing/transactions?page_size=${ LEDGER_PAGE }`
		);
		for ( const t of page.results ) {
			const tr = document.createElement( 'tr' );
			const description = [ t.description, t.reference ]
				.filter( Boolean )
				.join( ' · ' );
			tr.append(
				text( 'td', localTime( t.created_at ) ),
				text( 'td', t.type ),
				text(
					'td',
					( t.amount > 0 ? '+' : '' ) + t.amount,
					'num ' + ( t.amount < 0 ? 'no' : 'ok' )
				),
				text( 'td', t.balance_after, 'num' ),
				text( 'td', description || '—' )
			);
			body.append( tr );
		}
		say(
			$( 'ledger-count' ),
			page.count > page.results.length
				? `The latest ${ page.results.length } of ${ page.count } entries.`
				: `${ page.count } ${ page.count === 1 ? 'entry' : 'entries' }.`
		);
	} catch ( err ) {
		say( $( 'ledger-count' ), errorText( err ), false );
	}
}

$( 'login-form' ).onsubmit = async ( e ) => {
	e.preventDefault();
	$( 'login-error' ).textContent = '';
	const f = new FormData( e.target );
	try {
		const data = (
			await call( 'POST', '/auth/login', {
				email: f.get( 'email' ),
				password: f.get( 'password' ),
			} )
		).data;
		state.token = data.access;
		sessionStorage.setItem( 'igny8.access', data.access );
		await load();
	} catch ( err ) {
		$( 'login-error' ).textContent = err.message;
	}
};
$( 'site-form' ).onsubmit = async ( e ) => {
	e.preventDefault();
	$( 'site-error' ).textContent = '';
	try {
		await call( 'POST', '/auth/sites', {
			name: new FormData( e.target ).get( 'name' ),
		} );
		e.target.reset();
		await loadSites();
	} catch ( err ) {
		$( 'site-error' ).textContent = err.message;
	}
};
$( 'logout' ).onclick = () => {
	sessionStorage.removeItem( 'igny8.access' );
	location.reload();
};
if ( state.token )
	load().catch( () => {
		sessionStorage.removeItem( 'igny8.access' );
		state.token = null;
	} );
