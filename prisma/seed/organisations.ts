// The innovation ecosystem for the portal: start-ups and scale-ups with funding rounds, investors,
// funds, incubators, accelerators, universities, research institutes and support programmes. Start-up
// and investor names are invented from word parts; universities and institutes are real Hanoi ones.
import type { Database } from "../../server/db/client";
import { copyRows, pgTextArray, type Cell } from "./csv";
import { containsPoint } from "./geometry";
import type { CityGeography } from "./geography";
import type { UnitIds } from "./geography-writer";
import { nameAscii, slugify } from "./names";
import { Random, cumulative } from "./random";
import { DAY, localDate } from "./time";

export const sectors = ["fintech", "edtech", "healthtech", "agritech", "logistics", "e-commerce", "AI", "govtech", "cleantech", "proptech", "mobility", "media"] as const;

const sectorWords: Record<(typeof sectors)[number], { en: string[]; vi: string }> = {
  fintech: { en: ["Pay", "Wallet", "Lend", "Coin"], vi: "thanh toán và tài chính số" },
  edtech: { en: ["Learn", "Edu", "Class", "Study"], vi: "giáo dục trực tuyến" },
  healthtech: { en: ["Care", "Med", "Health", "Clinic"], vi: "chăm sóc sức khỏe số" },
  agritech: { en: ["Farm", "Agri", "Harvest", "Rice"], vi: "nông nghiệp công nghệ cao" },
  logistics: { en: ["Ship", "Move", "Cargo", "Route"], vi: "logistics và giao nhận" },
  "e-commerce": { en: ["Mart", "Shop", "Market", "Deal"], vi: "thương mại điện tử" },
  AI: { en: ["AI", "Mind", "Vision", "Data"], vi: "trí tuệ nhân tạo" },
  govtech: { en: ["Gov", "Civic", "Public", "Dossier"], vi: "chuyển đổi số khu vực công" },
  cleantech: { en: ["Green", "Solar", "Eco", "Energy"], vi: "năng lượng sạch và môi trường" },
  proptech: { en: ["Home", "Land", "Nest", "Space"], vi: "bất động sản số" },
  mobility: { en: ["Ride", "Go", "Bike", "Park"], vi: "giao thông thông minh" },
  media: { en: ["Media", "Story", "Stream", "Studio"], vi: "nội dung số và truyền thông" },
};

const brandStems = ["Viet", "Sao", "Lotus", "Sen", "ThangLong", "HongHa", "Lac", "Bamboo", "Phoenix", "Kim", "Rong", "HoaSen", "Mekong", "HaThanh", "An", "Tre", "Moc", "Nova", "Linh", "Son"] as const;
const companySuffix = ["", " Tech", " Labs", " JSC", " Việt Nam", " Solutions"] as const;

const universities = [
  "Đại học Quốc gia Hà Nội", "Đại học Bách khoa Hà Nội", "Trường Đại học Kinh tế Quốc dân", "Học viện Công nghệ Bưu chính Viễn thông",
  "Trường Đại học Công nghệ, ĐHQGHN", "Trường Đại học FPT", "Trường Đại học Phenikaa", "Trường Đại học Xây dựng Hà Nội",
  "Học viện Nông nghiệp Việt Nam", "Trường Đại học Ngoại thương", "Trường Đại học Y Hà Nội", "Trường Đại học Thủy lợi",
] as const;
const institutes = [
  "Viện Hàn lâm Khoa học và Công nghệ Việt Nam", "Viện Công nghệ Thông tin", "Viện Khoa học và Công nghệ Việt Nam – Hàn Quốc",
  "Viện Nghiên cứu Dữ liệu lớn", "Viện Chiến lược và Chính sách Khoa học Công nghệ", "Viện Vật lý", "Viện Công nghệ Sinh học", "Viện Cơ điện Nông nghiệp",
] as const;
const investorWords = ["Capital", "Ventures", "Partners", "Investment", "Holdings"] as const;

type OrgType = "startup" | "scaleup" | "investor" | "fund" | "incubator" | "accelerator" | "university" | "research_institute" | "programme";
const typeShares: [OrgType, number][] = [
  ["startup", 0.56], ["scaleup", 0.1], ["investor", 0.08], ["fund", 0.05], ["incubator", 0.05], ["accelerator", 0.04], ["university", 0.06], ["research_institute", 0.04], ["programme", 0.02],
];

const stageFor: Record<string, string[]> = {
  startup: ["idea", "pre_seed", "pre_seed", "seed", "seed", "seed", "series_a"],
  scaleup: ["series_a", "series_b", "growth", "growth", "mature"],
};
const roundsFor: Record<string, string[]> = {
  idea: [], pre_seed: ["grant", "pre_seed"], seed: ["pre_seed", "seed"], series_a: ["pre_seed", "seed", "series_a"],
  series_b: ["seed", "series_a", "series_b"], growth: ["seed", "series_a", "series_b", "series_c"], mature: ["series_a", "series_b", "series_c", "growth"],
};
const roundAmount: Record<string, [number, number]> = {
  grant: [100e6, 1_000e6], pre_seed: [1_000e6, 5_000e6], seed: [5_000e6, 25_000e6], series_a: [50_000e6, 200_000e6],
  series_b: [200_000e6, 600_000e6], series_c: [500_000e6, 1_500_000e6], growth: [1_000_000e6, 3_000_000e6],
};

export interface OrganisationResult {
  organisations: number;
  fundingRounds: number;
  /** An approved start-up, for the founder account. */
  founderOrganisationId: number;
}

export async function writeOrganisations(db: Database, seed: number, count: number, geo: CityGeography, units: UnitIds, now: Date): Promise<OrganisationResult> {
  const rng = new Random(seed, "organisations");
  const nowMs = now.getTime();
  // Firms cluster in the urban core: weight wards by population × density.
  const wardWeights = cumulative(geo.newWards.map((w) => (w.population * w.population) / Math.max(0.5, w.areaKm2)));
  const typeCumulative = cumulative(typeShares.map(([, s]) => s));
  const names = new Set<string>();
  const slugs = new Set<string>();
  const rows: Cell[][] = [];
  const rounds: Cell[][] = [];
  let founderOrganisationId = 0;
  let uni = 0;
  let inst = 0;

  for (let i = 0; i < count; i++) {
    const id = i + 1;
    let type = typeShares[rng.pickCumulative(typeCumulative)][0];
    if (type === "university" && uni >= universities.length) type = "startup";
    if (type === "research_institute" && inst >= institutes.length) type = "startup";
    const sectorList = [rng.pick(sectors)];
    if (rng.chance(0.4)) {
      const second = rng.pick(sectors);
      if (!sectorList.includes(second)) sectorList.push(second);
    }
    const main = sectorWords[sectorList[0]];
    let name: string;
    for (let attempt = 0; ; attempt++) {
      if (type === "university") name = universities[uni++];
      else if (type === "research_institute") name = institutes[inst++];
      else if (type === "investor") name = `${rng.pick(brandStems)} ${rng.pick(investorWords)}`;
      else if (type === "fund") name = `Quỹ Đầu tư Đổi mới sáng tạo ${rng.pick(brandStems)}`;
      else if (type === "incubator") name = `Vườn ươm ${rng.pick(["Doanh nghiệp", "Công nghệ", "Khởi nghiệp"])} ${rng.pick(brandStems)}`;
      else if (type === "accelerator") name = `${rng.pick(brandStems)} Accelerator`;
      else if (type === "programme") name = `Chương trình ${rng.pick(["Khởi nghiệp Thủ đô", "Đổi mới sáng tạo Hà Nội", "Ươm tạo Công nghệ"])} ${2020 + rng.int(0, 6)}`;
      else name = `${rng.pick(brandStems)}${rng.pick(main.en)}${rng.pick(companySuffix)}`;
      if (attempt > 3) name = `${name} ${id}`;
      if (!names.has(nameAscii(name))) break;
    }
    names.add(nameAscii(name));
    let slug = slugify(name);
    if (slugs.has(slug)) slug = `${slug}-${id}`;
    slugs.add(slug);

    const w = rng.pickCumulative(wardWeights);
    const ward = geo.newWards[w];
    let [lon, lat] = ward.center;
    for (let tries = 0; tries < 30; tries++) {
      const x = rng.uniform(ward.bbox[0], ward.bbox[2]);
      const y = rng.uniform(ward.bbox[1], ward.bbox[3]);
      if (containsPoint(ward.polygon, x, y)) {
        [lon, lat] = [Math.round(x * 1e6) / 1e6, Math.round(y * 1e6) / 1e6];
        break;
      }
    }
    const company = type === "startup" || type === "scaleup";
    const stage = company ? rng.pick(stageFor[type]) : null;
    const ageYears = type === "university" || type === "research_institute" ? rng.uniform(20, 60) : company ? rng.uniform(0.3, type === "scaleup" ? 12 : 6) : rng.uniform(1, 15);
    const founded = nowMs - ageYears * 365 * DAY;
    const team = company ? Math.max(2, Math.round(rng.logNormal(type === "scaleup" ? 90 : 12, 0.7))) : type === "university" ? rng.int(800, 5000) : rng.int(5, 120);
    const r = rng.next();
    const status = r < 0.85 ? "approved" : r < 0.93 ? "pending" : r < 0.97 ? "changes_requested" : "rejected";
    const verified = status === "approved" && rng.chance(0.6);
    const taxCode = type === "programme" ? null : `01${String(rng.int(0, 99_999_999)).padStart(8, "0")}`;
    const descVi = company ? `Doanh nghiệp khởi nghiệp trong lĩnh vực ${main.vi}, phát triển tại Hà Nội.` : `${name} — một thành phần của hệ sinh thái khởi nghiệp đổi mới sáng tạo Hà Nội.`;
    const descEn = company ? `A Hanoi start-up working on ${sectorList.join(" and ")}.` : `${name}, part of Hanoi's innovation ecosystem.`;
    rows.push([
      id, slug, name, nameAscii(name), type, taxCode, verified, pgTextArray(sectorList), stage, localDate(founded), team, units.newWards[w], lon, lat,
      `${ward.name}, Hà Nội`, `https://${slug}.vn`, descVi, descEn, status, now, now,
    ]);
    if (!founderOrganisationId && type === "startup" && status === "approved") founderOrganisationId = id;

    if (stage) {
      let date = founded + rng.uniform(60, 200) * DAY;
      for (const label of roundsFor[stage]) {
        if (date > nowMs - 7 * DAY) break;
        const [lo, hi] = roundAmount[label];
        rounds.push([id, localDate(date), label, Math.round(rng.uniform(lo, hi) / 1e6) * 1_000_000, "VND"]);
        date += rng.uniform(250, 600) * DAY;
      }
    }
  }
  await copyRows(
    db,
    "organisation",
    ["id", "slug", "name", "name_ascii", "type", "tax_code", "verified", "sectors", "stage", "founded_on", "team_size", "ward_id", "lon", "lat", "address", "website", "description_vi", "description_en", "status", "created_at", "updated_at"],
    rows,
  );
  await copyRows(db, "funding_round", ["organisation_id", "date", "label", "amount", "currency"], rounds);
  await db.exec(`SELECT setval(pg_get_serial_sequence('organisation', 'id'), (SELECT max(id) FROM organisation));`);
  return { organisations: rows.length, fundingRounds: rounds.length, founderOrganisationId };
}
