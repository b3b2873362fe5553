// The map's state lives in the URL so a view can be shared: ?metric=&level=&layer=&from=&to=&ward=&z=&lat=&lon=
// Pure and forgiving: a missing or malformed parameter falls back to its default, never an error
// page, because links get pasted, cut and edited by hand.
import { cityMetrics, isCityMetric, maxRangeDays, type CityMetric } from "../../../server/citymap/metric-names";

export type Layer = "2025" | "pre2025";
export type Level = "ward" | "district";

export interface MapState {
  metric: CityMetric;
  level: Level;
  layer: Layer;
  /** Local days, YYYY-MM-DD, inclusive. */
  from: string;
  to: string;
  /** Selected unit's code (a ward, or a district at the district level). */
  ward: string | null;
  /** The map view; null until the reader moves the map (the city's extent is shown). */
  view: { z: number; lat: number; lon: number } | null;
}

export const presets = ["7d", "30d", "90d", "12m"] as const;
export type Preset = (typeof presets)[number];

const DAY_MS = 86_400_000;

export function isDay(value: string | null): value is string {
  if (!value || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

export function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
}

export function rangeDays(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS) + 1;
}

/** The range a preset stands for, ending today (included). 12 months = the same day a year back, plus one. */
export function presetRange(preset: Preset, today: string): { from: string; to: string } {
  if (preset === "12m") {
    const [y, m, d] = today.split("-").map(Number);
    const back = new Date(Date.UTC(y - 1, m - 1, d));
    // 29 February a year back does not exist: Date rolls it to 1 March, which is what we want.
    return { from: addDays(back.toISOString().slice(0, 10), 1), to: today };
  }
  const days = { "7d": 7, "30d": 30, "90d": 90 }[preset];
  return { from: addDays(today, -(days - 1)), to: today };
}

/** Which preset the range is, if any (else the range is "custom"). */
export function activePreset(state: Pick<MapState, "from" | "to">, today: string): Preset | null {
  return presets.find((p) => {
    const r = presetRange(p, today);
    return r.from === state.from && r.to === state.to;
  }) ?? null;
}

export const defaultPreset: Preset = "30d";

export function defaultState(today: string): MapState {
  return { metric: "coverage", level: "ward", layer: "2025", ...presetRange(defaultPreset, today), ward: null, view: null };
}

function number(value: string | null, min: number, max: number): number | null {
  if (value === null || value.trim() === "") return null;
  const n = Number(value);
  return Number.isFinite(n) && n >= min && n <= max ? n : null;
}

export function parseState(params: URLSearchParams, today: string): MapState {
  const base = defaultState(today);
  const metric = params.get("metric");
  const layer = params.get("layer") === "pre2025" ? "pre2025" : "2025";
  // The 2025 layout has no districts.
  const level: Level = params.get("level") === "district" && layer === "pre2025" ? "district" : "ward";
  let from = params.get("from");
  let to = params.get("to");
  if (!isDay(from) || !isDay(to) || from > to || rangeDays(from, to) > maxRangeDays) {
    ({ from, to } = base);
  }
  const ward = params.get("ward")?.trim();
  const z = number(params.get("z"), 0, 22);
  const lat = number(params.get("lat"), -85, 85);
  const lon = number(params.get("lon"), -180, 180);
  return {
    metric: isCityMetric(metric) ? metric : base.metric,
    layer,
    level,
    from,
    to,
    ward: ward && ward.length <= 32 ? ward : null,
    view: z !== null && lat !== null && lon !== null ? { z, lat, lon } : null,
  };
}

/** The query string of a state, in a fixed order; the view rounded to what a screen can show. */
export function serializeState(state: MapState): URLSearchParams {
  const params = new URLSearchParams();
  params.set("metric", state.metric);
  params.set("level", state.level);
  params.set("layer", state.layer);
  params.set("from", state.from);
  params.set("to", state.to);
  if (state.ward) params.set("ward", state.ward);
  if (state.view) {
    params.set("z", state.view.z.toFixed(2));
    params.set("lat", state.view.lat.toFixed(5));
    params.set("lon", state.view.lon.toFixed(5));
  }
  return params;
}

/** A state change that keeps the rest consistent: a new layout or level drops the selection. */
export function updateState(state: MapState, change: Partial<MapState>): MapState {
  const next = { ...state, ...change };
  if (next.layer === "2025") next.level = "ward";
  if ((change.layer && change.layer !== state.layer) || (change.level && change.level !== state.level)) {
    if (!("ward" in change)) next.ward = null;
  }
  return next;
}

export { cityMetrics };
