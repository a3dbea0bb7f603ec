import { describe, expect, it } from 'vitest';
import { CHANNELS, ENROLMENT_PROGRAMMES, GENDERS, PERMIT_TYPES, REFERRAL_SOURCES } from '../../contracts/enums.js';
import { CHANNEL_LABELS, ENROLMENT_PROGRAMME_LABELS, GENDER_LABELS, PERMIT_TYPE_LABELS, REFERRAL_LABELS } from '../../contracts/labels.js';
import {
  excelSerialToIso,
  fingerprintText,
  isNoFixedAbode,
  matchByLabel,
  readChannel,
  readDate,
  readGender,
  readPermitType,
  readProgramme,
  readReferralSource,
  readTime,
  splitFullName,
  splitTopics,
  tidyName,
} from './values.js';

describe('readDate', () => {
  it.each([
    ['05/03/2024', '2024-03-05'],
    ['5/3/2024', '2024-03-05'],
    ['5/3/24', '2024-03-05'],
    ['12/3/55', '1955-03-12'],
    ['05-03-2024', '2024-03-05'],
    ['05.03.2024', '2024-03-05'],
    ['2024-03-05', '2024-03-05'],
    ['2024-03-05T00:00:00.000Z', '2024-03-05'],
    ['2024-03-05 10:30', '2024-03-05'],
    ['05/03/2024 10:30', '2024-03-05'],
    ['20240305', '2024-03-05'],
    ['29/02/2024', '2024-02-29'],
    [' 1/1/2000 ', '2000-01-01'],
    ['5 marzo 2024', '2024-03-05'],
    ['05-mar-24', '2024-03-05'],
    ['5 Mar. 2024', '2024-03-05'],
    ['31 DICEMBRE 1999', '1999-12-31'],
  ])('%s → %s', (text, iso) => {
    expect(readDate(text)).toBe(iso);
  });

  it.each([
    '31/02/2023',
    '29/02/2023',
    '32/01/2024',
    '00/01/2024',
    '15/13/2024',
    'ieri',
    '',
    '2024-02-30',
    '12/2024',
    '5/3-2024',
    '30 febbraio 2024',
    '5 mese 2024',
  ])('refuses %s', (text) => {
    expect(readDate(text)).toBeNull();
  });

  it('reads Excel serials of the 1900 system, with its leap-year bug', () => {
    expect(readDate('45356')).toBe('2024-03-05');
    expect(excelSerialToIso(1)).toBe('1900-01-01');
    expect(excelSerialToIso(59)).toBe('1900-02-28');
    expect(excelSerialToIso(60)).toBeNull(); // 29 February 1900, which never was
    expect(excelSerialToIso(61)).toBe('1900-03-01');
    expect(excelSerialToIso(25569)).toBe('1970-01-01');
    expect(excelSerialToIso(2958465)).toBe('9999-12-31');
    expect(excelSerialToIso(0)).toBeNull();
    expect(excelSerialToIso(2958466)).toBeNull();
    expect(readDate('45356.75')).toBe('2024-03-05');
  });
});

describe('readTime', () => {
  it.each([
    ['10:30', '10:30'],
    ['9.05', '09:05'],
    ['10:30:15', '10:30'],
    ['2024-03-05T14:45:00', '14:45'],
    ['05/03/2024 08:10', '08:10'],
    ['0.4375', '10:30'],
    ['0,5', '12:00'],
  ])('%s → %s', (text, time) => {
    expect(readTime(text)).toBe(time);
  });

  it.each(['25:00', '10:61', 'mattina', '', '1030'])('refuses %s', (text) => {
    expect(readTime(text)).toBeNull();
  });
});

describe('value lists', () => {
  it.each([
    ['M', 'male'],
    ['m', 'male'],
    ['Maschio', 'male'],
    ['UOMO', 'male'],
    ['Male', 'male'],
    ['F', 'female'],
    ['f', 'female'],
    ['Femmina', 'female'],
    ['donna', 'female'],
    ['Female', 'female'],
  ])('gender %s → %s', (text, gender) => {
    expect(readGender(text)).toBe(gender);
  });

  it('leaves an unknown gender unmatched', () => {
    expect(readGender('Q')).toBeNull();
    expect(readGender('')).toBeNull();
  });

  it.each([
    ['Di persona', 'in_person'],
    ['Sportello', 'in_person'],
    ['Telefono', 'phone'],
    ['telefonico', 'phone'],
    ['Email', 'email'],
    ['e-mail', 'email'],
    ['WhatsApp', 'messaging'],
    ['Messaggio', 'messaging'],
  ])('channel %s → %s', (text, channel) => {
    expect(readChannel(text)).toBe(channel);
  });

  it.each([
    ['Spontaneo', 'spontaneous'],
    ['Accesso spontaneo', 'spontaneous'],
    ['Servizi sociali', 'municipal_service'],
    ['Comune', 'municipal_service'],
    ['ASP', 'asp'],
    ['ASL', 'asp'],
    ['SAI', 'sai'],
    ['Sprar', 'sai'],
    ['Altro ente', 'other_body'],
    ['Associazione', 'other_body'],
  ])('referral %s → %s', (text, source) => {
    expect(readReferralSource(text)).toBe(source);
  });

  it.each([
    ['SAI', 'sai'],
    ['Utente del centro', 'centre_user'],
    ['Altro', 'other'],
  ])('programme %s → %s', (text, programme) => {
    expect(readProgramme(text)).toBe(programme);
  });

  it('reads every value list’s own labels, in both languages', () => {
    for (const locale of ['it', 'en'] as const) {
      for (const value of GENDERS) expect(readGender(GENDER_LABELS[locale][value])).toBe(value);
      for (const value of CHANNELS) expect(readChannel(CHANNEL_LABELS[locale][value])).toBe(value);
      for (const value of REFERRAL_SOURCES) expect(readReferralSource(REFERRAL_LABELS[locale][value])).toBe(value);
      for (const value of ENROLMENT_PROGRAMMES) expect(readProgramme(ENROLMENT_PROGRAMME_LABELS[locale][value])).toBe(value);
      for (const value of PERMIT_TYPES)
        expect(readPermitType(PERMIT_TYPE_LABELS[locale][value]), PERMIT_TYPE_LABELS[locale][value]).toBe(value);
    }
  });

  it.each([
    ['Motivi di lavoro', 'employment'],
    ['LAVORO SUBORDINATO', 'employment'],
    ['Lavoro stagionale', 'employment'],
    ['Lavoro autonomo', 'self_employment'],
    ['Famiglia', 'family'],
    ['Ricongiungimento familiare', 'family'],
    ['Asilo politico', 'asylum'],
    ['Rifugiato', 'asylum'],
    ['Richiesta asilo', 'asylum_request'],
    ['Richiedente protezione internazionale', 'asylum_request'],
    ['Sussidiaria', 'subsidiary_protection'],
    ['Protezione speciale', 'special_protection'],
    ['Motivi umanitari', 'special_cases'],
    ['Casi speciali', 'special_cases'],
    ['Studio', 'study'],
    ['Attesa occupazione', 'job_seeking'],
    ['Carta di soggiorno', 'eu_long_term'],
    ['Permesso UE per soggiornanti di lungo periodo', 'eu_long_term'],
    ['Cure mediche', 'medical_treatment'],
    ['Minore età', 'minor'],
  ])('permit %s → %s', (text, type) => {
    expect(readPermitType(text)).toBe(type);
  });

  it('leaves an unknown permit unmatched', () => {
    expect(readPermitType('Turismo spaziale')).toBeNull();
  });

  it.each(['senza fissa dimora', 'Senza Fissa Dimora', 'SFD', 's.f.d.', 'Senza residenza'])('%s is no fixed abode', (text) => {
    expect(isNoFixedAbode(text)).toBe(true);
  });

  it('a comune is not no fixed abode', () => {
    expect(isNoFixedAbode('Jesi')).toBe(false);
  });
});

describe('names', () => {
  it('writes a name in capitals with initial capitals, leaves mixed case as written', () => {
    expect(tidyName('ROSSI')).toBe('Rossi');
    expect(tidyName("D'ANGELO")).toBe("D'Angelo");
    expect(tidyName('ANNA-MARIA')).toBe('Anna-Maria');
    expect(tidyName('mario  luigi')).toBe('Mario Luigi');
    expect(tidyName('McDonald')).toBe('McDonald');
    expect(tidyName('De Luca')).toBe('De Luca');
  });

  it.each([
    ['ROSSI Mario', false, 'Rossi', 'Mario'],
    ['Mario ROSSI', false, 'Rossi', 'Mario'],
    ['DE LUCA Anna Maria', false, 'De Luca', 'Anna Maria'],
    ['Rossi Mario', false, 'Rossi', 'Mario'],
    ['ROSSI MARIO', false, 'Rossi', 'Mario'],
    ['De Luca Mario', false, 'De Luca', 'Mario'],
    ['Rossi, Mario Luigi', false, 'Rossi', 'Mario Luigi'],
    ['Mario Rossi', true, 'Rossi', 'Mario'],
    ['Anna Maria De Luca', true, 'De Luca', 'Anna Maria'],
    ['EL AMRANI Fatima', false, 'El Amrani', 'Fatima'],
  ] as const)('"%s" (given first: %s) → %s / %s', (text, givenFirst, family, given) => {
    expect(splitFullName(text, givenFirst)).toEqual({ familyNames: family, givenNames: given });
  });

  it('cannot split one word', () => {
    expect(splitFullName('Rossi')).toBeNull();
    expect(splitFullName('  ')).toBeNull();
  });
});

describe('topics', () => {
  it('splits a cell on , ; / + and new lines', () => {
    expect(splitTopics('Lavoro, Casa; Documenti / Salute + Scuola\nLingua')).toEqual([
      'Lavoro',
      'Casa',
      'Documenti',
      'Salute',
      'Scuola',
      'Lingua',
    ]);
    expect(splitTopics(' ; ')).toEqual([]);
  });

  it('matches an entry by code or label, folded', () => {
    const topics = [
      { id: 1, code: 'permit', labelIt: 'Permesso di soggiorno', labelEn: 'Residence permit' },
      { id: 2, code: 'work', labelIt: 'Lavoro', labelEn: 'Work' },
    ];
    expect(matchByLabel('PERMESSO DI SOGGIORNO', topics)?.id).toBe(1);
    expect(matchByLabel('residence permit', topics)?.id).toBe(1);
    expect(matchByLabel('work', topics)?.id).toBe(2);
    expect(matchByLabel('Casa', topics)).toBeNull();
  });
});

describe('fingerprintText', () => {
  it('is the same for the same values in any key order, different otherwise', () => {
    expect(fingerprintText('visits', { a: 1, b: { c: 'x', d: null } })).toBe(fingerprintText('visits', { b: { d: null, c: 'x' }, a: 1 }));
    expect(fingerprintText('visits', { a: 1 })).not.toBe(fingerprintText('people', { a: 1 }));
    expect(fingerprintText('visits', { a: 1 })).not.toBe(fingerprintText('visits', { a: 2 }));
    expect(fingerprintText('visits', { a: [1, 2] })).not.toBe(fingerprintText('visits', { a: [2, 1] }));
  });
});
