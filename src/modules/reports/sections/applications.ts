/**
 * Section 5, "Collaborazione con l'Anagrafe e compilazione domande": the applications filled in
 * with or for people in the year, by type and by level, and the part handled with the Anagrafe
 * office. Counts from summariseApplications (domain/activities applicationCounts): they add up.
 */
import { APPLICATION_LEVEL_LABELS } from '../../../contracts/labels.js';
import type { ReportBlock } from '../../../contracts/reports.js';
import { APPLICATION_LEVELS, type ApplicationLevel } from '../../../domain/activities.js';
import { italianList } from '../../../domain/report/italian.js';
import { summariseApplications } from '../../activities/applications.repository.js';
import { breakdownBlocks, figuresBlock, textBlock } from '../blocks.js';
import type { SectionBuilder } from '../context.js';

/** What the drafts need of the year's counts. */
type Counts = { total: number; anagrafe: number; byLevel: Record<ApplicationLevel, number> };

const domande = (n: number) => (n === 1 ? '1 domanda' : `${n} domande`);

export function anagrafeDraft(counts: Counts, year: number, comune: string | null): string {
  const office = comune ? `l'ufficio anagrafe del Comune di ${comune}` : "l'ufficio anagrafe del Comune";
  return `Il Centro collabora con ${office} per un supporto nella compilazione delle richieste di residenza. Nel ${year} il Centro ha compilato con l'Anagrafe ${domande(counts.anagrafe)}.`;
}

export function formsDraft(counts: Counts, year: number): string {
  const levels = APPLICATION_LEVELS.filter((level) => counts.byLevel[level] > 0).map(
    (level) =>
      `${counts.byLevel[level]} ${APPLICATION_LEVEL_LABELS.it[level].toLowerCase().replace(/e$/, counts.byLevel[level] === 1 ? 'e' : 'i')}`,
  );
  return [
    'Il Centro è un punto di riferimento per le tante persone che vogliono fare richiesta per vari bonus (comunali, regionali o nazionali).',
    'Gli utenti si rivolgono al Centro Integrazione per la compilazione delle varie domande dal momento che non dispongono di sistemi informatici/tecnologici e delle competenze per procedere in autonomia.',
    `Nel ${year} le operatrici del centro hanno aiutato e supportato le persone nella compilazione di ${domande(counts.total)}${levels.length > 0 ? ` (${italianList(levels)})` : ''}.`,
  ].join('\n\n');
}

export const applicationsSection: SectionBuilder = async (ctx) => {
  const counts = await summariseApplications(ctx.db, { centreIds: ctx.centreIds, from: `${ctx.year}-01-01`, to: `${ctx.year}-12-31` });
  const blocks: ReportBlock[] = [
    textBlock(
      'applications.anagrafe',
      'Collaborazione con ufficio Servizi Demografici «Anagrafe»',
      anagrafeDraft(counts, ctx.year, ctx.hostComune?.name ?? null),
    ),
    figuresBlock('applications.figures', `Domande compilate nel ${ctx.year}`, true, [
      { key: 'total', label: 'Domande compilate', value: counts.total },
      { key: 'anagrafe', label: "Di cui con l'Anagrafe", value: counts.anagrafe },
    ]),
    textBlock('applications.forms', 'Compilazione domande', formsDraft(counts, ctx.year)),
    ...breakdownBlocks({
      id: 'applications.byType',
      title: 'Compilazione domande/bonus',
      categoryLabel: 'Tipo di domanda',
      countLabel: 'Domande',
      categories: counts.byType.map((row) => ({ key: row.code, label: row.labelIt, count: row.count })),
      total: counts.total,
      chart: 'bar',
      groupingThreshold: ctx.settings.groupingThresholds['applications.byType'],
      otherTitle: `Tipi di domanda con meno di ${ctx.settings.groupingThresholds['applications.byType']} domande`,
    }),
    ...breakdownBlocks({
      id: 'applications.byLevel',
      title: 'Domande per livello',
      categoryLabel: 'Livello',
      countLabel: 'Domande',
      categories: APPLICATION_LEVELS.map((level) => ({
        key: level,
        label: APPLICATION_LEVEL_LABELS.it[level],
        count: counts.byLevel[level],
      })),
      total: counts.total,
      chart: 'pie',
      mode: 'fixed',
    }),
  ];
  return { id: 'applications', title: "Collaborazione con l'Anagrafe e compilazione domande", blocks };
};
