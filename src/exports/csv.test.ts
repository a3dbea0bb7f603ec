import { describe, expect, it } from 'vitest';
import { csvRows, spreadsheetSafe } from './csv.js';

describe('spreadsheetSafe', () => {
  it('neutralises cells a spreadsheet would run as formulas', () => {
    expect(spreadsheetSafe('=HYPERLINK("http://x")')).toBe(`'=HYPERLINK("http://x")`);
    expect(spreadsheetSafe('+39 333')).toBe(`'+39 333`);
    expect(spreadsheetSafe('-1')).toBe(`'-1`);
    expect(spreadsheetSafe('@SUM(A1)')).toBe(`'@SUM(A1)`);
    expect(spreadsheetSafe('Rossi')).toBe('Rossi');
    expect(spreadsheetSafe(null)).toBe('');
    expect(spreadsheetSafe(42)).toBe('42');
  });
});

describe('csvRows', () => {
  it('uses semicolons and quotes what needs quoting', () => {
    expect(
      csvRows([
        ['a;b', 'c"d', 'e'],
        ['=1', '', 'x'],
      ]),
    ).toBe('"a;b";"c""d";e\r\n\'=1;;x\r\n');
  });
});
