/**
 * The rest of a centre's year: events with their participants (the December outing of the
 * clubs, sometimes a party for World Refugee Day), network meetings (the unions in most years,
 * the services) and the lawyer's consultations, twice a month from March, about open cases.
 */
import { dayOf } from '../domain/calendar.js';
import { addDays } from '../domain/dates.js';
import { openDayFrom } from './activities-calendar.js';
import { type CentreYear, PLACE, SAI_PARTNER } from './activities-writers.js';
import type { PersonFacts } from './centre-people.js';
import type { Rng } from './random.js';

const UNION_CODES = ['acli', 'cgil', 'cisl', 'uil'] as const;
const SERVICE_CODES = ['social_services', 'asp', 'employment_centre', 'questura', 'prefettura', 'schools'] as const;
const UNION_TOPICS = [
  'Condivisione di informazioni e procedure per lavorare in rete',
  'Pratiche di patronato: invii reciproci e documenti richiesti',
  'Permessi di soggiorno per lavoro: il kit postale e le scadenze',
];
const SERVICE_TOPICS = [
  'Coordinamento sui casi seguiti in comune',
  'Iscrizione anagrafica e residenza: le richieste accompagnate dal Centro',
  'Orientamento al lavoro: le persone inviate dal Centro',
  'Inserimento scolastico dei minori neoarrivati',
];
const MEETING_OUTCOMES = [
  'Concordate le modalità di invio reciproco degli utenti.',
  'Condiviso un elenco dei documenti richiesti.',
  'Fissato un nuovo incontro entro l’anno.',
  null,
];
const LEGAL_QUESTIONS = [
  'Diniego del rinnovo del permesso di soggiorno: quali strade?',
  'Ricongiungimento familiare: requisiti di reddito e alloggio.',
  'Conversione del permesso per protezione speciale in permesso per lavoro.',
  'Cittadinanza per residenza: interruzioni della residenza legale.',
  'Sfratto per morosità: tutele e tempi.',
  'Contratto di lavoro irregolare: come tutelarsi.',
];
const LEGAL_GUIDANCE = [
  'Raccogliere la documentazione e fissare un appuntamento con un avvocato del foro.',
  'Indicati i requisiti e i documenti da chiedere alla persona.',
  'Consigliato l’invio al patronato per la verifica dei contributi.',
  'Verificare le scadenze: il ricorso va presentato entro 30 giorni.',
];

/** A period a case was open (to: null while open). */
export interface CaseSpan {
  caseId: number;
  from: string;
  to: string | null;
}

/** The network organisations by code. */
export type Network = ReadonlyMap<string, { id: number; name: string }>;

/** `count` distinct items drawn from `pool` (fewer if the pool is smaller). */
function sample<T>(rng: Rng, pool: readonly T[], count: number): T[] {
  const copy = [...pool];
  const n = Math.min(count, copy.length);
  for (let i = 0; i < n; i++) {
    const j = i + Math.floor(rng.float() * (copy.length - i));
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy.slice(0, n);
}

interface EventSpec {
  title: string;
  date: string;
  from: string;
  to: string;
  place: string;
  meetingPoint: string | null;
  description: string;
  people: readonly PersonFacts[];
  others: number;
}

async function addEvent(y: CentreYear, event: EventSpec): Promise<void> {
  const { centreId } = y;
  const { startDate, endDate, stamp, writers, ids, counts } = y.run;
  if (event.date < startDate) return;
  const id = ++ids.event;
  await writers.events.add(
    id,
    centreId,
    event.title,
    event.date,
    event.from,
    event.to,
    event.place,
    event.meetingPoint,
    SAI_PARTNER,
    event.description,
    event.date < endDate ? event.others : 0,
    stamp,
    stamp,
    1,
  );
  counts.events++;
  // Who took part is known once it has taken place.
  if (event.date >= endDate) return;
  for (const person of event.people) {
    await writers.participants.add(id, person.id);
    counts.eventParticipants++;
  }
}

/** The December outing with the clubs' learners, and sometimes a June party. */
export async function drawEvents(y: CentreYear): Promise<void> {
  const { rng, year, calendar, foreigners, learnersOfYear } = y;
  let outing = `${year}-12-23`;
  while (dayOf(calendar, outing).closedBecause !== null || new Date(`${outing}T00:00:00Z`).getUTCDay() !== 5) outing = addDays(outing, -1);
  const clubLearners = [...new Map(learnersOfYear.map((e) => [e.person.id, e.person])).values()];
  // The outing is the clubs' (none that year, no outing).
  if (clubLearners.length > 0) {
    await addEvent(y, {
      title: 'Uscita didattica alla Pinacoteca civica',
      date: outing,
      from: '09:00',
      to: '12:00',
      place: 'Pinacoteca civica',
      meetingPoint: 'Davanti al Centro Servizi per l’Integrazione Sociale',
      description: 'Visita guidata con i partecipanti ai club linguistici; a seguire una merenda al Centro per tutti i presenti.',
      people: clubLearners.filter(() => rng.chance(0.55)),
      others: rng.int(0, 6),
    });
  }
  if (rng.chance(0.6)) {
    const date = openDayFrom(calendar, `${year}-06-18`) ?? `${year}-06-20`;
    const present = foreigners.filter((p) => p.firstDate <= date);
    await addEvent(y, {
      title: 'Giornata mondiale del rifugiato: merenda interculturale',
      date,
      from: '16:00',
      to: '18:00',
      place: PLACE,
      meetingPoint: null,
      description: 'Un pomeriggio di incontro tra gli utenti del Centro, i beneficiari del progetto SAI e la cittadinanza.',
      people: sample(rng, present, rng.int(8, 20)),
      others: rng.int(5, 25),
    });
  }
}

async function meeting(y: CentreYear, network: Network, codes: readonly string[], topic: string): Promise<void> {
  const { rng, centreId, calendar, yearFrom, yearTo } = y;
  const { stamp, writers, ids, counts } = y.run;
  const orgs = codes.map((code) => network.get(code)).filter((o) => o !== undefined);
  if (orgs.length === 0 || yearFrom > yearTo) return;
  const span = Math.round((Date.parse(yearTo) - Date.parse(yearFrom)) / 86_400_000);
  const heldOn = openDayFrom(calendar, addDays(yearFrom, rng.int(0, span)));
  if (heldOn === null || heldOn > yearTo) return;
  const id = ++ids.meeting;
  const named = orgs.length === 1 ? `Incontro con ${orgs[0]?.name}: ` : '';
  await writers.meetings.add(id, centreId, heldOn, `${named}${topic}`, rng.pick(MEETING_OUTCOMES), stamp, stamp, 1);
  for (const org of orgs) await writers.meetingOrgs.add(id, org.id);
  counts.networkMeetings++;
}

/** Network meetings: each union in most years, and the services. */
export async function drawMeetings(y: CentreYear, network: Network): Promise<void> {
  const { rng, share } = y;
  for (const code of UNION_CODES) if (rng.chance(0.7 * share)) await meeting(y, network, [code], rng.pick(UNION_TOPICS));
  if (rng.chance(0.3 * share))
    await meeting(y, network, UNION_CODES, 'Tavolo con i sindacati del territorio sulle pratiche dei cittadini stranieri');
  const services = Math.round(rng.int(2, 4) * share);
  for (let i = 0; i < services; i++) await meeting(y, network, sample(rng, SERVICE_CODES, rng.int(1, 2)), rng.pick(SERVICE_TOPICS));
}

/** The lawyer: from March, twice a month, about cases open that day. */
export async function drawConsultations(
  y: CentreYear,
  spans: readonly CaseSpan[],
  lawyer: string,
  coordinator: number | null,
): Promise<void> {
  const { rng, centreId, calendar, year } = y;
  const { startDate, endDate, stamp, writers, ids, counts } = y.run;
  for (let month = 3; month <= 12; month++) {
    for (const day of [rng.int(1, 10), rng.int(15, 24)]) {
      const heldOn = openDayFrom(calendar, `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`);
      if (heldOn === null || heldOn < startDate || heldOn >= endDate) continue;
      const open = [...new Set(spans.filter((s) => s.from <= heldOn && (s.to === null || heldOn <= s.to)).map((s) => s.caseId))];
      if (open.length === 0) continue;
      const id = ++ids.consultation;
      await writers.consultations.add(
        id,
        centreId,
        heldOn,
        rng.pick([60, 90, 120]),
        lawyer,
        rng.pick(LEGAL_QUESTIONS),
        rng.pick(LEGAL_GUIDANCE),
        coordinator,
        stamp,
        stamp,
        1,
      );
      for (const caseId of sample(rng, open, rng.int(1, 3))) await writers.consultationCases.add(id, caseId);
      counts.legalConsultations++;
    }
  }
}
