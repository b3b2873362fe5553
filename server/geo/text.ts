/**
 * Lower-case, accent-free form of a Vietnamese name, for accent-insensitive search
 * ("hoan kiem" finds "Phường Hoàn Kiếm"). đ is a letter of its own, not an accented d,
 * so NFD leaves it alone and it needs its own rule.
 */
export function asciiName(name: string): string {
  return name
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
}
