// What a household registration must contain, checked the same way for one household (CLI,
// operator UI) and for every row of a CSV file.

export interface HouseholdInput {
  address: string;
  lon: number;
  lat: number;
  members?: number | null;
}

export interface FieldProblem {
  field: "address" | "lon" | "lat" | "members";
  message: string;
}

export const MAX_ADDRESS_LENGTH = 300;
export const MAX_MEMBERS = 50;

/** Problems with a household's fields (not yet its ward); empty when the input is usable. */
export function householdInputProblems(input: { address: unknown; lon: unknown; lat: unknown; members?: unknown }): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (typeof input.address !== "string" || input.address.trim() === "") problems.push({ field: "address", message: "address is missing" });
  else if (input.address.trim().length > MAX_ADDRESS_LENGTH) problems.push({ field: "address", message: `address is longer than ${MAX_ADDRESS_LENGTH} characters` });
  const coordinate = (field: "lon" | "lat", value: unknown, limit: number) => {
    if (typeof value !== "number" || !Number.isFinite(value)) problems.push({ field, message: `${field} is not a number` });
    else if (Math.abs(value) > limit) problems.push({ field, message: `${field} must be between -${limit} and ${limit} (got ${value})` });
  };
  coordinate("lon", input.lon, 180);
  coordinate("lat", input.lat, 90);
  const members = input.members;
  if (members !== undefined && members !== null) {
    if (typeof members !== "number" || !Number.isInteger(members) || members < 1 || members > MAX_MEMBERS) {
      problems.push({ field: "members", message: `members must be a whole number from 1 to ${MAX_MEMBERS}` });
    }
  }
  return problems;
}

/** A decimal number as written in a CSV cell or on the command line; NaN when it is not one. */
export function parseDecimal(text: string): number {
  const trimmed = text.trim();
  return /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(trimmed) ? Number(trimmed) : Number.NaN;
}
