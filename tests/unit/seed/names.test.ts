import { expect, it } from "vitest";
import { nameAscii, slugify } from "../../../prisma/seed/names";

it("strips Vietnamese accents, maps đ to d and lower-cases", () => {
  expect(nameAscii("Phường Hoàn Kiếm")).toBe("phuong hoan kiem");
  expect(nameAscii("Quận Đống Đa")).toBe("quan dong da");
  expect(nameAscii("Xã Ứng Hòa  ")).toBe("xa ung hoa");
  expect(nameAscii("Thị xã Sơn Tây")).toBe("thi xa son tay");
  expect(nameAscii("Huyện Mỹ Đức")).toBe("huyen my duc");
  // Precomposed and decomposed input give the same result.
  expect(nameAscii("Thạch Thất".normalize("NFD"))).toBe(nameAscii("Thạch Thất".normalize("NFC")));
  expect(slugify("Quỹ Đầu tư Đổi mới sáng tạo Sen!")).toBe("quy-dau-tu-doi-moi-sang-tao-sen");
});
