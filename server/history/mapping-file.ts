// Reads a ward mapping file — which pre-2025 wards (old codes) make up each 2025 ward (new code),
// wholly ("full") or in part ("partial") — into flat rows. Two formats:
//   JSON  { "level2s": [ { "level2_id": "00004", "name": "…", "merges": [ { "old_id": "00004", "name": "…", "type": "full" } ] } ] }
//         (the shape of the official-derived 2025 mapping files; other top-level keys are ignored)
//   CSV   new_code,old_code,kind   (UTF-8, header row; extra columns such as names are ignored)
// Only the file's own structure is checked here; codes and kinds are checked against the database
// in mapping-validate.ts, so every problem of a file is reported in one pass.

export interface MappingRow {
  newCode: string;
  oldCode: string;
  /** As written; "full" or "partial" when valid. */
  kind: string;
  /** Where the row is in the file, for error messages: "level2s[3].merges[1]" or "line 5". */
  where: string;
}

export type MappingFormat = "json" | "csv";

/** Rows that could be read, and the problems of those that could not (the import needs none). */
export interface ParsedMapping {
  format: MappingFormat;
  rows: MappingRow[];
  problems: string[];
}

export function parseMappingFile(text: string): ParsedMapping {
  const body = text.replace(/^\uFEFF/, "");
  return body.trimStart().startsWith("{") || body.trimStart().startsWith("[") ? parseJson(body) : parseCsv(body);
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

/** Codes are text ("00004"): a number would already have lost its leading zeros. */
function codeField(value: unknown): string | null {
  return typeof value === "string" ? value.trim() : null;
}

function parseJson(text: string): ParsedMapping {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { format: "json", rows: [], problems: [`not valid JSON: ${error instanceof Error ? error.message : String(error)}`] };
  }
  if (!isRecord(data) || !Array.isArray(data.level2s)) {
    return { format: "json", rows: [], problems: ['expected an object with a "level2s" array: { "level2s": [ { "level2_id", "merges": [ { "old_id", "type" } ] } ] }'] };
  }
  const problems: string[] = [];
  const rows: MappingRow[] = [];
  const seenNew = new Map<string, string>();
  data.level2s.forEach((entry: unknown, i: number) => {
    const at = `level2s[${i}]`;
    if (!isRecord(entry)) {
      problems.push(`${at}: expected an object with "level2_id" and "merges"`);
      return;
    }
    const newCode = codeField(entry.level2_id);
    if (!newCode) {
      problems.push(`${at}: "level2_id" must be a non-empty string code (got ${JSON.stringify(entry.level2_id ?? null)})`);
      return;
    }
    const first = seenNew.get(newCode);
    if (first) {
      problems.push(`${at}: new code "${newCode}" is listed twice (also at ${first}); give each new unit one entry with all its old units`);
      return;
    }
    seenNew.set(newCode, at);
    if (!Array.isArray(entry.merges) || entry.merges.length === 0) {
      problems.push(`${at} (new code "${newCode}"): "merges" must be a non-empty array of { "old_id", "type" }`);
      return;
    }
    entry.merges.forEach((merge: unknown, j: number) => {
      const where = `${at}.merges[${j}]`;
      if (!isRecord(merge)) {
        problems.push(`${where}: expected an object with "old_id" and "type"`);
        return;
      }
      const oldCode = codeField(merge.old_id);
      if (!oldCode) {
        problems.push(`${where}: "old_id" must be a non-empty string code (got ${JSON.stringify(merge.old_id ?? null)})`);
        return;
      }
      rows.push({ newCode, oldCode, kind: typeof merge.type === "string" ? merge.type.trim() : String(merge.type ?? ""), where });
    });
  });
  if (rows.length === 0 && problems.length === 0) problems.push('"level2s" is empty: nothing to import');
  return { format: "json", rows, problems };
}

/** One CSV record into fields (RFC 4180 quoting; no newlines inside quotes — codes never have them). */
export function splitCsvLine(line: string): string[] | null {
  const fields: string[] = [];
  let field = "";
  let quoted = false;
  let wasQuoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field.trim() === "" && !wasQuoted) {
      quoted = true;
      wasQuoted = true;
      field = "";
    } else if (ch === ",") {
      fields.push(wasQuoted ? field : field.trim());
      field = "";
      wasQuoted = false;
    } else if (wasQuoted && ch.trim() !== "") {
      return null;
    } else field += ch;
  }
  if (quoted) return null;
  fields.push(wasQuoted ? field : field.trim());
  return fields;
}

const csvColumns = ["new_code", "old_code", "kind"] as const;

function parseCsv(text: string): ParsedMapping {
  const lines = text.split(/\r?\n/);
  const headerIndex = lines.findIndex((l) => l.trim() !== "");
  if (headerIndex < 0) return { format: "csv", rows: [], problems: ["the file is empty; expected a CSV header new_code,old_code,kind"] };
  const header = (splitCsvLine(lines[headerIndex]) ?? []).map((h) => h.trim().toLowerCase());
  const index = csvColumns.map((c) => header.indexOf(c));
  if (index.some((i) => i < 0)) {
    const missing = csvColumns.filter((_, k) => index[k] < 0);
    return { format: "csv", rows: [], problems: [`line ${headerIndex + 1}: the header must name the columns new_code,old_code,kind (missing: ${missing.join(", ")})`] };
  }
  const problems: string[] = [];
  const rows: MappingRow[] = [];
  for (let n = headerIndex + 1; n < lines.length; n++) {
    if (lines[n].trim() === "") continue;
    const where = `line ${n + 1}`;
    const fields = splitCsvLine(lines[n]);
    if (!fields) {
      problems.push(`${where}: malformed quoting`);
      continue;
    }
    if (fields.length < header.length) {
      problems.push(`${where}: expected ${header.length} fields, found ${fields.length}`);
      continue;
    }
    const [newCode, oldCode, kind] = index.map((i) => fields[i].trim());
    if (!newCode) problems.push(`${where}: new_code is empty`);
    if (!oldCode) problems.push(`${where}: old_code is empty`);
    if (newCode && oldCode) rows.push({ newCode, oldCode, kind, where });
  }
  if (rows.length === 0 && problems.length === 0) problems.push("the file has a header but no rows");
  return { format: "csv", rows, problems };
}
