/**
 * Report sections 2–4 (Accessi, Tipologie di richieste, Utenti presi in carico) on the data set
 * of test/support/report-dataset/visits-care.ts, loaded through the API, on both databases:
 * every figure, row and footnote of three years, the reconciliation of every table, the
 * grouping threshold, the disclosure threshold, and the people in care against careSummary.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestUser, loginAs, startTestApp, type TestApp } from '../../../../test/support/app.js';
import { DIALECTS, describeDialect } from '../../../../test/support/databases.js';
import {
  EXPECTED,
  EXPECTED_CARE_SUMMARY,
  type ExpectedYear,
  JESI,
  seedVisitsCare,
  type VisitsCareData,
} from '../../../../test/support/report-dataset/visits-care.js';
import {
  DEFAULT_REPORT_SETTINGS,
  type ReportBlock,
  type ReportData,
  type ReportFigures,
  type ReportSettings,
  type ReportTable,
  type ReportText,
} from '../../../contracts/reports.js';
import { careCounts } from '../../../domain/care.js';
import { createCentre, createOrganisation } from '../../accounts/accounts.usecases.js';
import { careMemberships, careSummary } from '../../cases/care.repository.js';
import { computeReportData } from '../report-data.js';

type Rows = Array<[string, string, number]>;

const blocksOf = (report: ReportData): ReportBlock[] => report.sections.flatMap((s) => s.blocks);
const block = (report: ReportData, id: string): ReportBlock | undefined => blocksOf(report).find((b) => b.id === id);
const table = (report: ReportData, id: string): ReportTable => {
  const found = block(report, id);
  if (found?.kind !== 'table') throw new Error(`no table ${id}`);
  return found;
};
const figures = (report: ReportData, id: string): Record<string, unknown> => {
  const found = block(report, id) as ReportFigures | undefined;
  if (found?.kind !== 'figures') throw new Error(`no figures ${id}`);
  return Object.fromEntries(found.items.map((i) => [i.key, i.value]));
};
/** The rows of a two-column breakdown, total row apart. */
const rowsOf = (t: ReportTable): Rows =>
  t.rows.filter((r) => !r.total).map((r) => [r.key, r.cells.category as string, r.cells.count as number]);
const totalOf = (t: ReportTable) => t.rows.find((r) => r.total)?.cells.count;
const sum = (rows: Rows) => rows.reduce((s, r) => s + r[2], 0);

/** A breakdown and its footnote as expected: rows, total row, "Altro" footnote (or none). */
function expectBreakdown(report: ReportData, id: string, rows: Rows, total: number, other: Rows | null | undefined = undefined) {
  const t = table(report, id);
  expect(rowsOf(t), id).toEqual(rows);
  expect(totalOf(t), `${id} total`).toBe(total);
  if (other === undefined) return;
  const footnote = block(report, `${id}.other`);
  if (other === null) {
    expect(footnote, `${id}.other`).toBeUndefined();
    return;
  }
  if (footnote?.kind !== 'table') throw new Error(`no footnote ${id}.other`);
  expect(rowsOf(footnote), `${id}.other`).toEqual(other);
  expect(totalOf(footnote)).toBe(sum(other));
  expect(rows.find((r) => r[0] === '_other')?.[2]).toBe(sum(other));
}

for (const dialect of DIALECTS) {
  describeDialect(dialect)(`${dialect}: report sections 2–4 (visits, topics, people in care)`, () => {
    let t: TestApp;
    let organisationId: number;
    let centreId: number;
    let data: VisitsCareData;
    const reports = new Map<string, ReportData>();

    const compute = async (year: number, settings: Partial<ReportSettings> = {}) => {
      const key = `${year} ${JSON.stringify(settings)}`;
      const known = reports.get(key);
      if (known) return known;
      const report = await computeReportData(t.db, {
        organisationId,
        centreIds: [centreId],
        year,
        settings: { ...DEFAULT_REPORT_SETTINGS, ...settings },
        narratives: {},
        freeBlocks: [],
        now: new Date('2026-01-15T10:00:00Z'),
      });
      reports.set(key, report);
      return report;
    };

    beforeAll(async () => {
      t = await startTestApp(dialect);
      organisationId = await createOrganisation(t.db, 'Comune di Jesi');
      const centre = await createCentre(t.db, { organisationId, code: 'JESI', name: 'Centro Servizi Jesi', comuneIstat: JESI.istat }, null);
      centreId = centre.id;
      const operator = await createTestUser(t.db, { organisationId, role: 'operator', centreIds: [centreId] });
      data = await seedVisitsCare(t.app, t.db, await loginAs(t.app, operator.email), centreId);
    }, 120_000);
    afterAll(() => t?.close());

    for (const year of [2024, 2023, 2020] as const) {
      describe(`${year}`, () => {
        const expected: ExpectedYear = EXPECTED[year];

        it('Accessi: total, origin group, gender, countries with their footnote, referral, channel, years', async () => {
          const report = await compute(year);
          const section = report.sections.find((s) => s.id === 'visits');
          expect(section?.title).toBe(`Accessi ${year}`);
          expect(section?.blocks.map((b) => b.id)).toEqual([
            'visits.total',
            'visits.byOriginGroup',
            'visits.byGender',
            'visits.definition',
            'visits.byCountry',
            ...(expected.visits.countryOther ? ['visits.byCountry.other'] : []),
            'visits.byReferral',
            'visits.byChannel',
            'visits.byYear',
          ]);
          const v = expected.visits;
          expect(figures(report, 'visits.total')).toEqual({ total: v.total });
          expectBreakdown(report, 'visits.byOriginGroup', v.originGroup, v.total);
          expectBreakdown(report, 'visits.byGender', v.gender, v.total);
          expectBreakdown(report, 'visits.byCountry', v.country, v.total, v.countryOther);
          expectBreakdown(report, 'visits.byReferral', v.referral, v.total);
          expectBreakdown(report, 'visits.byChannel', v.channel, v.total);
          const byYear = table(report, 'visits.byYear');
          expect(rowsOf(byYear)).toEqual(v.byYear);
          expect(byYear.rows.some((r) => r.total)).toBe(false);
          expect(table(report, 'visits.byOriginGroup').chart?.type).toBe('pie');
          expect(table(report, 'visits.byCountry').chart?.type).toBe('horizontalBar');
          if (v.countryOther) {
            expect(table(report, 'visits.byCountry.other').title).toBe('Paesi con meno di 5 accessi');
            expect(table(report, 'visits.byCountry').notes?.join(' ')).toContain('Paesi con meno di 5 accessi');
          }
          const definition = block(report, 'visits.definition') as ReportText;
          expect(definition.draft).toBe(
            'Si considerano accessi tutte le richieste di informazione comprensive o meno di prestazione o servizi.',
          );
          expect(definition.markdown).toBe(definition.draft);
        });

        it('Tipologie di richieste: mentions by topic, visits without a topic, the visits beside them', async () => {
          const report = await compute(year);
          const section = report.sections.find((s) => s.id === 'topics');
          expect(section?.title).toBe('Tipologie di richieste presso lo Sportello');
          expect(figures(report, 'topics.totals')).toEqual({ visits: expected.topics.visits, requests: expected.topics.requests });
          expectBreakdown(report, 'topics.byTopic', expected.topics.byTopic, expected.topics.requests, null);
          const byTopic = table(report, 'topics.byTopic');
          expect(byTopic.chart).toMatchObject({
            type: 'horizontalBar',
            caption: 'Un accesso con più tipologie di richiesta è contato sotto ciascuna.',
          });
          expect(byTopic.notes?.[0]).toContain(
            `Il totale (${expected.topics.requests}) conta le richieste, non gli accessi (${expected.topics.visits})`,
          );
        });

        it('Utenti presi in carico: totals, groups, comparison, countries, residence', async () => {
          const report = await compute(year);
          const section = report.sections.find((s) => s.id === 'care');
          expect(section?.title).toBe(`Utenti presi in carico nel ${year}`);
          const c = expected.care;
          expect(figures(report, 'care.totals')).toEqual({ total: c.total, new: c.new });
          expectBreakdown(report, 'care.byOriginGroup', c.originGroup, c.total);
          expectBreakdown(report, 'care.byGender', c.gender, c.total);
          expectBreakdown(report, 'care.byCountry', c.country, c.total, c.countryOther);
          const outside = c.residence.find((r) => r[0] === 'outside')?.[2] ?? -1;
          expectBreakdown(report, 'care.residenceOutside', c.residenceOutside, outside, c.residenceOutsideOther);
          expectBreakdown(report, 'care.residence', c.residence, c.total);

          const comparison = table(report, 'care.comparison');
          expect(comparison.title).toBe(`Utenti presi in carico ${c.comparison.years.join('/')}`);
          expect(comparison.columns.map((col) => col.label)).toEqual(['', ...c.comparison.years.map(String)]);
          expect(comparison.rows.map((r) => [r.key, c.comparison.years.map((y) => r.cells[`y${y}`])])).toEqual(c.comparison.rows);
          expect(comparison.rows.map((r) => r.cells.category)).toEqual([
            'Totale',
            'Italiani',
            'Comunitari',
            'Extracomunitari',
            'Non specificato',
          ]);
          expect(comparison.rows[0]?.total).toBe(true);
          const description = block(report, 'care.description') as ReportText;
          expect(description.draft).toContain('percorso personalizzato');
          expect(description.draft).toContain('territorio di Jesi e dintorni');
        });

        it('every table with a total row reconciles, column by column', async () => {
          const report = await compute(year);
          let checked = 0;
          for (const b of blocksOf(report)) {
            if (b.kind !== 'table') continue;
            const totalRow = b.rows.find((r) => r.total);
            if (!totalRow) continue;
            for (const col of b.columns.filter((c) => c.numeric)) {
              const parts = b.rows.filter((r) => !r.total).reduce((s, r) => s + (r.cells[col.key] as number), 0);
              expect(parts, `${b.id} ${col.key}`).toBe(totalRow.cells[col.key]);
              checked += 1;
            }
          }
          expect(checked).toBeGreaterThanOrEqual(14);
        });
      });
    }

    it('people in care equal careSummary and the domain rule, every year', async () => {
      const memberships = await careMemberships(t.db, [centreId]);
      for (const [year, counts] of Object.entries(EXPECTED_CARE_SUMMARY).map(([y, c]) => [Number(y), c] as const)) {
        expect(await careSummary(t.db, [centreId], year), `careSummary ${year}`).toEqual(counts);
        expect(careCounts(memberships, year), `domain ${year}`).toEqual(counts);
        const report = await compute(year);
        expect(figures(report, 'care.totals'), `report ${year}`).toEqual({ total: counts.inCare, new: counts.new });
      }
    });

    it('a visit belongs to its Rome date: 23:30 on 31 Dec stays in the year, 00:30 on 1 Jan goes to the next', async () => {
      const rows = await t.db
        .selectFrom('visits')
        .select(['occurredAt', 'visitDate', 'visitYear'])
        .where('id', 'in', data.visitIds)
        .where((eb) => eb.or([eb('visitDate', '=', '2023-12-31'), eb('visitDate', '=', '2024-01-01')]))
        .orderBy('occurredAt')
        .execute();
      expect(rows.map((r) => [r.occurredAt.slice(0, 16), r.visitDate, Number(r.visitYear)])).toEqual([
        ['2023-12-31T09:00', '2023-12-31', 2023],
        ['2023-12-31T22:30', '2023-12-31', 2023],
        ['2023-12-31T23:30', '2024-01-01', 2024],
      ]);
    });

    it('each table\'s grouping threshold decides what its "Altro" holds, and an "Altro" alone is never made', async () => {
      const thresholds = (values: Partial<ReportSettings['groupingThresholds']>) => ({
        groupingThresholds: { ...DEFAULT_REPORT_SETTINGS.groupingThresholds, ...values },
      });
      const two = await compute(2024, thresholds({ 'visits.byCountry': 2, 'care.byCountry': 2, 'care.residenceOutside': 2 }));
      expectBreakdown(
        two,
        'visits.byCountry',
        [
          ['MA', 'Marocco', 6],
          ['IT', 'Italia', 5],
          ['NG', 'Nigeria', 2],
          ['TN', 'Tunisia', 2],
          ['_other', 'Altro', 4],
          ['unspecified', 'Non specificato', 2],
        ],
        21,
        [
          ['AL', 'Albania', 1],
          ['XS', 'Apolide', 1],
          ['PK', 'Pakistan', 1],
          ['RO', 'Romania', 1],
        ],
      );
      expect(table(two, 'visits.byCountry.other').title).toBe('Paesi con meno di 2 accessi');
      expectBreakdown(
        two,
        'care.byCountry',
        [
          ['TN', 'Tunisia', 2],
          ['_other', 'Altro', 4],
          ['unspecified', 'Non specificato', 1],
        ],
        7,
        [
          ['IT', 'Italia', 1],
          ['MA', 'Marocco', 1],
          ['NG', 'Nigeria', 1],
          ['PK', 'Pakistan', 1],
        ],
      );
      // Both comuni under 2: grouping would leave «Altro» alone, so they are listed.
      expectBreakdown(
        two,
        'care.residenceOutside',
        [
          ['042016', 'Cupramontana', 1],
          ['042023', 'Maiolati Spontini', 1],
        ],
        2,
        null,
      );
      const none = await compute(2024, thresholds({ 'visits.byCountry': 0 }));
      expectBreakdown(
        none,
        'visits.byCountry',
        [
          ['MA', 'Marocco', 6],
          ['IT', 'Italia', 5],
          ['NG', 'Nigeria', 2],
          ['TN', 'Tunisia', 2],
          ['AL', 'Albania', 1],
          ['XS', 'Apolide', 1],
          ['PK', 'Pakistan', 1],
          ['RO', 'Romania', 1],
          ['unspecified', 'Non specificato', 2],
        ],
        21,
        null,
      );
      // People in care by country keep their own threshold (5): every country under it, so all listed.
      expect(table(none, 'care.byCountry').rows.map((r) => r.key)).toEqual(['TN', 'IT', 'MA', 'NG', 'PK', 'unspecified', 'total']);
    });

    it('the comparison covers comparisonYears years', async () => {
      const report = await compute(2024, { comparisonYears: 4 });
      const comparison = table(report, 'care.comparison');
      expect(comparison.rows.map((r) => [r.key, [2021, 2022, 2023, 2024].map((y) => r.cells[`y${y}`])])).toEqual([
        ['total', [1, 1, 5, 7]],
        ['italian', [0, 0, 1, 1]],
        ['eu', [0, 0, 1, 0]],
        ['non_eu', [1, 1, 3, 5]],
        ['unspecified', [0, 0, 0, 1]],
      ]);
      expect(rowsOf(table(report, 'visits.byYear'))).toEqual([
        ['2021', '2021', 0],
        ['2022', '2022', 1],
        ['2023', '2023', 6],
        ['2024', '2024', 21],
      ]);
    });

    it('the disclosure threshold hides small counts of people and visits, and their complements', async () => {
      const report = await compute(2024, { disclosureThreshold: 5 });
      const small = { hidden: 'small', below: 5 };
      // Italiani 5 and Extracomunitari 13 stay; Comunitari 1 and Non specificato 2 go.
      expect(table(report, 'visits.byOriginGroup').rows.map((r) => r.cells.count)).toEqual([5, small, 13, small, 21]);
      expect(figures(report, 'visits.total')).toEqual({ total: 21 });
      expect(figures(report, 'care.totals')).toEqual({ total: 7, new: small });
      // Italiani 1 and Non specificato 1 go; Extracomunitari 5 and the total stay.
      expect(table(report, 'care.byOriginGroup').rows.map((r) => r.cells.count)).toEqual([small, 0, 5, small, 7]);
      // Non dichiarato 1 alone would be 21 − 9 − 11: the smallest other count (Donna 9) is hidden with it.
      expect(table(report, 'visits.byGender').rows.map((r) => r.cells.count)).toEqual([
        { hidden: 'complementary', below: 5 },
        11,
        0,
        small,
        21,
      ]);
      expect(table(report, 'care.byOriginGroup').notes?.join(' ')).toContain('«< 5»');
      // Nothing under 5 is left visible in a protected table.
      for (const b of blocksOf(report)) {
        if (b.kind !== 'table' || !b.protect) continue;
        for (const row of b.rows) {
          for (const col of b.columns.filter((c) => c.numeric)) {
            const cell = row.cells[col.key];
            if (typeof cell === 'number') expect(cell === 0 || cell >= 5, `${b.id} ${row.key} ${col.key}: ${cell}`).toBe(true);
          }
        }
      }
    });

    it('another centre of the organisation counts nothing here, and a report of both counts both', async () => {
      const other = await createCentre(t.db, { organisationId, code: 'ALTRO', name: 'Centro vuoto' }, null);
      const empty = await computeReportData(t.db, {
        organisationId,
        centreIds: [other.id],
        year: 2024,
        settings: DEFAULT_REPORT_SETTINGS,
        narratives: {},
        freeBlocks: [],
      });
      expect(figures(empty, 'visits.total')).toEqual({ total: 0 });
      expect(figures(empty, 'care.totals')).toEqual({ total: 0, new: 0 });
      expect(figures(empty, 'topics.totals')).toEqual({ visits: 0, requests: 0 });
      const both = await computeReportData(t.db, {
        organisationId,
        centreIds: [centreId, other.id],
        year: 2024,
        settings: DEFAULT_REPORT_SETTINGS,
        narratives: {},
        freeBlocks: [],
      });
      expect(figures(both, 'visits.total')).toEqual({ total: 21 });
      expect(figures(both, 'care.totals')).toEqual({ total: 7, new: 2 });
      // The host comune is the first centre's with one: Jesi.
      expect(rowsOf(table(both, 'care.residence'))[0]).toEqual(['host', 'Nel comune di Jesi', 3]);
    });

    it("a centre with no comune: the report says so in place of the residence split, and lists everyone's comune", async () => {
      const compute2024 = () =>
        computeReportData(t.db, {
          organisationId,
          centreIds: [centreId],
          year: 2024,
          settings: DEFAULT_REPORT_SETTINGS,
          narratives: {},
          freeBlocks: [],
        });
      const withComune = await compute2024();
      const split = rowsOf(table(withComune, 'care.residence'));
      const count = (rows: Rows, key: string) => rows.find((r) => r[0] === key)?.[2] ?? 0;
      expect(split.map((r) => r[0])).toEqual(['host', 'outside', 'no_fixed_abode', 'unspecified']);
      expect(count(split, 'host')).toBeGreaterThan(0);
      expect(table(withComune, 'care.residence').notes?.join(' ')).not.toContain('non è impostato');
      expect(withComune.heading.comune).toBe('Comune di Jesi');

      await t.db.updateTable('centres').set({ comuneIstat: null }).where('id', '=', centreId).execute();
      try {
        const without = await compute2024();
        const residence = table(without, 'care.residence');
        // Not everyone "outside": residents of a comune, with no inside or outside.
        expect(rowsOf(residence)).toEqual([
          ['comune', 'Residenti in un comune', count(split, 'host') + count(split, 'outside')],
          ['no_fixed_abode', 'Senza fissa dimora / senza residenza', count(split, 'no_fixed_abode')],
          ['unspecified', 'Non specificato', count(split, 'unspecified')],
        ]);
        expect(residence.notes?.[0]).toBe(
          'Il comune del centro non è impostato: la residenza degli utenti non può essere divisa tra dentro e fuori il comune. Impostalo in Amministrazione › Impostazioni del centro.',
        );
        const comuni = table(without, 'care.residenceOutside');
        expect(comuni.title).toBe('Comune di residenza');
        expect(totalOf(comuni)).toBe(count(split, 'host') + count(split, 'outside'));
        // Jesi's residents are listed with the other comuni (as «Altro» under the grouping threshold).
        const listed = [comuni, block(without, 'care.residenceOutside.other')].flatMap((b) =>
          b?.kind === 'table' ? rowsOf(b).map((r) => r[1]) : [],
        );
        expect(listed).toContain('Jesi');
        expect(without.heading.comune).toBeNull();
      } finally {
        await t.db.updateTable('centres').set({ comuneIstat: JESI.istat }).where('id', '=', centreId).execute();
      }
    });
  });
}
