// Vietnamese names for synthetic wards, streets and organisations, and the accent-free form used
// for search. All lists are hand-written common words, not any real register.

/** Lower-case, accents stripped, đ→d ("Phường Hoàn Kiếm" → "phuong hoan kiem"): the same rule as imports. */
import { asciiName } from "../../server/geo/text";

export const nameAscii = asciiName;

export function slugify(name: string): string {
  return nameAscii(name)
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

/** Syllables that Hanoi ward and commune names are commonly built from. */
export const wardStemsFirst = [
  "An", "Bình", "Phú", "Phúc", "Tân", "Minh", "Hòa", "Hưng", "Đông", "Tây", "Nam", "Bắc", "Thượng", "Trung",
  "Đại", "Vĩnh", "Kim", "Ngọc", "Quang", "Thanh", "Hồng", "Liên", "Xuân", "Yên", "Cát", "Mỹ", "Đồng", "Văn",
  "Thái", "Thịnh", "Hoàng", "Tiên", "Long", "Vạn", "Hà", "Tam", "Song", "Cổ", "Lạc", "Thụy", "Khánh", "Phương",
] as const;

export const wardStemsSecond = [
  "Hòa", "Lâm", "Thịnh", "Xá", "Mai", "Lộc", "Phong", "Tiến", "Sơn", "Hải", "Lợi", "Thành", "Hưng", "Khê",
  "Đình", "Yên", "Trạch", "Châu", "Quang", "Đức", "Nghĩa", "Phát", "Hồ", "Vũ", "Dương", "Bình", "Tường", "Cường",
  "Hạ", "Thượng", "Trung", "Viên", "Kiều", "Lương", "Tín", "Xuyên", "Liễu", "Mỹ", "Hiệp", "Lĩnh",
] as const;

export const urbanStreets = [
  "Hàng Bông", "Hàng Gai", "Kim Mã", "Láng Hạ", "Nguyễn Trãi", "Giải Phóng", "Trần Duy Hưng", "Xuân Thủy",
  "Cầu Giấy", "Tây Sơn", "Thái Hà", "Chùa Bộc", "Đội Cấn", "Hoàng Hoa Thám", "Lạc Long Quân", "Âu Cơ",
  "Nguyễn Văn Cừ", "Ngọc Lâm", "Minh Khai", "Bạch Mai", "Lê Thanh Nghị", "Trương Định", "Tam Trinh",
  "Lĩnh Nam", "Nguyễn Xiển", "Khương Đình", "Lê Văn Lương", "Tố Hữu", "Quang Trung", "Phạm Văn Đồng",
  "Hồ Tùng Mậu", "Cổ Nhuế", "Thụy Khuê", "Yên Phụ", "Đê La Thành", "Nguyễn Chí Thanh", "Láng", "Vũ Trọng Phụng",
  "Kim Giang", "Định Công", "Nguyễn Lương Bằng", "Tôn Đức Thắng", "Phố Huế", "Lò Đúc", "Bà Triệu", "Hai Bà Trưng",
] as const;

export const villagePrefixes = ["Thôn", "Xóm", "Đội", "Cụm dân cư"] as const;

export const familyNames = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Ngô", "Dương", "Lý"] as const;
export const middleNames = ["Văn", "Thị", "Minh", "Đức", "Thu", "Quốc", "Thanh", "Ngọc", "Hải", "Bảo"] as const;
export const givenNames = ["An", "Bình", "Chi", "Dũng", "Giang", "Hà", "Hùng", "Lan", "Linh", "Long", "Mai", "Nam", "Phương", "Quân", "Sơn", "Trang", "Tú", "Vy"] as const;
