// Departments (city bodies + one committee per post-2025 ward), the public-service catalogue and the
// core datasets with their 12-month update history. Small tables, still written with COPY.
import type { Database } from "../../server/db/client";
import { copyRows, type Cell } from "./csv";
import { datasets, departments, publicServices, wardCommitteeCode } from "./catalogue";
import type { CityGeography } from "./geography";
import type { UnitIds } from "./geography-writer";
import { Random } from "./random";
import { DAY, HOUR, localDate, localMidnight, localParts, localTime } from "./time";

export interface ReferenceIds {
  /** Department id by code. */
  departments: Map<string, number>;
  /** Public service ids in catalogue order. */
  services: number[];
}

export async function writeDepartmentsAndServices(db: Database, geo: CityGeography, units: UnitIds, now: Date): Promise<ReferenceIds & { rows: number }> {
  const ids = new Map<string, number>();
  const rows: Cell[][] = [];
  for (const d of departments) {
    ids.set(d.code, rows.length + 1);
    rows.push([rows.length + 1, d.code, d.nameVi, d.nameEn, "department", null, now]);
  }
  geo.newWards.forEach((w, i) => {
    const code = wardCommitteeCode(w.code);
    ids.set(code, rows.length + 1);
    const bare = w.name.replace(/^(Phường|Xã) /, "");
    rows.push([rows.length + 1, code, `Ủy ban nhân dân ${w.name}`, `People's Committee of ${bare} ${w.type === "phuong" ? "Ward" : "Commune"}`, "ward_committee", units.newWards[i], now]);
  });
  await copyRows(db, "department", ["id", "code", "name_vi", "name_en", "kind", "unit_id", "created_at"], rows);
  const services = publicServices.map((_, i) => i + 1);
  await copyRows(
    db,
    "public_service",
    ["id", "code", "name_vi", "name_en", "field", "department_id", "online_level", "fee_vnd", "processing_days"],
    publicServices.map((s, i) => [i + 1, s.code, s.nameVi, s.nameEn, s.field, ids.get(s.department) ?? null, s.onlineLevel, s.feeVnd, s.processingDays]),
  );
  await db.exec(
    `SELECT setval(pg_get_serial_sequence('department', 'id'), (SELECT max(id) FROM department));
     SELECT setval(pg_get_serial_sequence('public_service', 'id'), (SELECT max(id) FROM public_service));`,
  );
  return { departments: ids, services, rows: rows.length + publicServices.length };
}

/** The start of each reporting period that ended within the last 12 months. */
function periods(frequency: string, now: number): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  const today = localMidnight(now);
  const from = today - 365 * DAY;
  if (frequency === "daily" || frequency === "weekly") {
    const step = frequency === "daily" ? 1 : 7;
    // Weekly periods start on Mondays.
    let start = from;
    if (step === 7) while (localParts(start).weekday !== 1) start += DAY;
    for (; start + step * DAY <= today; start += step * DAY) out.push({ start, end: start + (step - 1) * DAY });
    return out;
  }
  const months = frequency === "monthly" ? 1 : frequency === "quarterly" ? 3 : 12;
  let { year, month } = localParts(from);
  month = Math.ceil(month / months) * months + 1;
  if (month > 12) {
    month -= 12;
    year++;
  }
  for (;;) {
    const start = localTime(year, month, 1);
    let nextMonth = month + months;
    let nextYear = year;
    while (nextMonth > 12) {
      nextMonth -= 12;
      nextYear++;
    }
    const next = localTime(nextYear, nextMonth, 1);
    if (next > today) break;
    out.push({ start, end: next - DAY });
    year = nextYear;
    month = nextMonth;
  }
  return out;
}

export async function writeDatasets(db: Database, seed: number, refs: ReferenceIds, now: Date): Promise<{ datasets: number; updates: number }> {
  const rng = new Random(seed, "datasets");
  const nowMs = now.getTime();
  const datasetRows: Cell[][] = datasets.map((d, i) => [i + 1, d.code, d.nameVi, d.nameEn, d.category, refs.departments.get(d.department) ?? null, d.frequency, JSON.stringify(d.fields), d.targetRecords, now]);
  await copyRows(db, "dataset", ["id", "code", "name_vi", "name_en", "category", "department_id", "frequency", "fields", "target_records", "created_at"], datasetRows);
  const updates: Cell[][] = [];
  datasets.forEach((d, i) => {
    let version = 0;
    const all = periods(d.frequency, nowMs);
    all.forEach((p, k) => {
      const f = k / Math.max(1, all.length - 1);
      // Some periods are never submitted at all (missed), some late.
      if (rng.chance(d.lateness / 3)) return;
      const grace = d.frequency === "daily" ? 6 * HOUR : d.frequency === "weekly" ? 2 * DAY : 7 * DAY;
      const late = rng.chance(d.lateness);
      const submitted = Math.round(p.end + DAY + (late ? grace * rng.uniform(1.5, 4) : grace * rng.uniform(0.05, 0.9)));
      if (submitted > nowMs) return;
      const isLast = k === all.length - 1;
      const returned = rng.chance(0.05);
      const status = returned ? "returned" : isLast && rng.chance(0.6) ? "submitted" : "approved";
      const approved = status === "approved" ? Math.min(nowMs, submitted + Math.round(rng.uniform(2 * HOUR, 3 * DAY))) : null;
      const coverage = Math.min(1, 0.86 + 0.1 * f + rng.normal(0, 0.01));
      const rowCount = d.frequency === "daily" ? Math.round(d.targetRecords * rng.uniform(0.0004, 0.0012)) : Math.round(d.targetRecords * coverage);
      updates.push([
        i + 1, ++version, localDate(p.start), localDate(p.end), status, rowCount,
        Math.round(Math.min(1, 0.9 + 0.08 * f + rng.normal(0, 0.01)) * 1000) / 1000,
        Math.round(Math.min(1, 0.93 + 0.05 * f + rng.normal(0, 0.01)) * 1000) / 1000,
        new Date(submitted).toISOString(), approved === null ? null : new Date(approved).toISOString(), null,
        returned ? "Thiếu trường bắt buộc ở một số bản ghi; đề nghị bổ sung." : late ? "Nộp muộn so với kỳ báo cáo." : null,
      ]);
    });
  });
  await copyRows(db, "dataset_update", ["dataset_id", "version", "period_start", "period_end", "status", "row_count", "completeness", "validity", "submitted_at", "approved_at", "submitted_by_id", "comment"], updates);
  await db.exec(`SELECT setval(pg_get_serial_sequence('dataset', 'id'), (SELECT max(id) FROM dataset));`);
  return { datasets: datasetRows.length, updates: updates.length };
}
