// Test helpers: call the whole Worker through its default export, and make accounts and users.
import { env } from 'cloudflare:workers';
import { createExecutionContext } from 'cloudflare:test';
import worker from '../src/index';

let ipCounter = 0;
/** Each helper-made caller gets its own address, so per-IP limits don't couple unrelated tests. */
export function freshIp() {
	ipCounter += 1;
	return `10.${ ( ipCounter >> 16 ) & 255 }.${ ( ipCounter >> 8 ) & 255 }.${ ipCounter & 255 }`;
}

export interface CallOptions {
	token?: string;
	body?: unknown;
	raw?: string;
	headers?: Record< string, string >;
	ip?: string;
}

export async function api(
	method: string,
	path: string,
	opts: CallOptions = {}
) {
	const headers: Record< string, string > = {
		'cf-connecting-ip': opts.ip ?? freshIp(),
		...( opts.headers ?? {} ),
	};
	if ( opts.token ) headers.authorization = `Bearer ${ opts.token }`;
	let body: string | undefined;
	if ( opts.raw !== undefined ) body = opts.raw;
	else if ( opts.body !== undefined ) body = JSON.stringify( opts.body );
	if ( body !== undefined && ! headers[ 'content-type' ] )
		headers[ 'content-type' ] = 'application/json';
	// The Worker's own fetch handler, called in this isolate. (Going through `exports.default.fetch`
	// instead costs a little more on every call: after 500 calls a request took 240 ms instead of 5.)
	const res = await worker.fetch(
		new Request(
			`http://cloud.test${ path.startsWith( '/api' ) ? '' : '/api/v1' }${ path }`,
			{ method, headers, body }
		),
		env,
		createExecutionContext()
	);
	const text = await res.text();
	// The body as the tests read it: any on purpose, since asserting on its fields is the point.
	// eslint-disable-next-line @typescript-eslint/no-explicit-any
	let json: any = null;
	try {
		json = JSON.parse( text );
	} catch {
		json = null;
	}
	return { status: res.status, json, text, headers: res.headers };
}

let seq = 0;
export function uniqueEmail( prefix = 'user' ) {
	seq += 1;
	return `${ prefix }.${ Date.now().toString( 36 ) }.${ seq }@example.test`;
}

export const PASSWORD = 'correct-horse-42';

export async function signup( accountName = 'Acme' ) {
	const email = uniqueEmail( 'owner' );
	const res = await api( 'POST', '/auth/signup', {
		body: { email, password: PASSWORD, account_name: accountName },
		ip: freshIp(),
	} );
	if ( res.status !== 201 )
		throw new Error( `signup failed: ${ res.status } ${ res.text }` );
	return {
		email,
		token: res.json.data.access as string,
		refresh: res.json.data.refresh as string,
		account: res.json.data.account,
		user: res.json.data.user,
	};
}

export async function loginAs( email: string, password = PASSWORD ) {
	const res = await api( 'POST', '/auth/login', {
		body: { email, password },
		ip: freshIp(),
	} );
	if ( res.status !== 200 )
		throw new Error( `login failed: ${ res.status } ${ res.text }` );
	return res.json.data.access as string;
}

/** A user of the owner's account with a role, signed in. */
export async function addUser( ownerToken: string, role: string ) {
	const email = uniqueEmail( role );
	const res = await api( 'POST', '/auth/users', {
		token: ownerToken,
		body: { email, role, password: PASSWORD },
	} );
	if ( res.status !== 201 )
		throw new Error( `add user failed: ${ res.status } ${ res.text }` );
	return {
		id: res.json.data.id as number,
		email,
		token: await loginAs( email ),
	};
}

export async function createSite( token: string, name = 'Site' ) {
	const res = await api( 'POST', '/auth/sites', { token, body: { name } } );
	if ( res.status !== 201 )
		throw new Error( `create site failed: ${ res.status } ${ res.text }` );
	return res.json.data as { id: number; name: string; account_id: number };
}
