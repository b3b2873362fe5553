// CONTRACT (to be implemented by the boundary-import work): keep these exports and signatures.
import type { Database } from "../db/client";

export class BoundaryImportError extends Error {
  constructor(
    message: string,
    readonly problems: string[],
  ) {
    super(message);
    this.name = "BoundaryImportError";
  }
}

export interface BoundaryImportOptions {
  source: string;
  nameProp?: string;
  codeProp?: string;
  level: "ward" | "district";
  validFrom?: string;
  actor: { kind: "cli" | "user" | "system"; id?: string };
}

export interface BoundaryImportResult {
  level: "ward" | "district";
  imported: number;
  retired: number;
  validFrom: string;
  reassigned: { households: number; terminals: number; outside: number };
}

export async function importBoundaries(_db: Database, _text: string, _options: BoundaryImportOptions): Promise<BoundaryImportResult> {
  throw new Error("importBoundaries: not implemented yet");
}
