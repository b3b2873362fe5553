import type { UnitType } from "../db/generated/client";
import { asciiName } from "./text";

export type ImportLevel = "ward" | "district";

/** Properties that official and GADM boundary files use for the kind of unit. */
export const typeProperties = ["loai", "loai_xa", "loai_huyen", "TYPE_3", "TYPE_2", "ENGTYPE_3", "ENGTYPE_2", "type"] as const;

/**
 * Values a type property may hold, compared without accents, case or spaces (GADM writes
 * "Thịtrấn").
 */
const typeValues: Record<string, UnitType> = {
  phuong: "phuong",
  xa: "xa",
  thitran: "thi_tran",
  quan: "quan",
  huyen: "huyen",
  thixa: "thi_xa",
  thanhpho: "thanh_pho",
  // GADM's English types.
  ward: "phuong",
  commune: "xa",
  township: "thi_tran",
  "commune-leveltown": "thi_tran",
  urbandistrict: "quan",
  district: "huyen",
  ruraldistrict: "huyen",
  town: "thi_xa",
  city: "thanh_pho",
};

// Name prefixes are matched with their accents: an unaccented bare name such as "Xa La" is a
// place called Xa La, not a commune ("Xã").
const namePrefixes: [string, UnitType][] = [
  ["thị trấn ", "thi_tran"],
  ["thị xã ", "thi_xa"],
  ["thành phố ", "thanh_pho"],
  ["phường ", "phuong"],
  ["xã ", "xa"],
  ["quận ", "quan"],
  ["huyện ", "huyen"],
];

export const typesByLevel: Record<ImportLevel, readonly UnitType[]> = {
  ward: ["phuong", "xa", "thi_tran"],
  district: ["quan", "huyen", "thi_xa", "thanh_pho"],
};

export interface DetectedType {
  type: UnitType;
  /** The property it came from, or "name" when read from the name's prefix. */
  from: string;
}

/** The unit's type from a type property when there is one, else from the name's prefix ("Phường …"). */
export function detectUnitType(properties: Record<string, unknown>, name: string): DetectedType | null {
  for (const prop of typeProperties) {
    const value = properties[prop];
    if (typeof value !== "string" || !value.trim()) continue;
    const type = typeValues[asciiName(value).replace(/ /g, "")];
    if (type) return { type, from: prop };
  }
  const lower = name.normalize("NFC").toLowerCase().replace(/\s+/g, " ").trim();
  for (const [prefix, type] of namePrefixes) if (lower.startsWith(prefix)) return { type, from: "name" };
  return null;
}
