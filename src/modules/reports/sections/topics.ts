/**
 * Section 3, "Tipologie di richieste presso lo Sportello": the year's visits by request topic.
 * A visit with two topics counts once under each, so the rows add up to the topic mentions, not
 * to the visits: a visit with no topic is its own "Non specificato" row, and the number of
 * visits stands beside the table as a figure.
 */
import type { ReportBlock } from '../../../contracts/reports.js';
import { breakdownBlocks, totalsBlock, UNSPECIFIED_KEY, UNSPECIFIED_LABEL } from '../blocks.js';
import type { SectionBuilder } from '../context.js';
import { topicCounts } from '../visits-care.repository.js';
import { visitsOfYear } from './shared-figures.js';

export const TOPICS_CAPTION = 'Un accesso con più tipologie di richiesta è contato sotto ciascuna.';

export const topicsSection: SectionBuilder = async (ctx) => {
  const { db, centreIds, year } = ctx;
  const [visits, counts] = await Promise.all([visitsOfYear(ctx), topicCounts(db, centreIds, year)]);
  const categories = [
    ...counts.topics.map((t) => ({ key: t.code, label: t.label, count: t.n })),
    { key: UNSPECIFIED_KEY, label: UNSPECIFIED_LABEL, count: counts.withoutTopic },
  ];
  const requests = categories.reduce((sum, c) => sum + c.count, 0);
  const blocks: ReportBlock[] = [
    totalsBlock('topics.totals', [
      { key: 'visits', label: 'Accessi', value: visits },
      { key: 'requests', label: 'Richieste (tipologie indicate)', value: requests },
    ]),
    ...breakdownBlocks({
      id: 'topics.byTopic',
      title: 'Tipologie di richieste',
      categoryLabel: 'Tipologia di richiesta',
      countLabel: 'Richieste',
      categories,
      total: requests,
      chart: 'horizontalBar',
      chartCaption: TOPICS_CAPTION,
      // The catalogue is short and each topic is named: none is grouped (its "Altro" is a topic).
      mode: 'open',
      groupingThreshold: 0,
      notes: [
        `${TOPICS_CAPTION} Il totale (${requests}) conta le richieste, non gli accessi (${visits}); «${UNSPECIFIED_LABEL}» conta gli accessi senza tipologia.`,
      ],
    }),
  ];
  return { id: 'topics', title: 'Tipologie di richieste presso lo Sportello', blocks };
};
