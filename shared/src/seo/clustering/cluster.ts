// Leader clustering over IDF-weighted token sets. Keywords are split by intent modifiers first, then taken in
// priority order (volume, centrality, shortest, alphabetical); each joins the most similar earlier leader or
// leads a cluster of its own. Candidates come from a prefix-filtered inverted index, so no pass is over all pairs.
import { analyseKeyword } from './analyse';
import type { ClusterKeyword, ClusteringOptions, ClusteringResult, ExistingCluster, NewCluster } from './types';
import { buildVocabulary } from './vocabulary';

export const DEFAULT_CLUSTER_THRESHOLD = 0.8;
export const DEFAULT_MIN_CLUSTER_SIZE = 2;
const MIN_THRESHOLD = 0.01;
// J is compared with this slack, and prefixes are cut conservatively, so float rounding never loses a pair.
const SLACK = 1e-12;

interface Member {
  id: number;
  text: string;
  volume: number;
}

/** Keywords that analyse to the same modifiers and tokens: always in the same cluster. */
interface Variant {
  key: string;
  signature: string;
  tokens: Int32Array;
  weight: number;
  prefix: number;
  members: Member[];
  best: Member;
}

/** A keyword of an existing cluster, as a target new keywords may join. */
interface Anchor {
  tokens: Int32Array;
  weight: number;
  clusterId: number;
}

const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function compareMembers(a: Member, b: Member): number {
  return b.volume - a.volume || a.text.length - b.text.length || compareText(a.text, b.text) || a.id - b.id;
}

function cleanVolume(volume: number | null | undefined): number {
  return typeof volume === 'number' && Number.isFinite(volume) && volume > 0 ? volume : 0;
}

function weightOf(tokens: Int32Array, weights: Float64Array): number {
  let sum = 0;
  for (const t of tokens) sum += weights[t]!;
  return sum;
}

/** Tokens (rarest first) any set with J ≥ θ must share: drop the common tail while it still weighs ≥ θ·W. */
function prefixLength(tokens: Int32Array, weight: number, threshold: number, weights: Float64Array): number {
  const bound = threshold * weight * (1 - 1e-9);
  let suffix = weight;
  let p = 0;
  while (p < tokens.length && suffix >= bound) suffix -= weights[tokens[p++]!]!;
  return p;
}

/** IDF-weighted Jaccard of two ascending token arrays. */
function similarity(a: Int32Array, wa: number, b: Int32Array, wb: number, weights: Float64Array): number {
  let i = 0;
  let j = 0;
  let shared = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    if (x === y) {
      shared += weights[x]!;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  const union = wa + wb - shared;
  return union > 0 ? shared / union : 0;
}

function addPosting<T>(index: Map<number, T[]>, token: number, value: T): void {
  const list = index.get(token);
  if (list) list.push(value);
  else index.set(token, [value]);
}

/**
 * How central a keyword is in a group: its weighted Jaccard with the group's average member, the fuzzy set where
 * each token counts by the share of members holding it. The measure the clustering itself uses, in O(tokens).
 */
function centralities(variants: readonly Variant[], weights: Float64Array): Map<Variant, number> {
  const counts = new Map<number, number>();
  let members = 0;
  for (const v of variants) {
    members += v.members.length;
    for (const t of v.tokens) counts.set(t, (counts.get(t) ?? 0) + v.members.length);
  }
  let total = 0; // Σ w·share over every token of the group
  for (const t of [...counts.keys()].sort((a, b) => a - b)) total += (weights[t]! * counts.get(t)!) / members;
  const scores = new Map<Variant, number>();
  for (const v of variants) {
    let shared = 0;
    for (const t of v.tokens) shared += (weights[t]! * counts.get(t)!) / members;
    const union = v.weight + total - shared;
    scores.set(v, union > 0 ? shared / union : 0);
  }
  return scores;
}

/** Highest volume, then most central, then shortest, then alphabetical. */
function byPriority(variants: readonly Variant[], weights: Float64Array): Variant[] {
  const score = centralities(variants, weights);
  return [...variants].sort(
    (a, b) =>
      b.best.volume - a.best.volume ||
      score.get(b)! - score.get(a)! ||
      compareMembers(a.best, b.best),
  );
}

/** Input keywords minus those already in an existing cluster; a repeated id keeps its smallest entry. */
function uniqueInput(keywords: readonly ClusterKeyword[], taken: ReadonlySet<number>): Member[] {
  const byId = new Map<number, Member>();
  for (const k of keywords) {
    if (taken.has(k.id)) continue;
    const member = { id: k.id, text: k.keyword, volume: cleanVolume(k.volume) };
    const seen = byId.get(k.id);
    if (!seen || compareText(member.text, seen.text) < 0 || (member.text === seen.text && member.volume > seen.volume)) {
      byId.set(k.id, member);
    }
  }
  return [...byId.values()].sort((a, b) => a.id - b.id);
}

function existingMembers(existing: readonly ExistingCluster[]): { clusterId: number; member: Member }[] {
  const out: { clusterId: number; member: Member }[] = [];
  for (const cluster of [...existing].sort((a, b) => a.id - b.id)) {
    for (const k of [...cluster.keywords].sort((a, b) => a.id - b.id || compareText(a.keyword, b.keyword))) {
      out.push({ clusterId: cluster.id, member: { id: k.id, text: k.keyword, volume: cleanVolume(k.volume) } });
    }
  }
  return out;
}

export function clusterKeywords(keywords: ClusterKeyword[], options: ClusteringOptions = {}): ClusteringResult {
  const threshold =
    typeof options.threshold === 'number' && Number.isFinite(options.threshold)
      ? Math.min(1, Math.max(MIN_THRESHOLD, options.threshold))
      : DEFAULT_CLUSTER_THRESHOLD;
  const minClusterSize =
    typeof options.minClusterSize === 'number' && Number.isFinite(options.minClusterSize)
      ? Math.max(1, Math.floor(options.minClusterSize))
      : DEFAULT_MIN_CLUSTER_SIZE;

  const anchorsIn = existingMembers(options.existing ?? []);
  const taken = new Set(anchorsIn.map((a) => a.member.id));
  const input = uniqueInput(keywords, taken);

  // Rarity is measured over everything the sector holds: this run's keywords and the existing clusters'.
  const analyses = [...input, ...anchorsIn.map((a) => a.member)].map((m) => analyseKeyword(m.text));
  const vocabulary = buildVocabulary(analyses.map((a) => a.words));
  const { weights } = vocabulary;

  const variants = new Map<string, Variant>();
  input.forEach((member, i) => {
    const tokens = vocabulary.docs[i]!;
    const signature = analyses[i]!.modifiers.join(' ');
    const key = `${signature}|${tokens.join(',')}`;
    const variant = variants.get(key);
    if (variant) {
      variant.members.push(member);
      if (compareMembers(member, variant.best) < 0) variant.best = member;
      return;
    }
    const weight = weightOf(tokens, weights);
    const prefix = prefixLength(tokens, weight, threshold, weights);
    variants.set(key, { key, signature, tokens, weight, prefix, members: [member], best: member });
  });

  // Existing clusters first: a keyword that fits one extends it rather than starting a duplicate.
  const anchorByKey = new Map<string, Anchor>();
  const anchorPostings = new Map<string, Map<number, Anchor[]>>();
  anchorsIn.forEach(({ clusterId }, j) => {
    const i = input.length + j;
    const tokens = vocabulary.docs[i]!;
    const signature = analyses[i]!.modifiers.join(' ');
    const key = `${signature}|${tokens.join(',')}`;
    if (anchorByKey.has(key)) return; // members arrive by ascending cluster id: the lowest id keeps the key
    const weight = weightOf(tokens, weights);
    const anchor: Anchor = { tokens, weight, clusterId };
    anchorByKey.set(key, anchor);
    let postings = anchorPostings.get(signature);
    if (!postings) anchorPostings.set(signature, (postings = new Map()));
    const prefix = prefixLength(tokens, weight, threshold, weights);
    for (let p = 0; p < prefix; p++) addPosting(postings, tokens[p]!, anchor);
  });

  const extended = new Map<number, number[]>();
  const open: Variant[] = [];
  for (const variant of variants.values()) {
    const target = anchorByKey.get(variant.key) ?? bestAnchor(variant, anchorPostings.get(variant.signature), threshold, weights);
    if (target) {
      const ids = extended.get(target.clusterId) ?? [];
      for (const m of variant.members) ids.push(m.id);
      extended.set(target.clusterId, ids);
    } else open.push(variant);
  }

  // Modifiers split intent: each signature is clustered on its own.
  const partitions = new Map<string, Variant[]>();
  for (const variant of open) {
    const list = partitions.get(variant.signature);
    if (list) list.push(variant);
    else partitions.set(variant.signature, [variant]);
  }

  const clusters: (NewCluster & { volume: number })[] = [];
  const unclustered: number[] = [];
  for (const partition of partitions.values()) {
    for (const group of leaderClusters(byPriority(partition, weights), threshold, weights)) {
      const size = group.reduce((n, v) => n + v.members.length, 0);
      if (size < minClusterSize) {
        for (const v of group) for (const m of v.members) unclustered.push(m.id);
        continue;
      }
      const representative = byPriority(group, weights)[0]!.best;
      const keywordIds = group.flatMap((v) => v.members.map((m) => m.id)).sort((a, b) => a - b);
      const volume = group.reduce((sum, v) => sum + v.members.reduce((s, m) => s + m.volume, 0), 0);
      clusters.push({ name: representative.text, representativeId: representative.id, keywordIds, volume });
    }
  }

  clusters.sort(
    (a, b) =>
      b.volume - a.volume ||
      b.keywordIds.length - a.keywordIds.length ||
      compareText(a.name, b.name) ||
      a.representativeId - b.representativeId,
  );
  return {
    clusters: clusters.map(({ name, representativeId, keywordIds }) => ({ name, representativeId, keywordIds })),
    extended: [...extended.entries()]
      .sort(([a], [b]) => a - b)
      .map(([clusterId, ids]) => ({ clusterId, keywordIds: ids.sort((a, b) => a - b) })),
    unclustered: unclustered.sort((a, b) => a - b),
  };
}

function bestAnchor(
  variant: Variant,
  postings: Map<number, Anchor[]> | undefined,
  threshold: number,
  weights: Float64Array,
): Anchor | undefined {
  if (!postings) return undefined;
  let best: Anchor | undefined;
  let bestScore = -1;
  const seen = new Set<Anchor>();
  for (let p = 0; p < variant.prefix; p++) {
    for (const anchor of postings.get(variant.tokens[p]!) ?? []) {
      if (seen.has(anchor)) continue;
      seen.add(anchor);
      const score = similarity(variant.tokens, variant.weight, anchor.tokens, anchor.weight, weights);
      if (score < threshold - SLACK) continue;
      if (score > bestScore || (score === bestScore && best !== undefined && anchor.clusterId < best.clusterId)) {
        best = anchor;
        bestScore = score;
      }
    }
  }
  return best;
}

/** Each variant joins the most similar earlier leader (ties: the earlier one) or becomes a leader itself. */
function leaderClusters(ordered: readonly Variant[], threshold: number, weights: Float64Array): Variant[][] {
  const groups: Variant[][] = [];
  const leaders: Variant[] = [];
  const postings = new Map<number, number[]>();
  const lastSeen: number[] = [];
  ordered.forEach((variant, step) => {
    let best = -1;
    let bestScore = -1;
    for (let p = 0; p < variant.prefix; p++) {
      for (const l of postings.get(variant.tokens[p]!) ?? []) {
        if (lastSeen[l] === step) continue;
        lastSeen[l] = step;
        const leader = leaders[l]!;
        // Size filter: J can be no more than the lighter set over the heavier one.
        if (Math.min(leader.weight, variant.weight) < (threshold - SLACK) * Math.max(leader.weight, variant.weight)) continue;
        const score = similarity(variant.tokens, variant.weight, leader.tokens, leader.weight, weights);
        if (score >= threshold - SLACK && (score > bestScore || (score === bestScore && l < best))) {
          best = l;
          bestScore = score;
        }
      }
    }
    if (best >= 0) {
      groups[best]!.push(variant);
      return;
    }
    const l = leaders.length;
    leaders.push(variant);
    groups.push([variant]);
    lastSeen.push(-1);
    for (let p = 0; p < variant.prefix; p++) addPosting(postings, variant.tokens[p]!, l);
  });
  return groups;
}
