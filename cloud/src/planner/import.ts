// CSV import: parse, insert the good rows in a few large statements, file keywords into named clusters.
import { and, eq, sql } from 'drizzle-orm';
import { transaction, type Db } from '../db';
import { clusters, keywordClusters, keywords } from '../db/schema';
import type { Sector, Site } from '../lib/resources';
import { assertClusterRoom, recountStatement } from './clusters';
import { parseKeywordCsv } from './csv';
import { insertKeywords, prepareKeyword } from './keywords';
import { keywordKey } from './normalize';

export async function importKeywordCsv(db: Db, site: Site, sector: Sector, text: string) {
  const { rows, errors, columns, total } = parseKeywordCsv(text);
  const prepared = rows.map(prepareKeyword);
  const created = await insertKeywords(db, site, sector, prepared, 'csv_import');
  if (rows.some((r) => r.cluster)) await fileIntoClusters(db, site, sector, rows);
  return { rows: total, created, skipped_duplicates: rows.length - created, errors, columns };
}

/** Rows with a cluster name join that cluster of the sector (made when missing). */
async function fileIntoClusters(db: Db, site: Site, sector: Sector, rows: { keyword: string; cluster: string | null }[]) {
  const byName = new Map<string, { name: string; norms: Set<string> }>();
  for (const r of rows) {
    if (!r.cluster) continue;
    const key = keywordKey(r.cluster);
    const entry = byName.get(key) ?? { name: r.cluster, norms: new Set<string>() };
    entry.norms.add(keywordKey(r.keyword));
    byName.set(key, entry);
  }
  const existing = await db
    .select({ id: clusters.id, name: clusters.name })
    .from(clusters)
    .where(and(eq(clusters.accountId, site.accountId), eq(clusters.sectorId, sector.id)));
  const ids = new Map(existing.map((c) => [keywordKey(c.name), c.id]));
  const missing = [...byName.entries()].filter(([key]) => !ids.has(key));
  await assertClusterRoom(db, site.accountId, missing.length);
  if (missing.length) {
    const made = await db
      .insert(clusters)
      .values(missing.map(([, v]) => ({ accountId: site.accountId, siteId: site.id, sectorId: sector.id, name: v.name, source: 'manual' as const })))
      .returning({ id: clusters.id, name: clusters.name });
    for (const c of made) ids.set(keywordKey(c.name), c.id);
  }
  const pairs: [string, number][] = [];
  for (const [key, v] of byName) for (const norm of v.norms) pairs.push([norm, ids.get(key)!]);
  const touched = [...new Set(pairs.map((p) => p[1]))];
  const statements = [];
  for (let i = 0; i < pairs.length; i += 5000) {
    statements.push(
      sql`INSERT OR IGNORE INTO ${keywordClusters} (keyword_id, cluster_id, account_id)
        SELECT k.id, json_extract(j.value, '$[1]'), ${site.accountId}
        FROM json_each(${JSON.stringify(pairs.slice(i, i + 5000))}) j
        JOIN ${keywords} k ON k.sector_id = ${sector.id} AND k.keyword_norm = json_extract(j.value, '$[0]')`,
    );
  }
  statements.push(recountStatement(touched));
  await transaction(db, statements);
}
