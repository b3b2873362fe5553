// Errors an operator can act on: each says what was wrong and what to do instead.
// (The CLI prints the message and exits non-zero; the tRPC layer maps `kind` to a status.)

export type RegistryErrorKind = "invalid" | "not_found" | "conflict";

export class RegistryError extends Error {
  constructor(
    message: string,
    readonly kind: RegistryErrorKind,
  ) {
    super(message);
    this.name = "RegistryError";
  }
}

export class HouseholdOutsideCityError extends RegistryError {
  constructor(
    readonly lon: number,
    readonly lat: number,
  ) {
    super(`the point (lon ${lon}, lat ${lat}) is outside every current ward of the city; check the GPS point (longitude first, then latitude)`, "invalid");
    this.name = "HouseholdOutsideCityError";
  }
}

export interface Actor {
  kind: "user" | "cli" | "system" | "api_token";
  id?: string | null;
  ip?: string | null;
}
