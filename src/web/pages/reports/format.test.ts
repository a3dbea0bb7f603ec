import { describe, expect, it } from 'vitest';
import { filenameOf, formatReportNumber, hiddenCellText } from './format.js';

describe('report page formats', () => {
  it('writes numbers the Italian statistical way, with a separator from 1.000 on', () => {
    expect(formatReportNumber(371)).toBe('371');
    expect(formatReportNumber(1284)).toBe('1.284');
    expect(formatReportNumber(12345.5)).toBe('12.345,5');
  });

  it('shows a count under the threshold as "< N" and its complement as "*"', () => {
    expect(hiddenCellText({ hidden: 'small', below: 5 })).toBe('< 5');
    expect(hiddenCellText({ hidden: 'complementary', below: 5 })).toBe('*');
  });

  it('reads the file name of a download, filename* first', () => {
    expect(filenameOf('attachment; filename="report-2024-jesi-v1.pdf"')).toBe('report-2024-jesi-v1.pdf');
    expect(filenameOf('attachment; filename=report.csv')).toBe('report.csv');
    expect(filenameOf(`attachment; filename="report.pdf"; filename*=UTF-8''report-citt%C3%A0.pdf`)).toBe('report-città.pdf');
    expect(filenameOf('inline')).toBeNull();
    expect(filenameOf(null)).toBeNull();
  });
});
