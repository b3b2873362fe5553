// Drives the bulk phases in streamed blocks: for each post-2025 ward, households in blocks of a fixed
// size (each block from its own seeded stream), their terminals and 12 months of activity, buffered
// per table and COPYed every `chunkRows` rows. Memory stays bounded by the chunk size plus a compact
// per-household index the dossier phase needs (typed arrays, 20 bytes per terminal household).
import type { Database } from "../../server/db/client";
import type { Progress } from "../../server/cli/progress";
import { CopyGroup, CopyWriter } from "./csv";
import type { CityGeography } from "./geography";
import type { UnitIds } from "./geography-writer";
import { apportion } from "./geography";
import { generateHouseholdBlock, householdColumns, terminalColumns, wardPlacements } from "./households";
import { generateActivity, heartbeatColumns, paymentColumns, sessionColumns, type ActivityContext } from "./activity";
import { dossierColumns, generateDossierBlock, type DossierContext, type TerminalHouseholds } from "./dossiers";
import { Random, cumulative, hashKeys } from "./random";
import { DAY, monthsBetween } from "./time";

export interface StreamSettings {
  seed: number;
  now: number;
  households: number;
  blockSize: number;
  chunkRows: number;
}

export interface PopulationCounts {
  households: number;
  terminals: number;
  payments: number;
  serviceSessions: number;
  heartbeats: number;
}

export async function writePopulation(
  db: Database,
  geo: CityGeography,
  units: UnitIds,
  settings: StreamSettings,
  sessionServices: { ids: number[]; weights: number[] },
  progress: Progress,
): Promise<{ counts: PopulationCounts; terminals: TerminalHouseholds }> {
  const { seed, now, blockSize } = settings;
  const from = now - 365 * DAY;
  const perWard = apportion(settings.households, geo.newWards.map((w) => w.population));
  const places = wardPlacements(geo);
  const households = new CopyWriter(db, "household", householdColumns);
  const terminals = new CopyWriter(db, "terminal", terminalColumns);
  const payments = new CopyWriter(db, "payment", paymentColumns);
  const sessions = new CopyWriter(db, "service_session", sessionColumns);
  const heartbeats = new CopyWriter(db, "heartbeat", heartbeatColumns);
  // Parents first: terminal rows reference household rows.
  const group = new CopyGroup([households, terminals, payments, sessions, heartbeats], settings.chunkRows);
  const ctx: ActivityContext = {
    seed,
    seedKey: hashKeys(seed, "events"),
    now,
    from,
    months: monthsBetween(from, now),
    sessionServices: { ids: sessionServices.ids, cumulative: cumulative(sessionServices.weights) },
    counters: { payment: 0, session: 0, heartbeat: 0 },
  };
  const index: TerminalHouseholds = {
    ids: new Int32Array(settings.households),
    from: new Float64Array(settings.households),
    to: new Float64Array(settings.households),
    wardStart: new Int32Array(geo.newWards.length + 1),
  };
  let indexed = 0;
  let nextHouseholdId = 1;
  let nextTerminalId = 1;

  progress.phase("households & activity", settings.households);
  for (let w = 0; w < geo.newWards.length; w++) {
    index.wardStart[w] = indexed;
    for (let block = 0, done = 0; done < perWard[w]; block++) {
      const count = Math.min(blockSize, perWard[w] - done);
      const out = generateHouseholdBlock(seed, w, units.newWards[w], block, nextHouseholdId, count, nextTerminalId, places[w], { now, rolloutStart: now - 548 * DAY });
      nextTerminalId = out.nextTerminalId;
      nextHouseholdId += count;
      done += count;
      for (const line of out.householdRows) households.addLine(line);
      for (const line of out.terminalRows) terminals.addLine(line);
      const activity = generateActivity(ctx, out.households, geo.newWards[w].name, new Random(seed, "activity", w, block));
      for (const line of activity.payments) payments.addLine(line);
      for (const line of activity.sessions) sessions.addLine(line);
      for (const line of activity.heartbeats) heartbeats.addLine(line);
      for (const h of out.households) {
        if (h.spans.length === 0) continue;
        index.ids[indexed] = h.id;
        index.from[indexed] = h.spans[0].from;
        index.to[indexed] = h.spans[h.spans.length - 1].to;
        indexed++;
      }
      await group.flushIfFull();
      progress.tick(count);
    }
  }
  index.wardStart[geo.newWards.length] = indexed;
  await group.flush();
  await db.exec(
    `SELECT setval(pg_get_serial_sequence('household', 'id'), greatest((SELECT max(id) FROM household), 1));
     SELECT setval(pg_get_serial_sequence('terminal', 'id'), greatest((SELECT max(id) FROM terminal), 1));`,
  );
  return {
    counts: { households: households.total, terminals: terminals.total, payments: payments.total, serviceSessions: sessions.total, heartbeats: heartbeats.total },
    terminals: index,
  };
}

export async function writeDossiers(db: Database, ctx: Omit<DossierContext, "serviceCumulative" | "wardCumulative"> & { serviceWeights: number[]; wardWeights: number[] }, total: number, chunkRows: number, progress: Progress): Promise<number> {
  const full: DossierContext = { ...ctx, serviceCumulative: cumulative(ctx.serviceWeights), wardCumulative: cumulative(ctx.wardWeights) };
  const writer = new CopyWriter(db, "dossier", dossierColumns);
  const blockSize = 5_000;
  progress.phase("dossiers", total);
  for (let block = 0, first = 1; first <= total; block++, first += blockSize) {
    const count = Math.min(blockSize, total - first + 1);
    for (const line of generateDossierBlock(full, block, first, count)) writer.addLine(line);
    if (writer.pending >= chunkRows) await writer.flush();
    progress.tick(count);
  }
  await writer.flush();
  return writer.total;
}
