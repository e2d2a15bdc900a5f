#!/usr/bin/env node
// Operator commands: the only way (besides another developer) to make developer and system_bot users.
//   node scripts/operator.mjs make-developer EMAIL [--remote]
//   node scripts/operator.mjs make-system-bot EMAIL [--remote]
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { REPO } from './dev/cloud.mjs';

const [command, email, ...flags] = process.argv.slice(2);
const roles = { 'make-developer': 'developer', 'make-system-bot': 'system_bot' };
const role = roles[command];
if (!role || !email) {
  console.error('usage: node scripts/operator.mjs make-developer|make-system-bot EMAIL [--remote]');
  process.exit(2);
}
// wrangler d1 execute takes no bound parameters: accept only plain addresses.
if (!/^[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}$/.test(email)) {
  console.error(`not a plain email address: ${email}`);
  process.exit(2);
}
const where = flags.includes('--remote') ? ['--remote'] : ['--local', '--persist-to', path.join(REPO, '.state/wrangler')];
const sql = `UPDATE users SET role = '${role}', updated_at = strftime('%Y-%m-%dT%H:%M:%fZ','now') WHERE email = '${email.toLowerCase()}' RETURNING id, email, role;`;
const res = spawnSync(path.join(REPO, 'node_modules/.bin/wrangler'), ['d1', 'execute', 'DB', ...where, '--json', '--command', sql], {
  cwd: REPO,
  encoding: 'utf8',
  env: { ...process.env, WRANGLER_SEND_METRICS: 'false', CLOUDFLARE_CF_FETCH_ENABLED: 'false' },
});
if (res.status !== 0) {
  console.error(res.stderr || res.stdout);
  process.exit(1);
}
const rows = JSON.parse(res.stdout)[0]?.results ?? [];
if (!rows.length) {
  console.error(`no user with the email ${email}`);
  process.exit(1);
}
console.log(`${rows[0].email} is now ${rows[0].role}`);
