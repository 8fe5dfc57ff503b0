// Near-duplicate lookup: every perceptual hash of the archive, per instance, in
// two typed arrays scanned with popcount (100,000 hashes in a few milliseconds).
// Loaded lazily; before a lookup, at most once a second, the count and the
// latest update of the hashed items are compared with the database, so that an
// item written through another instance is seen within a second.
import type { Core } from '@strapi/strapi';
import { ARCHIVE_UID } from './constants';
import { hammingHalves, hashHalves, isPerceptualHash } from './perceptual-hash';

export interface SimilarMatch {
  id: number;
  documentId: string;
  distance: number;
}

interface Snapshot {
  stamp: string;
  ids: Int32Array;
  documentIds: string[];
  high: Uint32Array;
  low: Uint32Array;
}

const CHECK_INTERVAL_MS = 1000;

export function createSimilarIndex(strapi: Core.Strapi) {
  let snapshot: Snapshot | null = null;
  let checkedAt = 0;
  let loading: Promise<Snapshot> | null = null;

  const hashed = () => strapi.db.query(ARCHIVE_UID);

  async function currentStamp() {
    const [count, latest] = await Promise.all([
      hashed().count({ where: { perceptualHash: { $notNull: true } } }),
      hashed().findOne({ where: { perceptualHash: { $notNull: true } }, select: ['updatedAt'], orderBy: { updatedAt: 'desc' } }),
    ]);
    return `${count}|${latest ? new Date(latest.updatedAt).getTime() : 0}`;
  }

  async function load(stamp: string): Promise<Snapshot> {
    const rows = await hashed().findMany({ where: { perceptualHash: { $notNull: true } }, select: ['id', 'documentId', 'perceptualHash'] });
    const valid = rows.filter((row: any) => isPerceptualHash(row.perceptualHash));
    const next: Snapshot = {
      stamp,
      ids: new Int32Array(valid.length),
      documentIds: new Array(valid.length),
      high: new Uint32Array(valid.length),
      low: new Uint32Array(valid.length),
    };
    valid.forEach((row: any, i: number) => {
      const [high, low] = hashHalves(row.perceptualHash);
      next.ids[i] = row.id;
      next.documentIds[i] = row.documentId;
      next.high[i] = high;
      next.low[i] = low;
    });
    return next;
  }

  async function fresh(): Promise<Snapshot> {
    if (snapshot && Date.now() - checkedAt < CHECK_INTERVAL_MS) return snapshot;
    loading ??= (async () => {
      try {
        const stamp = await currentStamp();
        if (!snapshot || snapshot.stamp !== stamp) snapshot = await load(stamp);
        checkedAt = Date.now();
        return snapshot;
      } finally {
        loading = null;
      }
    })();
    return loading;
  }

  return {
    /** Items whose hash is within `maxDistance` bits of `hash`, closest first. */
    async lookup(hash: string, maxDistance: number, limit: number): Promise<SimilarMatch[]> {
      const { ids, documentIds, high, low } = await fresh();
      const [h, l] = hashHalves(hash);
      const matches: SimilarMatch[] = [];
      for (let i = 0; i < ids.length; i++) {
        const distance = hammingHalves(h, l, high[i], low[i]);
        if (distance <= maxDistance) matches.push({ id: ids[i], documentId: documentIds[i], distance });
      }
      return matches.sort((a, b) => a.distance - b.distance || a.id - b.id).slice(0, limit);
    },
    /** This instance wrote an item: look again at the next lookup. */
    invalidate() {
      checkedAt = 0;
    },
  };
}

export type SimilarIndex = ReturnType<typeof createSimilarIndex>;
