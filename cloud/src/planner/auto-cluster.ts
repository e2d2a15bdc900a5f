// Algorithmic auto-clustering of a sector (no AI, no credits): the shared clusterer decides, this writes
// the new clusters, the links and the counts in one transaction.
import { sql } from 'drizzle-orm';
import { clusterKeywords, type ExistingCluster } from '@igny8/shared';
import { transaction, type Db } from '../db';
import { clusters, keywordClusters, keywords } from '../db/schema';
import { AppError } from '../lib/errors';
import { jsonIds } from '../lib/keyset';
import type { Sector, Site } from '../lib/resources';
import { assertClusterRoom, recountStatement } from './clusters';

const CHUNK = 5000;

export async function autoCluster(db: Db, site: Site, sector: Sector, keywordIds?: number[]) {
  const candidates = await db.all<{ id: number; keyword: string; volume: number | null }>(
    sql`SELECT k.id, k.keyword, k.volume FROM ${keywords} k
        WHERE k.account_id = ${site.accountId} AND k.sector_id = ${sector.id} AND k.status != 'inactive'
          ${keywordIds ? sql`AND k.id IN ${jsonIds(keywordIds)}` : sql``}
          AND NOT EXISTS (SELECT 1 FROM ${keywordClusters} kc WHERE kc.keyword_id = k.id)`,
  );
  const members = await db.all<{ cluster_id: number; name: string; id: number; keyword: string; volume: number | null }>(
    sql`SELECT c.id AS cluster_id, c.name, k.id, k.keyword, k.volume FROM ${clusters} c
        JOIN ${keywordClusters} kc ON kc.cluster_id = c.id JOIN ${keywords} k ON k.id = kc.keyword_id
        WHERE c.account_id = ${site.accountId} AND c.sector_id = ${sector.id} AND c.status = 'active'`,
  );
  const existing = new Map<number, ExistingCluster>();
  for (const m of members) {
    const c = existing.get(m.cluster_id) ?? { id: m.cluster_id, name: m.name, keywords: [] };
    c.keywords.push({ id: m.id, keyword: m.keyword, volume: m.volume });
    existing.set(m.cluster_id, c);
  }
  const result = clusterKeywords(candidates, { existing: [...existing.values()] });
  await assertClusterRoom(db, site.accountId, result.clusters.length);

  for (let attempt = 0; ; attempt++) {
    try {
      await writeResult(db, site, sector, result);
      break;
    } catch (err) {
      // Another run took the same new cluster ids: the transaction rolled back; take fresh ids.
      if (attempt < 3 && /UNIQUE|PRIMARY KEY|constraint/i.test(String(err))) continue;
      throw err;
    }
  }
  const clustered = result.clusters.reduce((s, c) => s + c.keywordIds.length, 0) + result.extended.reduce((s, e) => s + e.keywordIds.length, 0);
  return {
    mode: 'algorithmic' as const,
    keywords_considered: candidates.length,
    clusters_created: result.clusters.length,
    clusters_extended: result.extended.filter((e) => e.keywordIds.length > 0).length,
    keywords_clustered: clustered,
    unclustered: result.unclustered.length,
    credits_charged: 0 as const,
  };
}

async function writeResult(db: Db, site: Site, sector: Sector, result: ReturnType<typeof clusterKeywords>) {
  const [top] = await db.all<{ id: number }>(
    sql`SELECT max(coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'clusters'), 0), coalesce((SELECT max(id) FROM ${clusters}), 0)) AS id`,
  );
  let next = (top?.id ?? 0) + 1;
  const newClusters = result.clusters.map((c) => ({ id: next++, ...c }));
  const links: [number, number][] = [];
  for (const c of newClusters) for (const k of c.keywordIds) links.push([k, c.id]);
  for (const e of result.extended) for (const k of e.keywordIds) links.push([k, e.clusterId]);
  const touched = [...newClusters.map((c) => c.id), ...result.extended.map((e) => e.clusterId)];
  if (!touched.length) return;

  const statements = [];
  for (let i = 0; i < newClusters.length; i += CHUNK) {
    const rows = JSON.stringify(newClusters.slice(i, i + CHUNK).map((c) => [c.id, c.name]));
    statements.push(
      sql`INSERT INTO ${clusters} (id, account_id, site_id, sector_id, name, source)
        SELECT json_extract(value, '$[0]'), ${site.accountId}, ${site.id}, ${sector.id}, json_extract(value, '$[1]'), 'algorithmic' FROM json_each(${rows})`,
    );
  }
  for (let i = 0; i < links.length; i += CHUNK) {
    // Only keywords of this sector that are still unclustered: a concurrent run cannot double-file them.
    statements.push(
      sql`INSERT INTO ${keywordClusters} (keyword_id, cluster_id, account_id)
        SELECT json_extract(j.value, '$[0]'), json_extract(j.value, '$[1]'), ${site.accountId} FROM json_each(${JSON.stringify(links.slice(i, i + CHUNK))}) j
        JOIN ${keywords} k ON k.id = json_extract(j.value, '$[0]') AND k.sector_id = ${sector.id}
        WHERE NOT EXISTS (SELECT 1 FROM ${keywordClusters} x WHERE x.keyword_id = k.id)`,
    );
  }
  statements.push(recountStatement(touched));
  await transaction(db, statements);
}

export function aiClusteringUnavailable(): never {
  throw new AppError('unprocessable', 'Clustering with AI needs an AI provider: configure one in Settings → AI providers (or use mode "algorithmic", which is free)');
}

