import type { Locale } from '../../contracts/labels.js';
import { AGE_BAND_LABELS, CHANNEL_LABELS, GENDER_LABELS, ORIGIN_GROUP_LABELS, REFERRAL_LABELS } from '../../contracts/labels.js';
import type { Topic, Visit } from '../../contracts/visits.js';
import { CSV_BOM, csvRows } from '../../exports/csv.js';
import { findCountry } from '../../reference/index.js';

const HEADERS: Record<Locale, string[]> = {
  it: [
    'Data',
    'Ora',
    'Canale',
    'Persona',
    'Genere',
    'Cittadinanza',
    'Provenienza',
    "Fascia d'età",
    'Inviato da',
    'Tipologie di richiesta',
    'Operatore',
    'Note',
  ],
  en: [
    'Date',
    'Time',
    'Channel',
    'Person',
    'Gender',
    'Citizenship',
    'Origin group',
    'Age band',
    'Referred by',
    'Request topics',
    'Operator',
    'Notes',
  ],
};

/** The visits as CSV text, a batch at a time: an export of years of visits never sits whole in memory. */
export async function* visitsCsv(batches: AsyncIterable<Visit[]>, topics: Topic[], lang: Locale): AsyncGenerator<string> {
  const topicName = new Map(topics.map((t) => [t.id, lang === 'it' ? t.labelIt : t.labelEn]));
  yield CSV_BOM + csvRows([HEADERS[lang]]);
  for await (const batch of batches) {
    yield csvRows(
      batch.map((v) => {
        const country = findCountry(v.citizenship);
        return [
          v.date,
          v.time,
          CHANNEL_LABELS[lang][v.channel],
          v.person ? `${v.person.familyNames} ${v.person.givenNames}` : lang === 'it' ? 'Anonimo' : 'Anonymous',
          GENDER_LABELS[lang][v.gender],
          country ? (lang === 'it' ? country.it : country.en) : v.citizenship,
          ORIGIN_GROUP_LABELS[lang][v.originGroup],
          AGE_BAND_LABELS[lang][v.ageBand],
          REFERRAL_LABELS[lang][v.referralSource],
          v.topicIds.map((id) => topicName.get(id) ?? String(id)).join(', '),
          v.operator?.displayName ?? '',
          v.notes ?? '',
        ];
      }),
    );
  }
}
