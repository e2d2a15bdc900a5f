#!/usr/bin/env node
// Operator commands: the only way (besides another developer) to make developer and system_bot users.
//   node scripts/operator.mjs make-developer EMAIL [--remote]
//   node scripts/operator.mjs make-system-bot EMAIL [--remote]
//   node scripts/operator.mjs set-plan EMAIL PLAN_SLUG [--remote]   (the account of EMAIL moves to the plan)
//   node scripts/operator.mjs grant-credits EMAIL AMOUNT [--remote]  (adds credits to the account of EMAIL, in the ledger)
// --persist-to DIR names another local state folder than .state/wrangler.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { REPO } from './dev/cloud.mjs';

const args = process.argv.slice( 2 );
const flags = args.filter(
	( a, i ) => a.startsWith( '--' ) || args[ i - 1 ] === '--persist-to'
);
const [ command, email, plan ] = args.filter( ( a ) => ! flags.includes( a ) );
const roles = {
	'make-developer': 'developer',
	'make-system-bot': 'system_bot',
};
const role = roles[ command ];
const badArgument =
	( command === 'set-plan' && ! /^[a-z0-9-]+$/.test( plan ?? '' ) ) ||
	( command === 'grant-credits' &&
		! ( /^\d{1,7}$/.test( plan ?? '' ) && Number( plan ) > 0 ) );
if (
	( ! role && command !== 'set-plan' && command !== 'grant-credits' ) ||
	! email ||
	badArgument
) {
	console.error(
		'usage: node scripts/operator.mjs make-developer|make-system-bot EMAIL | set-plan EMAIL PLAN_SLUG | grant-credits EMAIL AMOUNT [--remote] [--persist-to DIR]'
	);
	process.exit( 2 );
}
// wrangler d1 execute takes no bound parameters: accept only plain addresses.
if ( ! /^[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}$/.test( email ) ) {
	console.error( `not a plain email address: ${ email }` );
	process.exit( 2 );
}
const persistAt = args.indexOf( '--persist-to' );
const persist =
	persistAt >= 0
		? path.resolve( args[ persistAt + 1 ] )
		: path.join( REPO, '.state/wrangler' );
const where = flags.includes( '--remote' )
	? [ '--remote' ]
	: [ '--local', '--persist-to', persist ];
const who = email.toLowerCase();
const account = `(SELECT account_id FROM users WHERE email = '${ who }')`;
// The grant and its ledger row land together (one execute is one transaction), so the balance still
// equals the sum of the ledger.
const grantSql = `UPDATE accounts SET credits = credits + ${ Number( plan ) }, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ','now') WHERE id = ${ account };
INSERT INTO credit_transactions (account_id, type, amount, balance_after, reference, description)
  SELECT id, 'topup', ${ Number( plan ) }, credits, 'topup:operator', 'Granted by an operator' FROM accounts WHERE id = ${ account } AND changes() = 1
  RETURNING account_id AS id, '${ who }' AS email, balance_after AS role;`;
const sql =
	command === 'grant-credits'
		? grantSql
		: command === 'set-plan'
			? `UPDATE subscriptions SET plan_id = (SELECT id FROM plans WHERE slug = '${ plan }') WHERE account_id = (SELECT account_id FROM users WHERE email = '${ who }') AND EXISTS (SELECT 1 FROM plans WHERE slug = '${ plan }') RETURNING account_id AS id, '${ who }' AS email, '${ plan }' AS role;`
			: `UPDATE users SET role = '${ role }', updated_at = strftime('%Y-%m-%dT%H:%M:%fZ','now') WHERE email = '${ who }' RETURNING id, email, role;`;
const res = spawnSync(
	path.join( REPO, 'node_modules/.bin/wrangler' ),
	[ 'd1', 'execute', 'DB', ...where, '--json', '--command', sql ],
	{
		cwd: REPO,
		encoding: 'utf8',
		env: {
			...process.env,
			WRANGLER_SEND_METRICS: 'false',
			CLOUDFLARE_CF_FETCH_ENABLED: 'false',
		},
	}
);
if ( res.status !== 0 ) {
	console.error( res.stderr || res.stdout );
	process.exit( 1 );
}
const rows = JSON.parse( res.stdout ).at( -1 )?.results ?? [];
if ( ! rows.length ) {
	console.error(
		command === 'set-plan'
			? `no user with the email ${ email }, or no plan ${ plan }`
			: `no user with the email ${ email }`
	);
	process.exit( 1 );
}
if ( command === 'grant-credits' )
	console.log(
		`the account of ${ rows[ 0 ].email } got ${ plan } credits; its balance is ${ rows[ 0 ].role }`
	);
else
	console.log(
		command === 'set-plan'
			? `the account of ${ rows[ 0 ].email } is now on the ${ plan } plan`
			: `${ rows[ 0 ].email } is now ${ rows[ 0 ].role }`
	);
