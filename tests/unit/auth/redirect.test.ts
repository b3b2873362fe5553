import { describe, expect, it } from "vitest";
import { safeRedirect } from "../../../app/lib/redirect";

describe("safeRedirect", () => {
  it.each([
    ["/", "/"],
    ["/overview?ward=12", "/overview?ward=12"],
    ["/a/b#c", "/a/b#c"],
  ])("keeps the same-site path %s", (input, expected) => {
    expect(safeRedirect(input)).toBe(expected);
  });

  it.each([
    ["https://evil.example/", "an absolute URL"],
    ["//evil.example/", "a protocol-relative URL"],
    ["/\\evil.example", "a backslash trick browsers read as //"],
    ["javascript:alert(1)", "a script URL"],
    ["overview", "a relative path"],
    ["", "an empty string"],
  ])("refuses %s (%s)", (input) => {
    expect(safeRedirect(input)).toBe("/");
    expect(safeRedirect(input, "/login")).toBe("/login");
  });

  it("falls back for missing values and uploaded files", () => {
    expect(safeRedirect(null)).toBe("/");
    expect(safeRedirect(undefined)).toBe("/");
    expect(safeRedirect(new File(["x"], "x.txt"))).toBe("/");
  });
});
