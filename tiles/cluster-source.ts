// The terminal cluster tiles of one database, kept current without blocking requests.
//
// Version: terminals in service (count), the highest terminal id, and the latest lifecycle change
// (terminal_status_change, written on every provisioning, activation, replacement and
// decommissioning). Together they change whenever a point appears or disappears. last_seen_at is
// deliberately not part of it: heartbeats arrive every few minutes from every terminal and move no
// point, so including it would rebuild the index continuously for nothing.
//
// The version is re-read at most every `checkEveryMs`; when it changed, a new index is built in
// the background while tiles keep coming from the previous one, then swapped in (with a fresh tile
// cache). Only the very first build is waited for.
import type { Database } from "../server/db/client";
import { loadTerminalPoints } from "./cluster-points";
import { buildClusterTiles, type ClusterTileSet } from "./terminal-clusters";

export interface VersionedClusters {
  version: string;
  tiles: ClusterTileSet;
}

interface State {
  checkedAt: number;
  checking?: Promise<void>;
  current?: VersionedClusters;
  building?: { version: string; promise: Promise<VersionedClusters> };
  lastVersion?: string;
}

const states = new WeakMap<Database, State>();

export async function readClusterVersion(db: Database): Promise<string> {
  const [row] = await db.prisma.$queryRaw<{ v: string }[]>`
    SELECT (SELECT count(*) FROM terminal WHERE status = 'active') || '-' || (SELECT coalesce(max(id), 0) FROM terminal)
      || '-' || (SELECT coalesce(max(id), 0) FROM terminal_status_change) AS v`;
  return row.v;
}

function build(db: Database, state: State, version: string): Promise<VersionedClusters> {
  if (state.building?.version === version) return state.building.promise;
  const promise = loadTerminalPoints(db).then((points) => ({ version, tiles: buildClusterTiles(points) }));
  state.building = { version, promise };
  promise.then(
    (built) => {
      if (state.building?.promise === promise) state.building = undefined;
      // A slower, older build never replaces a newer one.
      if (!state.current || state.lastVersion === version) state.current = built;
    },
    () => {
      if (state.building?.promise === promise) state.building = undefined;
    },
  );
  return promise;
}

export interface ClusterOptions {
  /** How often the version is re-read (default 5 s). */
  checkEveryMs?: number;
  /** Wait for a rebuild instead of answering from the previous index (tests, benchmarks). */
  waitForFresh?: boolean;
}

export async function terminalClusters(db: Database, options: ClusterOptions = {}): Promise<VersionedClusters> {
  const checkEveryMs = options.checkEveryMs ?? 5000;
  let state = states.get(db);
  if (!state) {
    state = { checkedAt: 0 };
    states.set(db, state);
  }
  const s = state;
  if (Date.now() - s.checkedAt > checkEveryMs && !s.checking) {
    s.checkedAt = Date.now();
    s.checking = readClusterVersion(db)
      .then((version) => {
        s.lastVersion = version;
        if (s.current?.version !== version) void build(db, s, version).catch(() => undefined);
      })
      .finally(() => {
        s.checking = undefined;
      });
    s.checking.catch(() => {
      s.checkedAt = 0;
    });
  }
  if (!s.current || options.waitForFresh) await s.checking;
  const wanted = s.lastVersion;
  if (wanted && s.current?.version !== wanted && (!s.current || options.waitForFresh)) {
    const built = await build(db, s, wanted);
    if (s.lastVersion === built.version) s.current = built;
  }
  if (!s.current) throw new Error("terminal clusters are not available");
  return s.current;
}

/** The version a tile URL should carry, without building anything. */
export async function clusterVersion(db: Database, options: ClusterOptions = {}): Promise<string> {
  const state = states.get(db);
  if (state?.lastVersion && Date.now() - state.checkedAt <= (options.checkEveryMs ?? 5000)) return state.lastVersion;
  return readClusterVersion(db);
}
