// Households and their terminals for one block of one post-2025 ward. Households are placed inside
// the ward polygon around the sites of its pre-2025 wards, weighted by their population, so dense old
// wards get dense clusters. Pure: returns rows and the terminal spans the activity generator needs.
import { luhnCheckDigit, makeTerminalCode } from "../../server/terminals/code";
import { containsPoint, planarArea, type MultiPolygon, type Pair } from "./geometry";
import type { CityGeography } from "./geography";
import { csvRow, type Cell } from "./csv";
import { Random, mix32, scrambleDecimal } from "./random";
import { DAY, HOUR } from "./time";
import { urbanStreets, villagePrefixes, wardStemsFirst, wardStemsSecond } from "./names";

export const householdColumns = ["id", "code", "address", "lon", "lat", "ward_id", "members", "registered_at"] as const;
export const terminalColumns = [
  "id", "code", "household_id", "ward_id", "secret", "sim_iccid", "sim_msisdn", "sim_operator", "model", "firmware", "status",
  "installed_at", "last_seen_at", "decommissioned_at", "replaced_by_id", "created_at",
] as const;

/** A period during which a terminal was in service and could report events. */
export interface TerminalSpan {
  id: number;
  from: number;
  /** Last contact (last_seen_at); nothing is reported after it. */
  to: number;
  mccMnc: string;
  firmware: string;
  /** Seen in the last 6 hours: it sends heartbeats in the last 24 h. */
  recent: boolean;
}

export interface SeededHousehold {
  id: number;
  code: string;
  wardId: number;
  wardIndex: number;
  members: number;
  urban: boolean;
  spans: TerminalSpan[];
}

/** Household code: "HN" + 8 digits, a scrambled sequence (unique, not guessable from neighbours). */
export const householdCode = (id: number) => `HN${String(scrambleDecimal(id, 8, 20_250_701)).padStart(8, "0")}`;

export interface WardPlacement {
  polygon: MultiPolygon;
  sites: Pair[];
  spreads: number[];
  weights: Float64Array;
  fallback: Pair;
  urban: boolean;
  name: string;
}

export function wardPlacements(geo: CityGeography): WardPlacement[] {
  return geo.newWards.map((w) => {
    const members = w.members.map((m) => geo.oldWards[m]);
    let sum = 0;
    const weights = new Float64Array(members.length);
    members.forEach((m, i) => (weights[i] = sum += Math.max(1, m.population)));
    return {
      polygon: w.polygon,
      sites: members.map((m) => m.site),
      spreads: members.map((m) => Math.sqrt(planarArea(m.polygon)) / 3),
      weights,
      fallback: w.center,
      urban: w.type === "phuong",
      name: w.name,
    };
  });
}

const operators = [
  { name: "Viettel", mccMnc: "452-04", share: 0.55, iccidIssuer: "04", prefixes: ["86", "96", "97", "98"] },
  { name: "VinaPhone", mccMnc: "452-02", share: 0.25, iccidIssuer: "02", prefixes: ["88", "91", "94"] },
  { name: "MobiFone", mccMnc: "452-01", share: 0.2, iccidIssuer: "01", prefixes: ["89", "90", "93"] },
] as const;

const models = [
  { model: "CivicBox T100", firmware: ["1.4.2", "1.5.0"] },
  { model: "CivicBox T200", firmware: ["2.0.3", "2.1.0"] },
] as const;

export interface HouseholdTimes {
  now: number;
  /** Rollout window: terminals are installed over the last 18 months, along an S-curve. */
  rolloutStart: number;
}

/** Inverse of a logistic rollout curve truncated to [start, end]: few early installs, a surge, a tail. */
function installTime(rng: Random, start: number, end: number): number {
  const mid = start + (end - start) * 0.55;
  const scale = (end - start) / 9;
  const cdf = (t: number) => 1 / (1 + Math.exp(-(t - mid) / scale));
  const lo = cdf(start);
  const hi = cdf(end);
  const u = lo + (hi - lo) * rng.next();
  return Math.round(mid + scale * Math.log(u / (1 - u)));
}

function secretHex(rng: Random, id: number): string {
  let out = mix32(id ^ 0x5eed).toString(16).padStart(8, "0");
  for (let i = 0; i < 7; i++) out += rng.uint32().toString(16).padStart(8, "0");
  return out;
}

function address(rng: Random, place: WardPlacement): string {
  if (place.urban) {
    const street = rng.pick(urbanStreets);
    const number = rng.int(1, 180);
    return rng.chance(0.6) ? `Số ${number}, ngõ ${rng.int(2, 400)}, phố ${street}, ${place.name}, Hà Nội` : `Số ${number} phố ${street}, ${place.name}, Hà Nội`;
  }
  const village = rng.chance(0.5) ? `${rng.pick(villagePrefixes)} ${rng.int(1, 15)}` : `Thôn ${rng.pick(wardStemsFirst)} ${rng.pick(wardStemsSecond)}`;
  return `Số ${rng.int(1, 250)}, ${village}, ${place.name}, Hà Nội`;
}

function placePoint(rng: Random, place: WardPlacement): Pair {
  for (let tries = 0; tries < 60; tries++) {
    const m = rng.pickCumulative(place.weights);
    const s = place.sites[m];
    const spread = place.spreads[m];
    const x = Math.round(rng.normal(s[0], spread) * 1e6) / 1e6;
    const y = Math.round(rng.normal(s[1], spread) * 1e6) / 1e6;
    if (containsPoint(place.polygon, x, y)) return [x, y];
  }
  return place.fallback;
}

export interface BlockOutput {
  households: SeededHousehold[];
  householdRows: string[];
  terminalRows: string[];
}

/**
 * `count` households of ward `wardIndex` with ids from `firstId`; terminals take ids from
 * `nextTerminalId` on (returned advanced).
 */
export function generateHouseholdBlock(
  seed: number,
  wardIndex: number,
  wardId: number,
  block: number,
  firstId: number,
  count: number,
  nextTerminalId: number,
  place: WardPlacement,
  times: HouseholdTimes,
): BlockOutput & { nextTerminalId: number } {
  const rng = new Random(seed, "households", wardIndex, block);
  const { now, rolloutStart } = times;
  const installEnd = now - 2 * DAY;
  const households: SeededHousehold[] = [];
  const householdRows: string[] = [];
  const terminalRows: string[] = [];
  let terminalId = nextTerminalId;

  for (let k = 0; k < count; k++) {
    const id = firstId + k;
    const [lon, lat] = placePoint(rng, place);
    const members = Math.max(1, Math.min(9, Math.round(rng.normal(place.urban ? 3.1 : 3.6, 1.3))));
    const code = householdCode(id);
    let registeredAt = now - Math.round(rng.uniform(30, 3 * 365) * DAY);
    const spans: TerminalSpan[] = [];

    if (rng.chance(0.88)) {
      const fate = rng.next();
      const op = operators[rng.chance(operators[0].share) ? 0 : rng.chance(operators[1].share / (1 - operators[0].share)) ? 1 : 2];
      const addTerminal = (status: string, installedAt: number | null, lastSeen: number | null, retiredAt: number | null, replacedBy: number | null): number => {
        const tid = terminalId++;
        const newer = installedAt !== null && installedAt > now - 270 * DAY;
        const model = models[newer ? 1 : 0];
        const firmware = model.firmware[rng.chance(0.8) ? 1 : 0];
        const iccidBody = `8984${op.iccidIssuer}${String(scrambleDecimal(tid, 12, 77_001)).padStart(12, "0")}`;
        const prefix = op.prefixes[tid % op.prefixes.length];
        const msisdn = `84${prefix}${String(scrambleDecimal(Math.floor(tid / op.prefixes.length), 7, 31_337)).padStart(7, "0")}`;
        terminalRows.push(
          csvRow([
            tid, makeTerminalCode(tid), id, wardId, secretHex(rng, tid), `${iccidBody}${luhnCheckDigit(iccidBody)}`, msisdn, op.name, model.model, firmware, status,
            iso(installedAt), iso(lastSeen), iso(retiredAt), replacedBy, iso(installedAt ?? now - rng.uniform(1, 20) * DAY),
          ] satisfies Cell[]),
        );
        if (installedAt !== null && lastSeen !== null) spans.push({ id: tid, from: installedAt, to: lastSeen, mccMnc: op.mccMnc, firmware, recent: lastSeen >= now - 6 * HOUR });
        return tid;
      };
      const installedAt = installTime(rng, rolloutStart, installEnd);
      registeredAt = Math.min(registeredAt, installedAt - Math.round(rng.uniform(1, 30) * DAY));
      // Active terminals: 92 % were seen in the last 6 hours, the rest more than 3 days ago. Nothing
      // in between on purpose, so "active in the last 24 h" stays the same for hours after seeding.
      const lastSeenActive = (from: number) =>
        rng.chance(0.92) || from > now - 4 * DAY ? now - Math.round(rng.uniform(0, 6 * HOUR)) : Math.round(rng.uniform(Math.max(from + DAY, now - 60 * DAY), now - 3 * DAY - HOUR));
      if (fate < 0.01) {
        addTerminal("provisioned", null, null, null, null);
      } else if (fate < 0.03) {
        const retired = Math.round(rng.uniform(Math.min(installedAt + 7 * DAY, now - DAY), now - DAY));
        addTerminal("decommissioned", installedAt, Math.max(installedAt, retired - Math.round(rng.uniform(0, 2 * DAY))), retired, null);
      } else if (fate < 0.055 && installedAt < now - 30 * DAY) {
        const replacedAt = Math.round(rng.uniform(installedAt + 14 * DAY, now - 3 * DAY));
        const replacement = terminalId + 1;
        addTerminal("replaced", installedAt, replacedAt - Math.round(rng.uniform(HOUR, 2 * DAY)), replacedAt, replacement);
        addTerminal("active", replacedAt, lastSeenActive(replacedAt), null, null);
      } else {
        addTerminal("active", installedAt, lastSeenActive(installedAt), null, null);
      }
    }
    householdRows.push(csvRow([id, code, address(rng, place), lon, lat, wardId, members, iso(registeredAt)]));
    households.push({ id, code, wardId, wardIndex, members, urban: place.urban, spans });
  }
  return { households, householdRows, terminalRows, nextTerminalId: terminalId };
}

function iso(ms: number | null): string | null {
  return ms === null ? null : new Date(ms).toISOString();
}
