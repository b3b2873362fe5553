// The 30 district-level units of Hanoi before 1 July 2025 (public facts, written from general
// knowledge): GSO code, name, type, approximate centre, population (≈ 2019 census), approximate
// area, and how many wards/communes (and of those, thị trấn) each had in the 579-unit list.

export type DistrictType = "quan" | "huyen" | "thi_xa";

export interface DistrictFact {
  code: string;
  name: string;
  type: DistrictType;
  center: [lon: number, lat: number];
  population: number;
  areaKm2: number;
  wards: number;
  towns: number;
}

export const districtPrefix: Record<DistrictType, string> = { quan: "Quận", huyen: "Huyện", thi_xa: "Thị xã" };

export const hanoiDistricts: readonly DistrictFact[] = [
  { code: "001", name: "Ba Đình", type: "quan", center: [105.8195, 21.0355], population: 221_900, areaKm2: 9.2, wards: 14, towns: 0 },
  { code: "002", name: "Hoàn Kiếm", type: "quan", center: [105.8525, 21.0285], population: 135_600, areaKm2: 5.3, wards: 18, towns: 0 },
  { code: "003", name: "Tây Hồ", type: "quan", center: [105.8180, 21.0700], population: 160_500, areaKm2: 24.0, wards: 8, towns: 0 },
  { code: "004", name: "Long Biên", type: "quan", center: [105.8950, 21.0450], population: 322_500, areaKm2: 60.4, wards: 14, towns: 0 },
  { code: "005", name: "Cầu Giấy", type: "quan", center: [105.7930, 21.0330], population: 292_500, areaKm2: 12.3, wards: 8, towns: 0 },
  { code: "006", name: "Đống Đa", type: "quan", center: [105.8260, 21.0150], population: 371_600, areaKm2: 10.0, wards: 21, towns: 0 },
  { code: "007", name: "Hai Bà Trưng", type: "quan", center: [105.8580, 21.0070], population: 303_600, areaKm2: 10.3, wards: 18, towns: 0 },
  { code: "008", name: "Hoàng Mai", type: "quan", center: [105.8600, 20.9750], population: 506_300, areaKm2: 40.3, wards: 14, towns: 0 },
  { code: "009", name: "Thanh Xuân", type: "quan", center: [105.8080, 20.9950], population: 293_500, areaKm2: 9.1, wards: 11, towns: 0 },
  { code: "016", name: "Sóc Sơn", type: "huyen", center: [105.8400, 21.2650], population: 343_400, areaKm2: 305.5, wards: 26, towns: 1 },
  { code: "017", name: "Đông Anh", type: "huyen", center: [105.8450, 21.1400], population: 381_300, areaKm2: 185.6, wards: 24, towns: 1 },
  { code: "018", name: "Gia Lâm", type: "huyen", center: [105.9500, 21.0200], population: 292_900, areaKm2: 116.7, wards: 22, towns: 2 },
  { code: "019", name: "Nam Từ Liêm", type: "quan", center: [105.7600, 21.0150], population: 264_200, areaKm2: 32.2, wards: 10, towns: 0 },
  { code: "020", name: "Thanh Trì", type: "huyen", center: [105.8450, 20.9350], population: 281_600, areaKm2: 63.2, wards: 16, towns: 1 },
  { code: "021", name: "Bắc Từ Liêm", type: "quan", center: [105.7600, 21.0700], population: 335_100, areaKm2: 45.3, wards: 13, towns: 0 },
  { code: "250", name: "Mê Linh", type: "huyen", center: [105.7200, 21.1800], population: 241_600, areaKm2: 142.5, wards: 18, towns: 2 },
  { code: "268", name: "Hà Đông", type: "quan", center: [105.7650, 20.9600], population: 382_600, areaKm2: 49.6, wards: 17, towns: 0 },
  { code: "269", name: "Sơn Tây", type: "thi_xa", center: [105.4950, 21.1150], population: 146_800, areaKm2: 117.2, wards: 15, towns: 0 },
  { code: "271", name: "Ba Vì", type: "huyen", center: [105.3900, 21.1500], population: 305_200, areaKm2: 424.0, wards: 31, towns: 1 },
  { code: "272", name: "Phúc Thọ", type: "huyen", center: [105.5600, 21.1050], population: 185_200, areaKm2: 118.5, wards: 21, towns: 1 },
  { code: "273", name: "Đan Phượng", type: "huyen", center: [105.6650, 21.1000], population: 185_600, areaKm2: 77.8, wards: 16, towns: 1 },
  { code: "274", name: "Hoài Đức", type: "huyen", center: [105.7050, 21.0300], population: 276_000, areaKm2: 84.9, wards: 20, towns: 1 },
  { code: "275", name: "Quốc Oai", type: "huyen", center: [105.6200, 20.9850], population: 202_900, areaKm2: 151.1, wards: 21, towns: 1 },
  { code: "276", name: "Thạch Thất", type: "huyen", center: [105.5500, 21.0400], population: 209_500, areaKm2: 202.1, wards: 23, towns: 1 },
  { code: "277", name: "Chương Mỹ", type: "huyen", center: [105.6600, 20.8800], population: 337_300, areaKm2: 237.5, wards: 32, towns: 2 },
  { code: "278", name: "Thanh Oai", type: "huyen", center: [105.7750, 20.8550], population: 210_700, areaKm2: 123.9, wards: 21, towns: 1 },
  { code: "279", name: "Thường Tín", type: "huyen", center: [105.8650, 20.8450], population: 254_400, areaKm2: 130.5, wards: 29, towns: 1 },
  { code: "280", name: "Phú Xuyên", type: "huyen", center: [105.9100, 20.7300], population: 212_400, areaKm2: 171.1, wards: 27, towns: 2 },
  { code: "281", name: "Ứng Hòa", type: "huyen", center: [105.7800, 20.7150], population: 210_900, areaKm2: 188.2, wards: 29, towns: 1 },
  { code: "282", name: "Mỹ Đức", type: "huyen", center: [105.7250, 20.6600], population: 197_800, areaKm2: 230.0, wards: 22, towns: 1 },
];

export const cityFacts = {
  code: "01",
  name: "Thành phố Hà Nội",
  validFrom: "2008-08-01",
  /** Pre-2025 units end the day before the two-tier system took effect. */
  oldValidTo: "2025-06-30",
  newValidFrom: "2025-07-01",
  newWardCount: 126,
} as const;
