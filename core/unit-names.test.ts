import { describe, expect, it } from 'vitest';
import { cleanCommuneNames, isHeaderCell, parseCommuneList } from './unit-names';

describe('a pasted list of communes', () => {
  it('never turns a header row into a unit, and strips "1." and "1<TAB>" numbering', () => {
    const fromExcel = 'STT\tTên xã\tGhi chú\n1\tXã Hoằng Đức\t\n2\tXã Hoằng Hà\tđã sáp nhập\n3\tThị trấn Bút Sơn\n';
    expect(parseCommuneList(fromExcel)).toEqual(['Xã Hoằng Đức', 'Xã Hoằng Hà', 'Thị trấn Bút Sơn']);
    const fromWord = 'Danh sách các xã\nSTT Tên xã\nTT. Đơn vị\n1. Xã Hoằng Đức\n2) Xã Hoằng Hà\nTên xã:\n\nPhường 3\n';
    expect(parseCommuneList(fromWord)).toEqual(['Xã Hoằng Đức', 'Xã Hoằng Hà', 'Phường 3']);
    expect(parseCommuneList('TT\tĐơn vị\n1\tXã A\n')).toEqual(['Xã A']);
    expect(parseCommuneList('Số TT\tTên đơn vị hành chính\r\n1.\tXã Hoằng Xuân\r\n')).toEqual(['Xã Hoằng Xuân']);
  });

  it('knows header words without case or diacritics, and no commune name is one', () => {
    for (const h of ['STT', 'stt', 'TT', 'Tên xã', 'TÊN XÃ', 'Ten xa', 'Đơn vị', 'Xã/Phường/Thị trấn', 'Ghi chú', 'Số thứ tự']) expect(isHeaderCell(h)).toBe(true);
    for (const n of ['Xã Hoằng Đức', 'Thị trấn Bút Sơn', 'Phường 1', 'Xã Tân Tiến', 'Xã Đông Tiến']) expect(isHeaderCell(n)).toBe(false);
  });

  it('cleans the setup operation’s list the same way, keeping names that repeat', () => {
    expect(cleanCommuneNames(['STT', 'Tên xã', '1. Xã A', 'Xã A', ' ', '2. Xã B'])).toEqual(['Xã A', 'Xã A', 'Xã B']);
  });
});
