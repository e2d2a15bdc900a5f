// Shared set-up for the cloud benchmarks: a fresh local cloud (wrangler dev, local D1) with an account on
// the agency plan and one site, reached over HTTP on loopback like a real client.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { REPO, startCloud } from '../scripts/dev/cloud.mjs';
import { demoOwner, demoSite } from '../scripts/dev/stack.mjs';
import { freePort } from '../scripts/wp/env.mjs';

export async function benchCloud() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'igny8-bench-'));
  const cloud = await startCloud({ port: await freePort(), persistDir: dir });
  const who = { email: 'bench@example.test', password: 'bench-password-1', account: 'Bench' };
  await demoOwner(cloud.url, who);
  const plan = spawnSync('node', [path.join(REPO, 'scripts/operator.mjs'), 'set-plan', who.email, 'agency', '--persist-to', dir], { encoding: 'utf8' });
  if (plan.status !== 0) throw new Error(plan.stderr);
  const owner = await demoOwner(cloud.url, who); // a fresh token after the plan change
  const site = await demoSite(cloud.url, owner.access, 'Bench site');
  const sectors = await (await fetch(`${cloud.url}/api/v1/auth/sites/${site.id}/sectors`, { headers: { authorization: `Bearer ${owner.access}` } })).json();
  return {
    url: cloud.url,
    token: owner.access,
    site,
    sector: sectors.results[0],
    async stop() {
      await cloud.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A deterministic PRNG (mulberry32) so every run measures the same data. */
export function rng(seed = 42) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const HEADS = ['running shoes', 'coffee grinder', 'espresso machine', 'yoga mat', 'standing desk', 'air fryer', 'trail bike', 'gaming chair', 'water filter', 'rain jacket', 'tent', 'blender', 'office chair', 'hiking boots', 'smart watch', 'kettle', 'sofa bed', 'dog bed', 'baby stroller', 'robot vacuum'];
const MODS = ['best', 'cheap', 'top', 'how to clean', 'how to choose', 'review', 'price', 'vs', 'for beginners', 'for men', 'for women', 'near me', 'buy', 'sale', '2026', 'small', 'large', 'portable', 'electric', 'manual'];
const INTENTS = ['informational', 'commercial', 'transactional', 'navigational'];

/** n distinct keyword rows (keyword, volume, difficulty, intent). */
export function keywordRows(n, seed = 7) {
  const r = rng(seed);
  const rows = [];
  for (let i = 0; rows.length < n; i++) {
    const head = HEADS[i % HEADS.length];
    const mod = MODS[Math.floor(i / HEADS.length) % MODS.length];
    const variant = Math.floor(i / (HEADS.length * MODS.length));
    rows.push({
      keyword: `${mod} ${head}${variant ? ` ${variant}` : ''}`,
      volume: Math.floor(10 ** (1 + r() * 4)),
      difficulty: Math.floor(r() * 101),
      intent: INTENTS[Math.floor(r() * 4)],
    });
  }
  return rows;
}

export function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}
