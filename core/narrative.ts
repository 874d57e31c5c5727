// The narrative sections of the monthly report (seed 004), in document order. Their ids are
// the keys stored in the narrative table; titles print as the report's headings.

export interface NarrativeSectionDef {
  id: string;
  titleVi: string;
  titleEn: string;
}

export const NARRATIVE_SECTIONS: readonly NarrativeSectionDef[] = [
  { id: 'I.1', titleVi: 'Đặc điểm chung', titleEn: 'General characteristics' },
  { id: 'I.2', titleVi: 'Thuận lợi', titleEn: 'Advantages' },
  { id: 'I.3', titleVi: 'Khó khăn', titleEn: 'Difficulties' },
  { id: 'II.1', titleVi: 'Công tác lãnh đạo, chỉ đạo', titleEn: 'Leadership and direction' },
  { id: 'II.2', titleVi: 'Công tác phòng chống dịch, bệnh', titleEn: 'Communicable disease control (activities)' },
  { id: 'II.3', titleVi: 'Công tác chuẩn Quốc gia về y tế xã', titleEn: 'National commune health criteria (activities)' },
  { id: 'II.4', titleVi: 'Công tác phòng chống thảm họa, bão lụt', titleEn: 'Disaster preparedness' },
  { id: 'II.7', titleVi: 'Công tác tổ chức cán bộ', titleEn: 'Personnel' },
  { id: 'II.8.1', titleVi: 'Đề án 06 (hoạt động)', titleEn: 'Project 06 (activities)' },
  { id: 'II.8.2', titleVi: 'Công tác chỉnh trang cảnh quan, xây dựng cơ sở y tế Xanh – Sạch – Đẹp', titleEn: 'Green – Clean – Beautiful facilities' },
  { id: 'II.8.3', titleVi: 'Thực hiện các nhiệm vụ của Sở Y tế tại Kế hoạch hoạt động đầu năm', titleEn: 'Tasks from the Department of Health plan' },
  { id: 'II.9', titleVi: 'Công tác tài chính, hậu cần', titleEn: 'Finance and logistics' },
  { id: 'II.10', titleVi: 'Các hoạt động đoàn thể', titleEn: 'Unions and mass organisations' },
  { id: 'III.1', titleVi: 'Tồn tại, hạn chế', titleEn: 'Shortcomings' },
  { id: 'III.2', titleVi: 'Nguyên nhân', titleEn: 'Causes' },
  { id: 'P2.I', titleVi: 'Mục tiêu', titleEn: 'Objectives' },
  { id: 'P2.II.1', titleVi: 'Nhiệm vụ', titleEn: 'Tasks' },
  { id: 'P2.II.2', titleVi: 'Giải pháp thực hiện', titleEn: 'Solutions' },
  { id: 'P2.III', titleVi: 'Kiến nghị', titleEn: 'Recommendations' },
];

export const NARRATIVE_SECTION_IDS: ReadonlySet<string> = new Set(NARRATIVE_SECTIONS.map((s) => s.id));

/**
 * Settings keys that the report header and signature block read (settings table, JSON values).
 * - report.parentBody: "SỞ Y TẾ THANH HÓA"
 * - report.unitName: "TRUNG TÂM Y TẾ HUYỆN HOẰNG HÓA"
 * - report.unitShort: "TTYT" (for "Số: …/BC-TTYT")
 * - report.place: "Hoằng Hóa"
 * - report.signerTitle: ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"]
 * - report.signerName: a name
 * - report.recipients: ["Văn phòng Sở Y tế (B/c);", ...]
 *   (the keys above are the home unit's; other units fall back to their level's defaults)
 * - report.units: { CODE: { parentBody, unitName, unitShort, place, signerTitle, signerName, recipients } }
 * - unit.home: the code of the unit this installation reports for
 * - user.name: who is recorded on each change
 */
export const REPORT_SETTING_KEYS = [
  'report.parentBody',
  'report.unitName',
  'report.unitShort',
  'report.place',
  'report.signerTitle',
  'report.signerName',
  'report.recipients',
  'report.units',
] as const;
