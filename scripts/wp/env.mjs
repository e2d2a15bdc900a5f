#!/usr/bin/env node
// A real WordPress 6.5.5 on SQLite, served by `php -S`, fully offline: used by `npm start`, the plugin's
// integration tests and the end-to-end tests. Core files come from @wp-playground/wordpress-builds.
//
//   node scripts/wp/env.mjs prepare --dir .state/wp --port 8888 [--password secret] [--url http://…]
//   node scripts/wp/env.mjs serve   --dir .state/wp --port 8888
//   node scripts/wp/env.mjs php     --dir .state/wp 'echo get_option( "home" );'

import { execFile, spawn, spawnSync } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, openSync, closeSync, readFileSync } from 'node:fs';
import fs from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs, promisify } from 'node:util';

const execFileP = promisify( execFile );

const HERE = path.dirname( fileURLToPath( import.meta.url ) );
const REPO = path.resolve( HERE, '../..' );
const BUILDS = path.join(
	REPO,
	'node_modules/@wp-playground/wordpress-builds'
);
const WP_ZIP = path.join( BUILDS, 'src/wordpress/wp-6.5.zip' );
const WP_STATIC = path.join( BUILDS, 'public/wp-6.5' );
const SQLITE_ZIP = path.join(
	BUILDS,
	'src/sqlite-database-integration/sqlite-database-integration.zip'
);
const SQLITE_SLUG = 'sqlite-database-integration';
const STATE_FILE = '.igny8-wp.json';
const PLUGIN_SLUG = 'igny8';

export const WP_VERSION = '6.5.5';
export const DEFAULT_PLUGIN_DIR = path.join( REPO, 'plugin' );

/** A TCP port nobody listens on right now (for tests that need their own WordPress). */
export function freePort( host = '127.0.0.1' ) {
	return new Promise( ( resolve, reject ) => {
		const server = net.createServer();
		server.unref();
		server.on( 'error', reject );
		server.listen( 0, host, () => {
			const { port } = server.address();
			server.close( () => resolve( port ) );
		} );
	} );
}

function isListening( host, port ) {
	return new Promise( ( resolve ) => {
		const socket = net.connect( { host, port } );
		socket.once( 'connect', () => {
			socket.destroy();
			resolve( true );
		} );
		socket.once( 'error', () => resolve( false ) );
	} );
}

/**
 * Installs (or refreshes) WordPress in `dir` for `url`, with the plugin folder symlinked and activated.
 * Idempotent: a second call keeps the database and only rewrites config, drop-ins and the symlink.
 * `shareCore: true` hard-links core files from a shared extracted copy instead of copying them: fast,
 * for throwaway test sites whose core files nobody edits.
 *
 * @returns {Promise<{ dir: string, url: string, adminUser: string, adminPassword: string }>}
 */
export async function prepareWordPress( {
	dir,
	url,
	pluginDir = DEFAULT_PLUGIN_DIR,
	adminUser = 'admin',
	adminPassword,
	adminEmail = 'admin@example.com',
	siteTitle = 'IGNY8 Local',
	extraConfig = [],
	shareCore = false,
} ) {
	if ( ! dir || ! url ) {
		throw new Error( 'prepareWordPress: dir and url are required' );
	}
	dir = path.resolve( dir );
	url = url.replace( /\/+$/, '' );
	for ( const file of [ WP_ZIP, SQLITE_ZIP ] ) {
		if ( ! existsSync( file ) ) {
			throw new Error(
				`Missing ${ file }: run npm install at the repository root.`
			);
		}
	}
	await fs.mkdir( dir, { recursive: true } );

	const state = await readState( dir );
	state.salts ??= makeSalts();
	state.adminPassword =
		adminPassword ??
		state.adminPassword ??
		randomBytes( 12 ).toString( 'base64url' );
	state.url = url;
	state.wp = WP_VERSION;

	const pluginsDir = path.join( dir, 'wp-content/plugins' );
	const sqliteDir = path.join( pluginsDir, SQLITE_SLUG );
	if (
		! existsSync( path.join( dir, 'wp-settings.php' ) ) ||
		! existsSync( path.join( sqliteDir, 'load.php' ) )
	) {
		const core = await coreCache();
		if ( shareCore ) {
			await execFileP( 'cp', [ '-al', `${ core }/.`, dir ] ).catch( () =>
				copyDir( core, dir )
			);
		} else {
			await copyDir( core, dir );
		}
	}

	const dbCopy = await fs.readFile(
		path.join( sqliteDir, 'db.copy' ),
		'utf8'
	);
	await fs.writeFile(
		path.join( dir, 'wp-content/db.php' ),
		dbCopy
			.replaceAll( '{SQLITE_IMPLEMENTATION_FOLDER_PATH}', sqliteDir )
			.replaceAll( '{SQLITE_PLUGIN}', `${ SQLITE_SLUG }/load.php` )
	);
	await fs.mkdir( path.join( dir, 'wp-content/database' ), {
		recursive: true,
	} );

	await fs.writeFile(
		path.join( dir, 'wp-config.php' ),
		wpConfig( { url, salts: state.salts, extraConfig } )
	);
	await fs.copyFile(
		path.join( HERE, 'router.php' ),
		path.join( dir, 'router.php' )
	);
	await fs.mkdir( path.join( dir, 'wp-content/mu-plugins' ), {
		recursive: true,
	} );
	await fs.copyFile(
		path.join( HERE, 'mu-plugins/igny8-dev-offline.php' ),
		path.join( dir, 'wp-content/mu-plugins/igny8-dev-offline.php' )
	);

	const link = path.join( pluginsDir, PLUGIN_SLUG );
	const target = path.resolve( pluginDir );
	const current = await fs.readlink( link ).catch( () => null );
	if ( current !== target ) {
		await fs.rm( link, { recursive: true, force: true } );
		await fs.symlink( target, link, 'dir' );
	}

	await writeState( dir, state );

	const setup = {
		title: siteTitle,
		user: adminUser,
		email: adminEmail,
		password: state.adminPassword,
		url,
		plugins: [ `${ PLUGIN_SLUG }/${ PLUGIN_SLUG }.php` ],
	};
	await php( dir, INSTALL_PHP, {
		IGNY8_SETUP: JSON.stringify( setup ),
		IGNY8_INSTALLING: '1',
	} );
	await php( dir, CONFIGURE_PHP, { IGNY8_SETUP: JSON.stringify( setup ) } );
	await php( dir, FLUSH_REWRITE_PHP );

	return { dir, url, adminUser, adminPassword: state.adminPassword };
}

/**
 * Serves `dir` with `php -S` in its own process group (4 workers, so WordPress → cloud → WordPress
 * round trips don't deadlock). Resolves once WordPress answers HTTP.
 *
 * @returns {Promise<{ url: string, pid: number, logFile: string, stop: () => Promise<void> }>}
 */
export async function startWordPress( {
	dir,
	port,
	host = '127.0.0.1',
	timeoutMs = 20000,
} ) {
	dir = path.resolve( dir );
	if ( ! existsSync( path.join( dir, 'router.php' ) ) ) {
		throw new Error(
			`${ dir } is not prepared: call prepareWordPress first.`
		);
	}
	const url = `http://${ host }:${ port }`;
	if ( await isListening( host, port ) ) {
		throw new Error( `Port ${ port } on ${ host } is already in use.` );
	}
	const logFile = path.join( dir, 'php-server.log' );
	const fd = openSync( logFile, 'a' );
	const child = spawn(
		'php',
		[
			'-d',
			'display_errors=0',
			'-d',
			'log_errors=1',
			'-d',
			'memory_limit=512M',
			'-d',
			'upload_max_filesize=64M',
			'-d',
			'post_max_size=64M',
			'-S',
			`${ host }:${ port }`,
			'-t',
			dir,
			path.join( dir, 'router.php' ),
		],
		{
			cwd: dir,
			detached: true,
			stdio: [ 'ignore', fd, fd ],
			env: { ...process.env, PHP_CLI_SERVER_WORKERS: '4' },
		}
	);
	closeSync( fd );
	child.unref();

	let exited = null;
	const exitPromise = new Promise( ( resolve ) =>
		child.once( 'exit', ( code, signal ) =>
			resolve( ( exited = { code, signal } ) )
		)
	);
	const killGroup = ( signal ) => {
		try {
			process.kill( -child.pid, signal );
		} catch {
			// Already gone.
		}
	};
	// If our Node process dies first, don't leave an orphan server holding the port.
	const onExit = () => killGroup( 'SIGKILL' );
	process.once( 'exit', onExit );

	const stop = async () => {
		process.removeListener( 'exit', onExit );
		if ( exited ) {
			return;
		}
		killGroup( 'SIGTERM' );
		const timer = setTimeout( () => killGroup( 'SIGKILL' ), 3000 );
		await exitPromise;
		clearTimeout( timer );
	};

	const deadline = Date.now() + timeoutMs;
	for (;;) {
		if ( exited ) {
			throw new Error(
				`php -S exited (${ exited.code ?? exited.signal }):\n${ tail( logFile ) }`
			);
		}
		try {
			const res = await fetch( `${ url }/wp-login.php`, {
				redirect: 'manual',
				signal: AbortSignal.timeout( 2000 ),
			} );
			await res.arrayBuffer();
			break;
		} catch ( error ) {
			if ( Date.now() > deadline ) {
				await stop();
				throw new Error(
					`WordPress did not answer on ${ url }: ${ error.message }\n${ tail( logFile ) }`
				);
			}
			await new Promise( ( r ) => setTimeout( r, 100 ) );
		}
	}
	return { url, pid: child.pid, logFile, stop };
}

/**
 * Runs PHP statements (no opening tag needed) after `require wp-load.php`, as a CLI request to the
 * site's own URL. Resolves with stdout; rejects with stderr/stdout when PHP exits non-zero.
 */
export async function runPhp( dir, phpCode, env = {} ) {
	return php( path.resolve( dir ), phpCode.replace( /^\s*<\?php/, '' ), env );
}

async function php( dir, body, env = {} ) {
	const state = await readState( dir );
	const url = new URL( state.url ?? 'http://127.0.0.1' );
	const prelude = `<?php
$_SERVER['HTTP_HOST'] = ${ phpString( url.host ) };
$_SERVER['SERVER_NAME'] = ${ phpString( url.hostname ) };
$_SERVER['SERVER_PORT'] = ${ phpString( url.port || ( url.protocol === 'https:' ? '443' : '80' ) ) };
$_SERVER['REQUEST_URI'] = '/';
$_SERVER['REQUEST_METHOD'] = 'GET';
$_SERVER['REMOTE_ADDR'] = '127.0.0.1';
${ url.protocol === 'https:' ? "$_SERVER['HTTPS'] = 'on';" : '' }
if ( getenv( 'IGNY8_INSTALLING' ) ) { define( 'WP_INSTALLING', true ); }
require __DIR__ . '/wp-load.php';
`;
	const file = path.join( dir, `.igny8-run-${ randomUUID() }.php` );
	await fs.writeFile( file, prelude + body );
	try {
		const { stdout } = await execFileP(
			'php',
			[ '-d', 'display_errors=stderr', '-d', 'memory_limit=512M', file ],
			{
				cwd: dir,
				env: { ...process.env, ...env },
				maxBuffer: 64 * 1024 * 1024,
			}
		);
		return stdout;
	} catch ( error ) {
		throw new Error(
			`PHP failed (exit ${ error.code }):\n${ error.stderr }${ error.stdout }`
		);
	} finally {
		await fs.rm( file, { force: true } );
	}
}

// ---------------------------------------------------------------------------------------------

const INSTALL_PHP = `
require_once ABSPATH . 'wp-admin/includes/upgrade.php';
$setup = json_decode( getenv( 'IGNY8_SETUP' ), true );
if ( ! is_blog_installed() ) {
	// wp_install() probes pretty permalinks over HTTP; the server isn't running yet, and we set them below.
	add_filter( 'pre_http_request', function () { return new WP_Error( 'igny8_offline', 'Installing.' ); } );
	$result = wp_install( $setup['title'], $setup['user'], $setup['email'], true, '', wp_slash( $setup['password'] ) );
	if ( empty( $result['user_id'] ) ) {
		fwrite( STDERR, 'wp_install failed' );
		exit( 1 );
	}
}
`;

const CONFIGURE_PHP = `
require_once ABSPATH . 'wp-admin/includes/plugin.php';
$setup = json_decode( getenv( 'IGNY8_SETUP' ), true );

update_option( 'home', $setup['url'] );
update_option( 'siteurl', $setup['url'] );
update_option( 'blogname', $setup['title'] );

$user = get_user_by( 'login', $setup['user'] );
if ( $user && ! wp_check_password( $setup['password'], $user->user_pass, $user->ID ) ) {
	wp_set_password( $setup['password'], $user->ID );
}

// The rules themselves are written by FLUSH_REWRITE_PHP, in a new request: this one registered the
// taxonomies on init before the structure was set, without their permastructs (category and tag
// archives would 404 until the next flush).
global $wp_rewrite;
if ( '/%postname%/' !== get_option( 'permalink_structure' ) ) {
	$wp_rewrite->set_permalink_structure( '/%postname%/' );
}

// Silent: the SQLite plugin would otherwise redirect (and exit) on activation.
if ( is_plugin_inactive( '${ SQLITE_SLUG }/load.php' ) ) {
	activate_plugin( '${ SQLITE_SLUG }/load.php', '', false, true );
}
foreach ( $setup['plugins'] as $plugin ) {
	if ( is_plugin_active( $plugin ) ) {
		continue;
	}
	$result = activate_plugin( $plugin );
	if ( is_wp_error( $result ) ) {
		fwrite( STDERR, $plugin . ': ' . $result->get_error_message() . ' ' . wp_json_encode( $result->get_error_data() ) );
		exit( 1 );
	}
}
`;

// Run after CONFIGURE_PHP in a fresh load of WordPress, whose init ran with the permalink structure set
// (and the plugins active): every post type's and taxonomy's rules are there to flush.
const FLUSH_REWRITE_PHP = `
flush_rewrite_rules( false );
`;

function wpConfig( { url, salts, extraConfig } ) {
	const lines = [
		'<?php',
		'// Written by scripts/wp/env.mjs: local WordPress on SQLite (wp-content/db.php). Regenerated on prepare.',
		"define( 'DB_NAME', 'wordpress' );",
		"define( 'DB_USER', 'wordpress' );",
		"define( 'DB_PASSWORD', '' );",
		"define( 'DB_HOST', 'localhost' );",
		"define( 'DB_CHARSET', 'utf8mb4' );",
		"define( 'DB_COLLATE', '' );",
		...Object.entries( salts ).map(
			( [ k, v ] ) => `define( '${ k }', ${ phpString( v ) } );`
		),
		"$table_prefix = 'wp_';",
		'',
		'// extraConfig',
		...( Array.isArray( extraConfig ) ? extraConfig : [ extraConfig ] ),
		'',
		`defined( 'WP_HOME' ) || define( 'WP_HOME', ${ phpString( url ) } );`,
		`defined( 'WP_SITEURL' ) || define( 'WP_SITEURL', ${ phpString( url ) } );`,
		"defined( 'WP_DEBUG' ) || define( 'WP_DEBUG', false );",
		// 'local' makes Application Passwords available over plain http.
		"defined( 'WP_ENVIRONMENT_TYPE' ) || define( 'WP_ENVIRONMENT_TYPE', 'local' );",
		"defined( 'WP_HTTP_BLOCK_EXTERNAL' ) || define( 'WP_HTTP_BLOCK_EXTERNAL', true );",
		"defined( 'DISABLE_WP_CRON' ) || define( 'DISABLE_WP_CRON', false );",
		"defined( 'AUTOMATIC_UPDATER_DISABLED' ) || define( 'AUTOMATIC_UPDATER_DISABLED', true );",
		"defined( 'WP_AUTO_UPDATE_CORE' ) || define( 'WP_AUTO_UPDATE_CORE', false );",
		"defined( 'FS_METHOD' ) || define( 'FS_METHOD', 'direct' );",
		'',
		"if ( ! defined( 'ABSPATH' ) ) {",
		"\tdefine( 'ABSPATH', __DIR__ . '/' );",
		'}',
		"require_once ABSPATH . 'wp-settings.php';",
		'',
	];
	return lines.join( '\n' );
}

function makeSalts() {
	const names = [
		'AUTH_KEY',
		'SECURE_AUTH_KEY',
		'LOGGED_IN_KEY',
		'NONCE_KEY',
		'AUTH_SALT',
		'SECURE_AUTH_SALT',
		'LOGGED_IN_SALT',
		'NONCE_SALT',
	];
	return Object.fromEntries(
		names.map( ( n ) => [ n, randomBytes( 48 ).toString( 'base64' ) ] )
	);
}

function phpString( value ) {
	return `'${ String( value ).replace( /[\\']/g, '\\$&' ) }'`;
}

async function readState( dir ) {
	try {
		return JSON.parse(
			await fs.readFile( path.join( dir, STATE_FILE ), 'utf8' )
		);
	} catch {
		return {};
	}
}

async function writeState( dir, state ) {
	await fs.writeFile(
		path.join( dir, STATE_FILE ),
		JSON.stringify( state, null, '\t' )
	);
}

/**
 * WordPress core (zip + static files) and the SQLite plugin, extracted once per package version into
 * the temp dir; sites are copied (or hard-linked) from it. Nothing in it is ever written to by a site:
 * wp-config.php, db.php, the database and mu-plugins are all per site.
 */
async function coreCache() {
	const { version } = JSON.parse(
		await fs.readFile( path.join( BUILDS, 'package.json' ), 'utf8' )
	);
	const cache = path.join(
		os.tmpdir(),
		`igny8-wp-core-${ WP_VERSION }-${ version }`
	);
	if ( existsSync( path.join( cache, 'wp-settings.php' ) ) ) {
		return cache;
	}
	const tmp = `${ cache }.tmp-${ randomUUID() }`;
	// The zip is a "minified" build: CSS, JS, fonts and images live in public/wp-6.5/. Copy those
	// first, then let the zip's own copy win where both have a file.
	await fs.mkdir( tmp, { recursive: true } );
	await copyDir( WP_STATIC, tmp );
	await unzip( WP_ZIP, tmp );
	// The build ships a pre-made Playground database and config; each site gets its own.
	await fs.rm( path.join( tmp, 'wp-content/database/.ht.sqlite' ), {
		force: true,
	} );
	await fs.rm( path.join( tmp, 'wp-config.php' ), { force: true } );
	await fs.rm( path.join( tmp, 'wp-content/plugins/hello.php' ), {
		force: true,
	} );

	const unpacked = path.join( tmp, '.sqlite' );
	await unzip( SQLITE_ZIP, unpacked );
	const [ inner ] = await fs.readdir( unpacked );
	await fs.rename(
		path.join( unpacked, inner ),
		path.join( tmp, 'wp-content/plugins', SQLITE_SLUG )
	);
	await fs.rm( unpacked, { recursive: true, force: true } );

	try {
		await fs.rename( tmp, cache );
	} catch {
		await fs.rm( tmp, { recursive: true, force: true } ); // Another process built it first.
	}
	return cache;
}

async function copyDir( from, to ) {
	try {
		await execFileP( 'cp', [ '-R', `${ from }/.`, to ] ); // Much faster than fs.cp for ~2,000 files.
	} catch {
		await fs.cp( from, to, { recursive: true, force: true } );
	}
}

let hasUnzip;
async function unzip( zip, dest ) {
	await fs.mkdir( dest, { recursive: true } );
	hasUnzip ??=
		spawnSync( 'unzip', [ '-v' ], { stdio: 'ignore' } ).status === 0;
	if ( hasUnzip ) {
		await execFileP( 'unzip', [ '-qo', zip, '-d', dest ], {
			maxBuffer: 16 * 1024 * 1024,
		} );
		return;
	}
	const code = `$z = new ZipArchive(); if ( true !== $z->open( $argv[1] ) || ! $z->extractTo( $argv[2] ) ) { exit( 1 ); }`;
	await execFileP( 'php', [ '-r', code, zip, dest ] );
}

function tail( file, lines = 30 ) {
	try {
		return readFileSync( file, 'utf8' )
			.split( '\n' )
			.slice( -lines )
			.join( '\n' );
	} catch {
		return '';
	}
}

// ---------------------------------------------------------------------------------------------

async function cli() {
	const { values, positionals } = parseArgs( {
		allowPositionals: true,
		options: {
			dir: { type: 'string', default: path.join( REPO, '.state/wp' ) },
			port: { type: 'string', default: '8888' },
			host: { type: 'string', default: '127.0.0.1' },
			url: { type: 'string' },
			password: { type: 'string' },
			plugin: { type: 'string' },
		},
	} );
	const [ command, ...rest ] = positionals;
	const port = Number( values.port );
	if ( command === 'prepare' ) {
		const started = Date.now();
		const site = await prepareWordPress( {
			dir: values.dir,
			url: values.url ?? `http://${ values.host }:${ port }`,
			adminPassword: values.password,
			pluginDir: values.plugin ?? DEFAULT_PLUGIN_DIR,
		} );
		console.log(
			`WordPress ${ WP_VERSION } ready in ${ site.dir } (${ Date.now() - started } ms)`
		);
		console.log(
			`  ${ site.url }/wp-admin/  user: ${ site.adminUser }  password: ${ site.adminPassword }`
		);
	} else if ( command === 'serve' ) {
		const server = await startWordPress( {
			dir: values.dir,
			port,
			host: values.host,
		} );
		console.log(
			`WordPress on ${ server.url } (log: ${ server.logFile }). Ctrl-C to stop.`
		);
		const shutdown = async () => {
			await server.stop();
			process.exit( 0 );
		};
		process.on( 'SIGINT', shutdown );
		process.on( 'SIGTERM', shutdown );
		setInterval( () => {}, 1 << 30 ); // The server is detached and unref'd: stay alive until a signal.
	} else if ( command === 'php' ) {
		process.stdout.write( await runPhp( values.dir, rest.join( ' ' ) ) );
	} else {
		console.error(
			'Usage: node scripts/wp/env.mjs prepare|serve|php [--dir D] [--port P] [--host H] [--url U] [--password X]'
		);
		process.exitCode = 1;
	}
}

if (
	process.argv[ 1 ] &&
	path.resolve( process.argv[ 1 ] ) === fileURLToPath( import.meta.url )
) {
	cli().catch( ( error ) => {
		console.error( error.message );
		process.exit( 1 );
	} );
}
