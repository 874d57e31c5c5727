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

/**
 * Where a section sits in the report (resources/report/templates.vi.json): its part ("Phần thứ
 * nhất", "Phần thứ hai"), its heading (I., II., III.) and its number under that heading ("1",
 * "8.1"; none for a section that is the heading's whole text, e.g. "Phần thứ hai, I. Mục tiêu").
 */
export interface NarrativePlace {
  part: 1 | 2;
  heading: string;
  number: string | null;
}

export function narrativePlace(id: string): NarrativePlace {
  const part = id.startsWith('P2.') ? 2 : 1;
  const [heading = '', ...rest] = (part === 2 ? id.slice(3) : id).split('.');
  return { part, heading, number: rest.length > 0 ? rest.join('.') : null };
}

/** The report's parts and headings (level 1), as the screen shows them above the sections. */
export const NARRATIVE_PARTS: Record<1 | 2, { vi: string; en: string; headings: Record<string, { vi: string; en: string }> }> = {
  1: {
    vi: 'Phần thứ nhất. Đặc điểm tình hình và kết quả thực hiện',
    en: 'Part one. Situation and results',
    headings: {
      I: { vi: 'Đặc điểm tình hình', en: 'Situation' },
      II: { vi: 'Kết quả thực hiện công tác y tế', en: 'Results of the health work' },
      III: { vi: 'Tồn tại, hạn chế và nguyên nhân', en: 'Shortcomings and their causes' },
    },
  },
  2: {
    vi: 'Phần thứ hai. Phương hướng nhiệm vụ',
    en: 'Part two. Tasks ahead',
    headings: {
      I: { vi: 'Mục tiêu', en: 'Objectives' },
      II: { vi: 'Nhiệm vụ và giải pháp thực hiện', en: 'Tasks and solutions' },
      III: { vi: 'Kiến nghị', en: 'Recommendations' },
    },
  },
};

/**
 * A section's title as the report numbers it, without the codes the database keys it by:
 * "1. Đặc điểm chung", "8.1. Đề án 06 (hoạt động)", "I. Mục tiêu"; with `full`, its part and
 * heading in front: "Phần II. II. 1. Nhiệm vụ" ("Part 2. II. 1. Tasks").
 */
export function narrativeTitle(def: NarrativeSectionDef, lang: 'vi' | 'en', full = false): string {
  const place = narrativePlace(def.id);
  const title = lang === 'vi' ? def.titleVi : def.titleEn;
  const own = place.number === null ? `${place.heading}. ${title}` : `${place.number}. ${title}`;
  if (!full) return own;
  const part = lang === 'vi' ? `Phần ${place.part === 1 ? 'I' : 'II'}.` : `Part ${place.part}.`;
  return place.number === null ? `${part} ${own}` : `${part} ${place.heading}. ${own}`;
}

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
