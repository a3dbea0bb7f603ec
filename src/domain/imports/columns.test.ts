import { describe, expect, it } from 'vitest';
import { fieldOfHeader, foldHeader, givenNamesFirst, headerKey, KIND_FIELDS, missingRequired, recogniseColumns } from './columns.js';
import { IMPORT_FIELD_KEYS, IMPORT_KINDS, type ImportFieldKey, type ImportKind } from './fields.js';

/** Every header the issue and the brief list, with the field it names in a visits register. */
const VISIT_HEADERS: Array<[string, ImportFieldKey]> = [
  ['Data', 'visitDate'],
  ['Data accesso', 'visitDate'],
  ["Data d'accesso", 'visitDate'],
  ['DATA DI ACCESSO (gg/mm/aaaa)', 'visitDate'],
  ['Date', 'visitDate'],
  ['Cognome', 'familyNames'],
  ['Surname', 'familyNames'],
  ['Family name', 'familyNames'],
  ['Nome', 'givenNames'],
  ['Name', 'givenNames'],
  ['First name', 'givenNames'],
  ['Cognome e nome', 'fullName'],
  ['Nominativo', 'fullName'],
  ['Sesso', 'gender'],
  ['Sesso (M/F)', 'gender'],
  ['Genere', 'gender'],
  ['Gender', 'gender'],
  ['Sex', 'gender'],
  ['Nazionalità', 'citizenship'],
  ['NAZIONALITA’', 'citizenship'],
  ['Cittadinanza', 'citizenship'],
  ['Paese di provenienza', 'citizenship'],
  ['Provenienza', 'citizenship'],
  ['Nationality', 'citizenship'],
  ['Citizenship', 'citizenship'],
  ['Data di nascita', 'birthDate'],
  ['Nato il', 'birthDate'],
  ['Date of birth', 'birthDate'],
  ['Codice fiscale', 'fiscalCode'],
  ['CF', 'fiscalCode'],
  ['C.F.', 'fiscalCode'],
  ['Comune di residenza', 'residence'],
  ['Residenza', 'residence'],
  ['Comune', 'residence'],
  ['Tipologia richiesta', 'topics'],
  ['Tipo di richiesta', 'topics'],
  ['Richiesta', 'topics'],
  ['Motivo', 'topics'],
  ['Inviato da', 'referralSource'],
  ['Invio', 'referralSource'],
  ['Segnalato da', 'referralSource'],
  ['Referral', 'referralSource'],
  ['Canale', 'channel'],
  ['Note', 'notes'],
  ['Annotazioni', 'notes'],
  ['Paese di nascita', 'birthCountry'],
  ['Telefono', 'phone'],
  ['Cellulare', 'phone'],
  ['Email', 'email'],
  ['E-mail', 'email'],
  ['Ora', 'visitTime'],
];

const KIND_HEADER_CASES: Array<[ImportKind, string, ImportFieldKey]> = [
  ['cases', 'Data presa in carico', 'openedOn'],
  ['cases', 'Data apertura', 'openedOn'],
  ['cases', 'Data', 'openedOn'],
  ['cases', 'Data chiusura', 'closedOn'],
  ['cases', 'Note', 'caseSummary'],
  ['cases', 'Inviato da', 'referralSource'],
  ['permits', 'Tipo permesso', 'permitType'],
  ['permits', 'Titolo di soggiorno', 'permitType'],
  ['permits', 'Numero permesso', 'permitNumber'],
  ['permits', 'Data rilascio', 'issuedOn'],
  ['permits', 'Scadenza', 'expiresOn'],
  ['permits', 'Data scadenza', 'expiresOn'],
  ['enrolments', 'Corso', 'course'],
  ['enrolments', 'Programma', 'programme'],
  ['enrolments', 'Progetto', 'programme'],
  ['enrolments', 'Data iscrizione', 'enrolledOn'],
  ['enrolments', 'Data ritiro', 'withdrawnOn'],
  ['people', 'Cognome', 'familyNames'],
];

describe('import headers', () => {
  it.each(VISIT_HEADERS)('"%s" is %s in a visits register', (header, field) => {
    expect(fieldOfHeader('visits', header)).toBe(field);
  });

  it.each(KIND_HEADER_CASES)('in a %s register "%s" is %s', (kind, header, field) => {
    expect(fieldOfHeader(kind, header)).toBe(field);
  });

  it('folds case, accents, punctuation, spaces and a bracketed hint', () => {
    expect(foldHeader('  DATA  D’ACCESSO (gg/mm/aaaa) ')).toBe(foldHeader('data accesso'));
    expect(foldHeader('Nazionalità')).toBe('nazionalita');
  });

  it('does not give a kind a field it does not carry', () => {
    expect(fieldOfHeader('people', 'Data accesso')).toBeNull();
    expect(fieldOfHeader('people', 'Tipologia richiesta')).toBeNull();
    expect(fieldOfHeader('visits', 'Scadenza')).toBeNull();
    expect(fieldOfHeader('visits', 'Colonna misteriosa')).toBeNull();
    expect(fieldOfHeader('visits', '')).toBeNull();
  });

  it('every kind accepts only known fields, the person’s in all', () => {
    for (const kind of IMPORT_KINDS) {
      for (const field of KIND_FIELDS[kind]) expect(IMPORT_FIELD_KEYS).toContain(field);
      expect(KIND_FIELDS[kind]).toContain('familyNames');
    }
  });
});

describe('recogniseColumns', () => {
  it('maps each column, each field once, unknown headers to null', () => {
    const mapping = recogniseColumns('visits', [
      'Data',
      'Cognome',
      'Nome',
      'Sesso',
      'Nazionalità',
      'Tipologia richiesta',
      'Boh',
      'Data accesso',
    ]);
    expect(mapping).toEqual({
      '0': 'visitDate',
      '1': 'familyNames',
      '2': 'givenNames',
      '3': 'gender',
      '4': 'citizenship',
      '5': 'topics',
      '6': null,
      '7': null,
    });
  });

  it('prefers separate surname and name columns to a "Cognome e nome" one', () => {
    expect(recogniseColumns('people', ['Nominativo', 'Cognome', 'Nome'])).toEqual({ '0': null, '1': 'familyNames', '2': 'givenNames' });
    expect(recogniseColumns('people', ['Nominativo', 'Sesso'])).toEqual({ '0': 'fullName', '1': 'gender' });
  });
});

describe('missingRequired', () => {
  it('a visits register needs a date, topics and names or gender and citizenship', () => {
    expect(missingRequired('visits', recogniseColumns('visits', ['Data', 'Tipologia richiesta', 'Cognome', 'Nome']))).toEqual([]);
    expect(missingRequired('visits', recogniseColumns('visits', ['Data', 'Tipologia richiesta', 'Sesso', 'Nazionalità']))).toEqual([]);
    expect(missingRequired('visits', recogniseColumns('visits', ['Data', 'Tipologia richiesta', 'Sesso']))).toEqual([
      [['familyNames', 'givenNames'], ['fullName'], ['gender', 'citizenship']],
    ]);
    expect(missingRequired('visits', recogniseColumns('visits', ['Cognome e nome']))).toEqual([[['visitDate']], [['topics']]]);
  });

  it('people need names, gender and citizenship', () => {
    expect(missingRequired('people', recogniseColumns('people', ['Cognome e nome', 'Sesso', 'Cittadinanza']))).toEqual([]);
    expect(missingRequired('people', recogniseColumns('people', ['Cognome', 'Sesso']))).toEqual([
      [['familyNames', 'givenNames'], ['fullName']],
      [['citizenship']],
    ]);
  });

  it('cases, permits and enrolments need their own dates', () => {
    expect(missingRequired('cases', recogniseColumns('cases', ['Cognome', 'Nome', 'Data apertura']))).toEqual([]);
    expect(missingRequired('cases', recogniseColumns('cases', ['Cognome', 'Nome']))).toEqual([[['openedOn']]]);
    expect(missingRequired('permits', recogniseColumns('permits', ['Cognome', 'Nome', 'Tipo permesso', 'Data rilascio']))).toEqual([]);
    expect(missingRequired('permits', recogniseColumns('permits', ['Cognome', 'Nome', 'Tipo permesso']))).toEqual([
      [['expiresOn'], ['issuedOn']],
    ]);
    expect(missingRequired('enrolments', recogniseColumns('enrolments', ['Nominativo', 'Corso', 'Data iscrizione']))).toEqual([]);
    expect(missingRequired('enrolments', recogniseColumns('enrolments', ['Nominativo', 'Data iscrizione']))).toEqual([[['course']]]);
  });
});

describe('headerKey and name order', () => {
  it('gives files of the same shape the same key, another shape another', () => {
    expect(headerKey(['Data', 'Cognome ', 'NAZIONALITÀ'])).toBe(headerKey(['data', 'cognome', 'Nazionalita']));
    expect(headerKey(['Data', 'Cognome'])).not.toBe(headerKey(['Cognome', 'Data']));
  });

  it('keeps a long shape’s key short enough for a unique index, still telling shapes apart', () => {
    const wide = Array.from({ length: 200 }, (_, i) => `Colonna con un nome lungo ${i}`);
    const other = [...wide.slice(0, 199), 'Colonna diversa'];
    expect(headerKey(wide).length).toBeLessThanOrEqual(400);
    expect(headerKey(wide)).toBe(headerKey([...wide]));
    expect(headerKey(other)).not.toBe(headerKey(wide));
    expect(headerKey(wide).startsWith('colonna con un nome lungo 0|')).toBe(true);
  });

  it('knows a column that writes the given names first', () => {
    expect(givenNamesFirst('Nome e cognome')).toBe(true);
    expect(givenNamesFirst('Name and surname')).toBe(true);
    expect(givenNamesFirst('Cognome e nome')).toBe(false);
    expect(givenNamesFirst('Nominativo')).toBe(false);
  });
});
