// City departments (Sở/ban/ngành, after the 2025 reorganisation), the public-service catalogue and
// the six core databases. Names are the real Hanoi bodies; procedure codes are realistic in form
// ("1.00xxxx") but synthetic.
import type { DatasetCategory, OnlineLevel, UpdateFrequency } from "../../server/db/generated/client";

export interface DepartmentDef {
  code: string;
  nameVi: string;
  nameEn: string;
}

export const departments: readonly DepartmentDef[] = [
  { code: "VPUB", nameVi: "Văn phòng Ủy ban nhân dân Thành phố", nameEn: "Office of the City People's Committee" },
  { code: "STP", nameVi: "Sở Tư pháp", nameEn: "Department of Justice" },
  { code: "SYT", nameVi: "Sở Y tế", nameEn: "Department of Health" },
  { code: "SGDDT", nameVi: "Sở Giáo dục và Đào tạo", nameEn: "Department of Education and Training" },
  { code: "STC", nameVi: "Sở Tài chính", nameEn: "Department of Finance" },
  { code: "SNV", nameVi: "Sở Nội vụ", nameEn: "Department of Home Affairs" },
  { code: "SXD", nameVi: "Sở Xây dựng", nameEn: "Department of Construction" },
  { code: "SNNMT", nameVi: "Sở Nông nghiệp và Môi trường", nameEn: "Department of Agriculture and Environment" },
  { code: "CATP", nameVi: "Công an Thành phố", nameEn: "City Police" },
  { code: "SKHCN", nameVi: "Sở Khoa học và Công nghệ", nameEn: "Department of Science and Technology" },
  { code: "SCT", nameVi: "Sở Công Thương", nameEn: "Department of Industry and Trade" },
  { code: "SVHTT", nameVi: "Sở Văn hóa và Thể thao", nameEn: "Department of Culture and Sports" },
  { code: "SDL", nameVi: "Sở Du lịch", nameEn: "Department of Tourism" },
  { code: "SQHKT", nameVi: "Sở Quy hoạch - Kiến trúc", nameEn: "Department of Planning and Architecture" },
  { code: "SDTTG", nameVi: "Sở Dân tộc và Tôn giáo", nameEn: "Department of Ethnic and Religious Affairs" },
  { code: "TTTP", nameVi: "Thanh tra Thành phố", nameEn: "City Inspectorate" },
];

export const wardCommitteeCode = (wardCode: string) => `UB${wardCode}`;

export interface ServiceDef {
  code: string;
  nameVi: string;
  nameEn: string;
  field: string;
  department: string;
  onlineLevel: OnlineLevel;
  feeVnd: number | null;
  processingDays: number;
  /** Relative number of dossiers per year. */
  weight: number;
}

const s = (code: string, nameVi: string, nameEn: string, field: string, department: string, onlineLevel: OnlineLevel, feeVnd: number | null, processingDays: number, weight: number): ServiceDef => ({ code, nameVi, nameEn, field, department, onlineLevel, feeVnd, processingDays, weight });

export const publicServices: readonly ServiceDef[] = [
  s("1.001193", "Đăng ký khai sinh", "Birth registration", "Hộ tịch", "STP", "full", null, 1, 60),
  s("1.001022", "Đăng ký kết hôn", "Marriage registration", "Hộ tịch", "STP", "partial", null, 1, 18),
  s("1.000656", "Đăng ký khai tử", "Death registration", "Hộ tịch", "STP", "full", null, 1, 12),
  s("1.004873", "Cấp bản sao trích lục hộ tịch", "Copy of a civil status extract", "Hộ tịch", "STP", "full", 8_000, 1, 40),
  s("1.004884", "Xác nhận tình trạng hôn nhân", "Certificate of marital status", "Hộ tịch", "STP", "full", null, 3, 30),
  s("2.000908", "Chứng thực bản sao từ bản chính", "Certified copy of an original document", "Chứng thực", "STP", "partial", 2_000, 1, 80),
  s("2.000815", "Chứng thực chữ ký", "Signature certification", "Chứng thực", "STP", "partial", 10_000, 1, 25),
  s("1.001233", "Cấp phiếu lý lịch tư pháp", "Criminal record certificate", "Lý lịch tư pháp", "STP", "full", 200_000, 10, 35),
  s("1.010711", "Đăng ký thường trú", "Permanent residence registration", "Đăng ký, quản lý cư trú", "CATP", "full", 20_000, 7, 30),
  s("1.010712", "Đăng ký tạm trú", "Temporary residence registration", "Đăng ký, quản lý cư trú", "CATP", "full", 15_000, 3, 35),
  s("2.001159", "Cấp thẻ Căn cước", "Issuing an identity card", "Căn cước", "CATP", "partial", 30_000, 7, 25),
  s("1.003621", "Đăng ký xe", "Vehicle registration", "Đăng ký, quản lý phương tiện", "CATP", "partial", 150_000, 2, 20),
  s("2.000046", "Cấp giấy phép xây dựng nhà ở riêng lẻ", "Building permit for a private house", "Hoạt động xây dựng", "SXD", "partial", 75_000, 15, 10),
  s("1.002804", "Cấp đổi giấy phép lái xe", "Driving licence renewal", "Đường bộ", "SXD", "full", 135_000, 5, 28),
  s("1.009972", "Cấp giấy phép sử dụng tạm thời lòng đường, hè phố", "Temporary use of a pavement or roadway", "Hạ tầng kỹ thuật", "SXD", "partial", null, 5, 4),
  s("1.004227", "Đăng ký biến động quyền sử dụng đất", "Registration of changes in land use rights", "Đất đai", "SNNMT", "partial", 100_000, 10, 16),
  s("1.004203", "Cấp giấy chứng nhận quyền sử dụng đất lần đầu", "First land use rights certificate", "Đất đai", "SNNMT", "partial", 100_000, 20, 8),
  s("1.004138", "Cấp giấy phép môi trường", "Environmental permit", "Môi trường", "SNNMT", "partial", 1_500_000, 30, 2),
  s("2.000575", "Đăng ký thành lập hộ kinh doanh", "Registration of a household business", "Thành lập và hoạt động của hộ kinh doanh", "STC", "full", 100_000, 3, 14),
  s("2.001610", "Đăng ký thành lập doanh nghiệp", "Enterprise registration", "Thành lập và hoạt động của doanh nghiệp", "STC", "full", 50_000, 3, 12),
  s("1.005408", "Đăng ký thay đổi nội dung đăng ký doanh nghiệp", "Change of enterprise registration details", "Thành lập và hoạt động của doanh nghiệp", "STC", "full", 50_000, 3, 10),
  s("1.001612", "Trợ cấp xã hội hằng tháng cho người cao tuổi", "Monthly social allowance for the elderly", "Bảo trợ xã hội", "SYT", "partial", null, 10, 8),
  s("1.001776", "Công nhận hộ nghèo, hộ cận nghèo phát sinh", "Recognition of a poor or near-poor household", "Bảo trợ xã hội", "SYT", "partial", null, 10, 5),
  s("1.012098", "Cấp giấy phép hành nghề khám bệnh, chữa bệnh", "Medical practising licence", "Khám bệnh, chữa bệnh", "SYT", "partial", 360_000, 20, 4),
  s("1.003019", "Cấp giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm", "Food safety certificate for a business", "An toàn thực phẩm", "SYT", "partial", 500_000, 15, 5),
  s("1.005099", "Tuyển sinh trung học cơ sở", "Lower-secondary school admission", "Giáo dục và Đào tạo", "SGDDT", "full", null, 15, 20),
  s("1.005094", "Tuyển sinh vào lớp 10", "Upper-secondary (grade 10) admission", "Giáo dục và Đào tạo", "SGDDT", "full", null, 20, 15),
  s("1.005092", "Cấp bản sao văn bằng, chứng chỉ từ sổ gốc", "Copy of a diploma from the master register", "Văn bằng, chứng chỉ", "SGDDT", "full", 10_000, 5, 8),
  s("1.009872", "Giải quyết chế độ ưu đãi người có công", "Benefits for people with meritorious services", "Người có công", "SNV", "partial", null, 15, 4),
  s("1.005388", "Thi tuyển công chức", "Civil service recruitment exam", "Công chức, viên chức", "SNV", "partial", 260_000, 30, 3),
  s("1.001885", "Cấp giấy phép kinh doanh bán lẻ rượu", "Retail alcohol licence", "Lưu thông hàng hóa", "SCT", "full", 1_200_000, 10, 3),
  s("1.000935", "Cấp giấy chứng nhận đủ điều kiện kinh doanh xăng dầu", "Fuel retail eligibility certificate", "Kinh doanh khí, xăng dầu", "SCT", "partial", 1_200_000, 20, 1),
  s("1.003623", "Cấp giấy phép tổ chức biểu diễn nghệ thuật", "Permit for an art performance", "Nghệ thuật biểu diễn", "SVHTT", "full", 500_000, 5, 3),
  s("1.001029", "Cấp giấy phép kinh doanh karaoke", "Karaoke business licence", "Văn hóa", "SVHTT", "partial", 3_000_000, 5, 1),
  s("1.004628", "Cấp giấy phép kinh doanh dịch vụ lữ hành nội địa", "Domestic tour operator licence", "Lữ hành", "SDL", "full", 3_000_000, 10, 1),
  s("1.000981", "Công nhận cơ sở lưu trú du lịch", "Recognition of tourist accommodation", "Lưu trú du lịch", "SDL", "partial", 1_500_000, 30, 1),
  s("1.008910", "Cấp chứng chỉ quy hoạch", "Planning certificate", "Quy hoạch xây dựng, kiến trúc", "SQHKT", "partial", null, 15, 3),
  s("1.006997", "Đăng ký sinh hoạt tôn giáo tập trung", "Registration of a religious congregation", "Tôn giáo", "SDTTG", "none", null, 30, 1),
  s("2.002231", "Tiếp công dân, giải quyết khiếu nại lần đầu", "First-instance handling of a complaint", "Giải quyết khiếu nại", "TTTP", "none", null, 30, 3),
  s("1.012345", "Cấp giấy chứng nhận doanh nghiệp khoa học và công nghệ", "Science and technology enterprise certificate", "Hoạt động khoa học và công nghệ", "SKHCN", "full", null, 15, 2),
  s("1.011234", "Đăng ký tham gia chương trình hỗ trợ khởi nghiệp đổi mới sáng tạo", "Application to the innovative start-up support programme", "Hỗ trợ khởi nghiệp", "SKHCN", "full", null, 20, 2),
  s("1.000775", "Cấp giấy phép hoạt động in", "Printing licence", "Xuất bản, in và phát hành", "SKHCN", "partial", null, 10, 1),
];

export interface DatasetField {
  name: string;
  type: "string" | "integer" | "number" | "date" | "boolean" | "enum";
  required: boolean;
  rule?: string;
}

export interface DatasetDef {
  code: string;
  nameVi: string;
  nameEn: string;
  category: DatasetCategory;
  department: string;
  frequency: UpdateFrequency;
  targetRecords: number;
  fields: DatasetField[];
  /** How often an update is late or missed (0–1). */
  lateness: number;
}

const citizenId: DatasetField = { name: "so_dinh_danh", type: "string", required: true, rule: "^\\d{12}$" };
const wardCode: DatasetField = { name: "ma_xa", type: "string", required: true, rule: "^\\d{5}$" };
const taxCode: DatasetField = { name: "ma_so_thue", type: "string", required: true, rule: "^(\\d{10}|\\d{10}-\\d{3})$" };

export const datasets: readonly DatasetDef[] = [
  {
    code: "DC", nameVi: "Cơ sở dữ liệu dân cư", nameEn: "Population database", category: "population", department: "CATP", frequency: "daily", targetRecords: 8_500_000, lateness: 0.03,
    fields: [citizenId, { name: "ho_ten", type: "string", required: true }, { name: "ngay_sinh", type: "date", required: true }, { name: "gioi_tinh", type: "enum", required: true, rule: "nam|nu" }, wardCode, { name: "ma_ho", type: "string", required: false, rule: "^HN\\d{8}$" }],
  },
  {
    code: "DD", nameVi: "Cơ sở dữ liệu đất đai", nameEn: "Land database", category: "land", department: "SNNMT", frequency: "monthly", targetRecords: 2_100_000, lateness: 0.15,
    fields: [{ name: "so_thua", type: "string", required: true }, { name: "so_to_ban_do", type: "string", required: true }, wardCode, { name: "dien_tich_m2", type: "number", required: true, rule: ">0" }, { name: "muc_dich_su_dung", type: "string", required: true }, { ...citizenId, name: "chu_su_dung", required: false }],
  },
  {
    code: "DN", nameVi: "Cơ sở dữ liệu doanh nghiệp", nameEn: "Enterprise database", category: "enterprise", department: "STC", frequency: "weekly", targetRecords: 390_000, lateness: 0.08,
    fields: [taxCode, { name: "ten_doanh_nghiep", type: "string", required: true }, { name: "ngay_thanh_lap", type: "date", required: true }, { name: "nganh_nghe_chinh", type: "string", required: true, rule: "^\\d{4,5}$" }, wardCode, { name: "tinh_trang", type: "enum", required: true, rule: "hoat_dong|tam_ngung|giai_the" }],
  },
  {
    code: "HKD", nameVi: "Cơ sở dữ liệu hộ kinh doanh", nameEn: "Household business database", category: "enterprise", department: "STC", frequency: "monthly", targetRecords: 420_000, lateness: 0.18,
    fields: [{ ...taxCode, rule: "^(\\d{10}|\\d{13})$" }, { name: "ten_ho_kinh_doanh", type: "string", required: true }, { ...citizenId, name: "chu_ho" }, wardCode, { name: "von_kinh_doanh", type: "integer", required: false, rule: ">=0" }],
  },
  {
    code: "CBCC", nameVi: "Cơ sở dữ liệu cán bộ, công chức, viên chức", nameEn: "Civil servants and public employees database", category: "civil_servant", department: "SNV", frequency: "quarterly", targetRecords: 185_000, lateness: 0.1,
    fields: [citizenId, { name: "ho_ten", type: "string", required: true }, { name: "co_quan", type: "string", required: true }, { name: "ngach", type: "string", required: true, rule: "^\\d{2}\\.\\d{3}$" }, { name: "loai", type: "enum", required: true, rule: "cong_chuc|vien_chuc" }],
  },
  {
    code: "CSYT", nameVi: "Cơ sở dữ liệu cơ sở khám bệnh, chữa bệnh", nameEn: "Health facilities database", category: "health", department: "SYT", frequency: "monthly", targetRecords: 9_800, lateness: 0.12,
    fields: [{ name: "ma_co_so", type: "string", required: true, rule: "^\\d{5}$" }, { name: "ten_co_so", type: "string", required: true }, { name: "loai_hinh", type: "string", required: true }, wardCode, { name: "so_giay_phep", type: "string", required: true }],
  },
  {
    code: "NHN", nameVi: "Cơ sở dữ liệu người hành nghề khám bệnh, chữa bệnh", nameEn: "Health practitioners database", category: "health", department: "SYT", frequency: "monthly", targetRecords: 62_000, lateness: 0.2,
    fields: [citizenId, { name: "ho_ten", type: "string", required: true }, { name: "so_chung_chi", type: "string", required: true }, { name: "pham_vi_hanh_nghe", type: "string", required: true }, { name: "ma_co_so", type: "string", required: false, rule: "^\\d{5}$" }],
  },
  {
    code: "ASXH", nameVi: "Cơ sở dữ liệu an sinh xã hội (người có công, hộ nghèo, người cao tuổi trên 80)", nameEn: "Social protection database (meritorious people, poor households, people over 80)", category: "social_protection", department: "SNV", frequency: "monthly", targetRecords: 410_000, lateness: 0.22,
    fields: [citizenId, { name: "doi_tuong", type: "enum", required: true, rule: "nguoi_co_cong|ho_ngheo|ho_can_ngheo|nguoi_tren_80" }, wardCode, { name: "muc_tro_cap_vnd", type: "integer", required: true, rule: ">=0" }, { name: "ngay_huong", type: "date", required: true }],
  },
];
