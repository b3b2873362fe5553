// The synthetic map: 30 real districts as Voronoi regions of their centres inside the outline, 579
// pre-2025 wards as Voronoi cells of sites sampled inside each district (denser where the district is
// small and populous), and 126 post-2025 wards as unions of contiguous groups of those cells.
// Pure and deterministic for a seed; writing it to the database is in geography-writer.ts.
//
// Codes: districts keep their real GSO codes; wards get synthetic 5-digit codes that real lists never
// use (Vietnam's commune codes stop near 32 300): 90001–90579 before 2025, 95001–95126 after.
import { cityFacts, districtPrefix, hanoiDistricts, type DistrictFact } from "./hanoi-districts";
import { hanoiOutline } from "./outline";
import {
  bboxOf,
  clippedVoronoi,
  containsPoint,
  interiorPoint,
  planarArea,
  roundMulti,
  sphericalAreaKm2,
  unionAll,
  type BBox,
  type MultiPolygon,
  type Pair,
} from "./geometry";
import { Random } from "./random";
import { nameAscii, wardStemsFirst, wardStemsSecond } from "./names";

export type WardType = "phuong" | "xa" | "thi_tran";

export interface Shape {
  polygon: MultiPolygon;
  areaKm2: number;
  bbox: BBox;
  center: Pair;
}

export interface DistrictUnit extends Shape {
  index: number;
  fact: DistrictFact;
  name: string;
}

export interface OldWard extends Shape {
  index: number;
  code: string;
  name: string;
  type: WardType;
  district: number;
  site: Pair;
  population: number;
  households: number;
  newWard: number;
}

export interface NewWard extends Shape {
  index: number;
  code: string;
  name: string;
  type: "phuong" | "xa";
  district: number;
  members: number[];
  population: number;
  households: number;
}

export interface CityGeography {
  city: Shape & { population: number; households: number };
  districts: DistrictUnit[];
  oldWards: OldWard[];
  newWards: NewWard[];
}

export const oldWardCode = (i: number) => `9${String(i + 1).padStart(4, "0")}`;
export const newWardCode = (i: number) => `9${String(5001 + i)}`;

function shapeOf(polygon: MultiPolygon, center?: Pair): Shape {
  const inside = center && containsPoint(polygon, center[0], center[1]) ? center : interiorPoint(polygon);
  return { polygon, areaKm2: sphericalAreaKm2(polygon), bbox: bboxOf(polygon), center: [Math.round(inside[0] * 1e5) / 1e5, Math.round(inside[1] * 1e5) / 1e5] };
}

/** Splits an integer total by weights so the parts sum exactly to it (largest remainder). */
export function apportion(total: number, weights: readonly number[], minimum = 0): number[] {
  const base = minimum * weights.length;
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => ((total - base) * w) / sum);
  const parts = exact.map((x) => Math.floor(x) + minimum);
  let left = total - parts.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let k = 0; left > 0; k = (k + 1) % order.length, left--) parts[order[k][1]]++;
  return parts;
}

/** Ward sites inside a district: best-candidate sampling, half the candidates drawn near the centre. */
function sampleSites(rng: Random, region: MultiPolygon, center: Pair, count: number): Pair[] {
  const [x0, y0, x1, y1] = bboxOf(region);
  const spread = Math.sqrt(planarArea(region)) / 2.5;
  const start: Pair = containsPoint(region, center[0], center[1]) ? center : interiorPoint(region);
  const sites: Pair[] = [start];
  const candidate = (): Pair => {
    for (let tries = 0; tries < 200; tries++) {
      const p: Pair = rng.chance(0.5)
        ? [rng.normal(start[0], spread), rng.normal(start[1], spread)]
        : [rng.uniform(x0, x1), rng.uniform(y0, y1)];
      if (containsPoint(region, p[0], p[1])) return p;
    }
    return interiorPoint(region);
  };
  while (sites.length < count) {
    let best: Pair = candidate();
    let bestDistance = -1;
    for (let k = 0; k < 10; k++) {
      const p = k === 0 ? best : candidate();
      let nearest = Infinity;
      for (const s of sites) nearest = Math.min(nearest, (s[0] - p[0]) ** 2 + (s[1] - p[1]) ** 2);
      if (nearest > bestDistance) {
        bestDistance = nearest;
        best = p;
      }
    }
    sites.push(best);
  }
  return sites;
}

/**
 * Groups cells into `groups` contiguous sets by growing regions from spread-out seeds: the smallest
 * group takes its nearest unassigned neighbour. The first seed is `firstSeed`.
 */
export function growGroups(sites: Pair[], neighbours: number[][], groups: number, firstSeed: number): number[] {
  const n = sites.length;
  const owner = new Array<number>(n).fill(-1);
  const seeds = [firstSeed];
  const d2 = (a: number, b: number) => (sites[a][0] - sites[b][0]) ** 2 + (sites[a][1] - sites[b][1]) ** 2;
  while (seeds.length < Math.min(groups, n)) {
    let far = -1;
    let farDistance = -1;
    for (let i = 0; i < n; i++) {
      if (seeds.includes(i)) continue;
      const d = Math.min(...seeds.map((s) => d2(i, s)));
      if (d > farDistance) {
        farDistance = d;
        far = i;
      }
    }
    seeds.push(far);
  }
  const sizes = seeds.map(() => 1);
  seeds.forEach((s, g) => (owner[s] = g));
  let assigned = seeds.length;
  while (assigned < n) {
    const order = sizes.map((size, g) => [size, g] as const).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    let grown = false;
    for (const [, g] of order) {
      let pick = -1;
      let pickDistance = Infinity;
      for (let i = 0; i < n; i++) {
        if (owner[i] !== g) continue;
        for (const j of neighbours[i]) {
          if (owner[j] !== -1) continue;
          const d = d2(j, seeds[g]);
          if (d < pickDistance) {
            pickDistance = d;
            pick = j;
          }
        }
      }
      if (pick >= 0) {
        owner[pick] = g;
        sizes[g]++;
        assigned++;
        grown = true;
        break;
      }
    }
    if (!grown) {
      // Cells cut off from every group (rare, after clipping): join the nearest seed.
      for (let i = 0; i < n; i++)
        if (owner[i] === -1) {
          let g = 0;
          for (let k = 1; k < seeds.length; k++) if (d2(i, seeds[k]) < d2(i, seeds[g])) g = k;
          owner[i] = g;
          sizes[g]++;
          assigned++;
        }
    }
  }
  return owner;
}

/**
 * Cells that share an edge after clipping and rounding (at least two common vertices). Voronoi
 * neighbours are not enough: clipping to a concave district can cut their common edge away.
 */
export function sharedEdgeNeighbours(cells: MultiPolygon[]): number[][] {
  const byVertex = new Map<string, number[]>();
  cells.forEach((cell, i) => {
    const seen = new Set<string>();
    for (const polygon of cell)
      for (const ring of polygon)
        for (const [x, y] of ring) {
          const key = `${x},${y}`;
          if (seen.has(key)) continue;
          seen.add(key);
          const list = byVertex.get(key);
          if (list) list.push(i);
          else byVertex.set(key, [i]);
        }
  });
  const shared = cells.map(() => new Map<number, number>());
  for (const list of byVertex.values())
    for (const a of list) for (const b of list) if (a !== b) shared[a].set(b, (shared[a].get(b) ?? 0) + 1);
  return shared.map((m) => [...m].filter(([, count]) => count >= 2).map(([j]) => j));
}

function wardNames(rng: Random, count: number, taken: Set<string>): string[] {
  const names: string[] = [];
  while (names.length < count) {
    const a = rng.pick(wardStemsFirst);
    const b = rng.pick(wardStemsSecond);
    const name = `${a} ${b}`;
    const key = nameAscii(name);
    if (a === b || taken.has(key)) continue;
    taken.add(key);
    names.push(name);
  }
  return names;
}

const typePrefix: Record<WardType, string> = { phuong: "Phường", xa: "Xã", thi_tran: "Thị trấn" };

export function buildGeography(seed: number): CityGeography {
  const rng = new Random(seed, "geography");
  const outline: MultiPolygon = [[hanoiOutline]];

  // Districts: Voronoi regions of the real centres, clipped to the outline.
  const centers = hanoiDistricts.map((d) => d.center as Pair);
  const { cells: regions } = clippedVoronoi(centers, outline);

  const taken = new Set(hanoiDistricts.map((d) => nameAscii(d.name)));
  const oldWards: OldWard[] = [];
  const newWards: NewWard[] = [];
  const newCounts = apportion(cityFacts.newWardCount, hanoiDistricts.map((d) => d.wards), 1);
  const districtWards: number[][] = [];

  hanoiDistricts.forEach((fact, d) => {
    const region = regions[d];
    const sites = sampleSites(rng, region, fact.center, fact.wards);
    const { cells } = clippedVoronoi(sites, region);
    const rounded = cells.map((c) => roundMulti(c));
    // Ward sites nearest the centre become the thị trấn / inner phường.
    const byCentrality = sites.map((s, i) => [(s[0] - fact.center[0]) ** 2 + (s[1] - fact.center[1]) ** 2, i] as const).sort((a, b) => a[0] - b[0]).map(([, i]) => i);
    const rank = new Array<number>(sites.length);
    byCentrality.forEach((i, r) => (rank[i] = r));
    const types: WardType[] = sites.map((_, i) => {
      if (fact.type === "quan") return "phuong";
      if (fact.type === "thi_xa") return rank[i] < Math.round(fact.wards * 0.6) ? "phuong" : "xa";
      return rank[i] < fact.towns ? "thi_tran" : "xa";
    });
    const weights = sites.map((_, i) => rng.logNormal(1, 0.3) * (types[i] === "thi_tran" ? 2 : 1) * (fact.type !== "quan" ? 1 / (1 + rank[i] / fact.wards) : 1));
    const populations = apportion(fact.population, weights);
    const names = wardNames(rng, sites.length, taken);
    // The first thị trấn of a huyện usually carries the district's name.
    if (fact.type === "huyen") names[byCentrality[0]] = fact.name;
    const first = oldWards.length;
    districtWards.push([]);
    sites.forEach((site, i) => {
      const polygon = rounded[i];
      const shape = shapeOf(polygon, site);
      const householdSize = fact.type === "quan" ? 3.1 : 3.6;
      oldWards.push({
        ...shape,
        index: first + i,
        code: oldWardCode(first + i),
        name: `${typePrefix[types[i]]} ${names[i]}`,
        type: types[i],
        district: d,
        site,
        population: populations[i],
        households: Math.round(populations[i] / householdSize),
        newWard: -1,
      });
      districtWards[d].push(first + i);
    });

    // Post-2025 wards: contiguous groups of this district's cells.
    const groups = growGroups(sites, sharedEdgeNeighbours(rounded), newCounts[d], byCentrality[0]);
    for (let g = 0; g < newCounts[d]; g++) {
      const members = sites.map((_, i) => first + i).filter((_, i) => groups[i] === g);
      if (members.length === 0) continue;
      const polygon = roundMulti(unionAll(members.map((m) => oldWards[m].polygon)));
      const index = newWards.length;
      const largest = members.reduce((a, b) => (oldWards[b].population > oldWards[a].population ? b : a));
      const urban = fact.type === "quan" || (fact.type === "thi_xa" && members.filter((m) => oldWards[m].type === "phuong").length * 2 >= members.length);
      const type = urban ? "phuong" : "xa";
      const stem = g === 0 ? fact.name : oldWards[largest].name.replace(/^(Phường|Xã|Thị trấn) /, "");
      for (const m of members) oldWards[m].newWard = index;
      newWards.push({
        ...shapeOf(polygon, oldWards[largest].site),
        index,
        code: newWardCode(index),
        name: `${type === "phuong" ? "Phường" : "Xã"} ${stem}`,
        type,
        district: d,
        members,
        population: members.reduce((s, m) => s + oldWards[m].population, 0),
        households: members.reduce((s, m) => s + oldWards[m].households, 0),
      });
    }
  });

  const districts: DistrictUnit[] = hanoiDistricts.map((fact, d) => ({
    ...shapeOf(roundMulti(unionAll(districtWards[d].map((w) => oldWards[w].polygon))), fact.center),
    index: d,
    fact,
    name: `${districtPrefix[fact.type]} ${fact.name}`,
  }));
  const cityPolygon = roundMulti(unionAll(districts.map((d) => d.polygon)));
  return {
    city: {
      ...shapeOf(cityPolygon, hanoiDistricts[1].center as Pair),
      population: oldWards.reduce((s, w) => s + w.population, 0),
      households: oldWards.reduce((s, w) => s + w.households, 0),
    },
    districts,
    oldWards,
    newWards,
  };
}
