import { describe, expect, it } from 'vitest';
import { jumpKeyOf, jumpTarget } from './jump';

// A row of 8 columns: filled at 1, 2, 3 and 6.
const row = [false, true, true, true, false, false, true, false];
const filled = (_r: number, c: number) => row[c] === true;
const at = (col: number, key: Parameters<typeof jumpTarget>[1]) => jumpTarget({ row: 2, col }, key, 5, row.length, filled).col;

describe('jumpTarget', () => {
  it('Home, End, Ctrl+Home and Ctrl+End go to the row\'s and the grid\'s ends', () => {
    expect(jumpTarget({ row: 2, col: 4 }, 'Home', 5, 8, filled)).toEqual({ row: 2, col: 0 });
    expect(jumpTarget({ row: 2, col: 4 }, 'End', 5, 8, filled)).toEqual({ row: 2, col: 7 });
    expect(jumpTarget({ row: 2, col: 4 }, 'Ctrl+Home', 5, 8, filled)).toEqual({ row: 0, col: 0 });
    expect(jumpTarget({ row: 2, col: 4 }, 'Ctrl+End', 5, 8, filled)).toEqual({ row: 4, col: 7 });
    // From the unit column (-1), Home goes to the first element.
    expect(jumpTarget({ row: 2, col: -1 }, 'Home', 5, 8, filled)).toEqual({ row: 2, col: 0 });
  });

  it('Ctrl+arrows stop at the edges of filled blocks, as in Excel', () => {
    expect(at(1, 'Ctrl+ArrowRight')).toBe(3); // inside a block: its end
    expect(at(3, 'Ctrl+ArrowRight')).toBe(6); // at its end: the next filled cell
    expect(at(6, 'Ctrl+ArrowRight')).toBe(7); // nothing further: the edge
    expect(at(4, 'Ctrl+ArrowRight')).toBe(6); // in a gap: the next filled cell
    expect(at(7, 'Ctrl+ArrowRight')).toBe(7); // at the edge: stays
    expect(at(6, 'Ctrl+ArrowLeft')).toBe(3);
    expect(at(3, 'Ctrl+ArrowLeft')).toBe(1);
    expect(at(1, 'Ctrl+ArrowLeft')).toBe(0);
    expect(at(-1, 'Ctrl+ArrowRight')).toBe(1); // from the unit column
    const col = [true, true, false, true, true];
    const down = (r: number) => jumpTarget({ row: r, col: 0 }, 'Ctrl+ArrowDown', 5, 1, (i) => col[i] === true).row;
    expect([down(0), down(1), down(3), down(4)]).toEqual([1, 3, 4, 4]);
  });

  it('reads the keys, leaving Shift and Alt to others', () => {
    const k = (key: string, o: Partial<{ ctrlKey: boolean; shiftKey: boolean; altKey: boolean; metaKey: boolean }> = {}) =>
      jumpKeyOf({ key, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...o });
    expect(k('Home')).toBe('Home');
    expect(k('End', { ctrlKey: true })).toBe('Ctrl+End');
    expect(k('ArrowDown', { metaKey: true })).toBe('Ctrl+ArrowDown');
    expect(k('ArrowDown')).toBeNull();
    expect(k('ArrowDown', { ctrlKey: true, shiftKey: true })).toBeNull();
    expect(k('PageDown')).toBeNull();
  });
});
