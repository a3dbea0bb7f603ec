import { describe, expect, it } from 'vitest';
import { closuresByMonth, closuresInYear, closuresSentence, durationText } from './closures-text.js';

/** The closures of the reference report (2024). */
const REFERENCE_2024 = [
  { from: '2024-01-02', to: '2024-01-05' },
  { from: '2024-08-05', to: '2024-08-23' },
  { from: '2024-12-24', to: '2024-12-27' },
  { from: '2024-12-31', to: '2024-12-31' },
];

describe('closuresSentence', () => {
  it('writes the reference report’s closures, weeks in words when they are whole working weeks', () => {
    expect(closuresSentence(REFERENCE_2024, 2024)).toBe(
      'Chiusure: il Centro è stato chiuso una settimana a gennaio (dal 2 al 5 gennaio), tre settimane ad agosto (dal 5 al 23 agosto) e 5 giorni a dicembre (dal 24 al 27 e il 31 dicembre).',
    );
  });

  it('counts a week whose Monday is a holiday as whole (1 January 2024), not a week with an open Monday', () => {
    expect(durationText([{ from: '2024-01-02', to: '2024-01-05' }], 2024)).toBe('una settimana');
    expect(durationText([{ from: '2024-12-24', to: '2024-12-27' }], 2024)).toBe('4 giorni');
    expect(durationText([{ from: '2024-03-08', to: '2024-03-08' }], 2024)).toBe('un giorno');
    expect(durationText([{ from: '2024-03-04', to: '2024-03-17' }], 2024)).toBe('due settimane');
  });

  it('elides before 8 and 11, writes ranges across months in full, and says when there were none', () => {
    expect(closuresByMonth([{ from: '2024-03-08', to: '2024-03-11' }], 2024)[0]?.text).toBe(
      '2 giorni a marzo (dall’8 all’11 marzo)'.replaceAll('’', "'"),
    );
    expect(closuresByMonth([{ from: '2024-04-30', to: '2024-05-03' }], 2024)[0]?.text).toBe(
      '4 giorni ad aprile (dal 30 aprile al 3 maggio)',
    );
    expect(closuresByMonth([{ from: '2024-06-11', to: '2024-06-11' }], 2024)[0]?.text).toBe("un giorno a giugno (l'11 giugno)");
    expect(closuresSentence([], 2023)).toBe('Chiusure: nel 2023 il Centro non ha avuto chiusure oltre alle festività.');
  });

  it('clips closures to the year and drops those of other years', () => {
    const clipped = closuresInYear(
      [
        { from: '2023-12-27', to: '2024-01-05' },
        { from: '2023-08-01', to: '2023-08-31' },
      ],
      2024,
    );
    expect(clipped).toEqual([{ from: '2024-01-01', to: '2024-01-05' }]);
    expect(closuresSentence([{ from: '2023-12-27', to: '2024-01-05' }], 2024)).toBe(
      'Chiusure: il Centro è stato chiuso una settimana a gennaio (dal 1 al 5 gennaio).',
    );
  });
});
