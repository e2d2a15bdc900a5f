#!/usr/bin/env node
// `npm start`: the product on its embedded defaults. Installs what is missing, builds the plugin, starts
// the cloud (wrangler dev: local D1/Queues/R2) and a real WordPress 6.5.5 with the plugin connected,
// seeds a demo account and prints where everything is. Ctrl-C stops all of it.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = path.resolve(
	path.dirname( fileURLToPath( import.meta.url ) ),
	'..'
);
const run = ( cmd, args, opts = {} ) => {
	const res = spawnSync( cmd, args, {
		cwd: REPO,
		stdio: 'inherit',
		...opts,
	} );
	if ( res.status !== 0 )
		throw new Error(
			`${ cmd } ${ args.join( ' ' ) } failed (${ res.status ?? res.signal })`
		);
};
const has = ( cmd ) =>
	spawnSync( 'sh', [ '-c', `command -v ${ cmd }` ], { stdio: 'ignore' } )
		.status === 0;

function ensureSystemPackages() {
	const phpOk =
		has( 'php' ) &&
		spawnSync( 'php', [
			'-r',
			'exit(extension_loaded("pdo_sqlite") && class_exists("ZipArchive") ? 0 : 1);',
		] ).status === 0;
	if ( phpOk ) return;
	if ( process.getuid?.() !== 0 ) {
		throw new Error(
			'PHP 8 with sqlite3, xml, mbstring, curl, zip, gd and intl is needed: sudo bash scripts/install-system-deps.sh'
		);
	}
	run( 'bash', [ 'scripts/install-system-deps.sh', '--no-browser' ] );
}

async function main() {
	ensureSystemPackages();
	if ( ! existsSync( path.join( REPO, 'node_modules/.bin/wrangler' ) ) )
		run( 'npm', [ 'ci', '--no-audit', '--no-fund' ] );
	console.log( 'Building the plugin…' );
	run( 'npm', [ 'run', 'build', '--silent' ] );

	const { startStack, DEMO } = await import( './dev/stack.mjs' );
	const stateDir = path.join( REPO, '.state' );
	const stack = await startStack( {
		stateDir,
		cloudPort: Number( process.env.IGNY8_CLOUD_PORT ?? 8787 ),
		wpPort: Number( process.env.IGNY8_WP_PORT ?? 8888 ),
		log: ( m ) => console.log( m ),
	} );

	console.log( `
IGNY8 is running (state in .state/; delete it for a fresh start).

  Cloud API ............ ${ stack.cloudUrl }/api/v1   (docs: ${ stack.cloudUrl }/api/docs)
  Agency dashboard ..... ${ stack.cloudUrl }/          login ${ DEMO.email } / ${ DEMO.password }
  WordPress ............ ${ stack.wpUrl }/
  wp-admin ............. ${ stack.wpUrl }/wp-admin/     login ${ stack.wpAdmin.user } / ${ stack.wpAdmin.password }
  IGNY8 settings ....... ${ stack.wpUrl }/wp-admin/admin.php?page=igny8-settings
  Site "${ stack.demo.site.name }" (id ${ stack.demo.site.id }) is connected to WordPress.

AI functions need a provider: save one in the dashboard (AI providers), or set OPENAI_API_KEY (and OPENAI_BASE_URL) in .dev.vars.
Press Ctrl-C to stop.` );

	let stopping = false;
	const stop = async () => {
		if ( stopping ) return;
		stopping = true;
		console.log( '\nStopping…' );
		await stack.stop();
		process.exit( 0 );
	};
	process.on( 'SIGINT', stop );
	process.on( 'SIGTERM', stop );
	setInterval( () => {}, 1 << 30 );
}

main().catch( ( err ) => {
	console.error( err.message ?? err );
	process.exit( 1 );
} );
