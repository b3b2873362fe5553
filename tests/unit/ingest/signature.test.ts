import { describe, expect, it } from "vitest";
import { signBody, signatureMatches, signedHeaders } from "../../../server/ingest/signature";

const secret = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
const body = '{"events":[{"id":"7d3c1f1e-8a4b-4c1e-9f0a-2b6d5e4c3a21","type":"heartbeat","at":"2026-01-01T07:00:00+07:00"}]}';
// printf '%s.%s' 1767225600 "$BODY" | openssl dgst -sha256 -hmac "$SECRET" — what the README's curl example does.
const fromOpenssl = "36add7db209623429309b64359ed9fb0c20ac5db128a663e486bd7f5186aee73";

describe("request signatures", () => {
  it("are hex HMAC-SHA256 over `${timestamp}.${body}` keyed by the secret text, as openssl computes them", () => {
    expect(signBody(secret, 1767225600, body)).toBe(fromOpenssl);
    expect(signBody(Buffer.from(secret), "1767225600", new TextEncoder().encode(body))).toBe(fromOpenssl);
  });

  it("match only the same key, timestamp and bytes; upper-case hex is fine, other text is not", () => {
    const key = Buffer.from(secret);
    const bytes = new TextEncoder().encode(body);
    expect(signatureMatches(key, "1767225600", bytes, fromOpenssl)).toBe(true);
    expect(signatureMatches(key, "1767225600", bytes, fromOpenssl.toUpperCase())).toBe(true);
    expect(signatureMatches(key, "1767225601", bytes, fromOpenssl)).toBe(false);
    expect(signatureMatches(Buffer.from(secret.replace("0", "1")), "1767225600", bytes, fromOpenssl)).toBe(false);
    expect(signatureMatches(key, "1767225600", new TextEncoder().encode(`${body} `), fromOpenssl)).toBe(false);
    expect(signatureMatches(key, "1767225600", bytes, fromOpenssl.slice(0, 62))).toBe(false);
    expect(signatureMatches(key, "1767225600", bytes, `${fromOpenssl.slice(0, 62)}zz`)).toBe(false);
  });

  it("signedHeaders carries the code, the unix seconds and the signature", () => {
    const headers = signedHeaders("TB0000000018", secret, body, 1767225600_999);
    expect(headers).toEqual({ "content-type": "application/json", "x-terminal-code": "TB0000000018", "x-timestamp": "1767225600", "x-signature": fromOpenssl });
  });
});
