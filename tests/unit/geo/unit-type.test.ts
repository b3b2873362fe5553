import { describe, expect, it } from "vitest";
import { detectUnitType } from "../../../server/geo/unit-type";
import { asciiName } from "../../../server/geo/text";

describe("detectUnitType", () => {
  it.each([
    ["Phường Hoàn Kiếm", "phuong"],
    ["Xã Ba Vì", "xa"],
    ["Thị trấn Phú Xuyên", "thi_tran"],
    ["Quận Ba Đình", "quan"],
    ["Huyện Đông Anh", "huyen"],
    ["Thị xã Sơn Tây", "thi_xa"],
    ["  phường  Cống Vị", "phuong"],
    // Decomposed (NFD) input, as some tools write it.
    ["Xã Tàm Xá".normalize("NFD"), "xa"],
  ])("reads %s from the name's prefix", (name, type) => {
    expect(detectUnitType({}, name)).toEqual({ type, from: "name" });
  });

  it("prefers a type property over the name", () => {
    expect(detectUnitType({ loai: "Xã" }, "Phường Nhầm")).toEqual({ type: "xa", from: "loai" });
    expect(detectUnitType({ loai_huyen: "Thị xã" }, "Sơn Tây")).toEqual({ type: "thi_xa", from: "loai_huyen" });
    expect(detectUnitType({ TYPE_3: "Thị trấn" }, "YênViên")).toEqual({ type: "thi_tran", from: "TYPE_3" });
    expect(detectUnitType({ TYPE_3: "thi tran" }, "Yên Viên")).toEqual({ type: "thi_tran", from: "TYPE_3" });
    // GADM writes Vietnamese without spaces.
    expect(detectUnitType({ TYPE_3: "Thịtrấn" }, "YênViên")).toEqual({ type: "thi_tran", from: "TYPE_3" });
    expect(detectUnitType({ ENGTYPE_3: "Commune" }, "Đại Mạch")).toEqual({ type: "xa", from: "ENGTYPE_3" });
  });

  it("ignores an unknown type value and falls back to the name", () => {
    expect(detectUnitType({ loai: "khu phố" }, "Phường Một")).toEqual({ type: "phuong", from: "name" });
  });

  it("does not mistake an unaccented place name for a type", () => {
    expect(detectUnitType({}, "Xa La")).toBeNull();
    expect(detectUnitType({}, "Quan Hoa")).toBeNull();
    expect(detectUnitType({}, "Hoàn Kiếm")).toBeNull();
  });
});

describe("asciiName", () => {
  it("strips accents, folds đ and lower-cases", () => {
    expect(asciiName("Phường Hoàn Kiếm")).toBe("phuong hoan kiem");
    expect(asciiName("Quận Đống Đa")).toBe("quan dong da");
    expect(asciiName("  Xã   Tàm Xá ".normalize("NFD"))).toBe("xa tam xa");
  });
});
