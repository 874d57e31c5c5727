// The narrative sections' titles on screen follow the report's own headings (templates.vi.json).
import { describe, expect, it } from 'vitest';
import template from '../resources/report/templates.vi.json';
import { NARRATIVE_PARTS, NARRATIVE_SECTIONS, narrativePlace, narrativeTitle } from './narrative';

const byId = (id: string) => NARRATIVE_SECTIONS.find((s) => s.id === id)!;
const fold = (s: string) => s.toLocaleLowerCase('vi').replace(/\{[^}]*\}/g, '').replace(/[.:\s]+$/u, '').trim();

describe('narrative titles', () => {
  it('number sections as the report does, never by their stored codes', () => {
    expect(narrativeTitle(byId('I.1'), 'vi')).toBe('1. Đặc điểm chung');
    expect(narrativeTitle(byId('II.8.1'), 'vi')).toBe('8.1. Đề án 06 (hoạt động)');
    expect(narrativeTitle(byId('P2.I'), 'vi')).toBe('I. Mục tiêu');
    expect(narrativeTitle(byId('P2.II.1'), 'vi', true)).toBe('Phần II. II. 1. Nhiệm vụ');
    expect(narrativeTitle(byId('P2.II.1'), 'en', true)).toBe('Part 2. II. 1. Tasks');
    for (const s of NARRATIVE_SECTIONS) expect(narrativeTitle(s, 'vi')).not.toContain('P2');
  });

  it('match the report template\'s parts and headings', () => {
    const body = (template as { body: Record<string, unknown>[] }).body;
    let part = 0;
    let heading = '';
    let h2 = '';
    for (const block of body) {
      if (Array.isArray(block.part)) {
        part++;
        expect(fold(NARRATIVE_PARTS[part as 1 | 2].vi)).toBe(fold(`${String(block.part[0])}. ${String(block.part[1])}`));
      } else if (block.h === 1) {
        heading = String(block.text);
        h2 = '';
      } else if (block.h === 2) {
        h2 = String(block.text);
      } else if (typeof block.narrative === 'string') {
        const place = narrativePlace(block.narrative);
        expect(place.part, block.narrative).toBe(part);
        const [roman, ...words] = heading.split(' ');
        expect(roman, block.narrative).toBe(`${place.heading}.`);
        expect(fold(words.join(' ')), block.narrative).toContain(fold(NARRATIVE_PARTS[place.part].headings[place.heading]!.vi));
        if (place.number !== null && !place.number.includes('.')) expect(fold(h2), block.narrative).toBe(fold(narrativeTitle(byId(block.narrative), 'vi')));
      }
    }
  });
});
