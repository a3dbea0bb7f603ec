import { describe, expect, it } from 'vitest';
import { recogniseColumns } from '../../../domain/imports/columns.js';
import type { ImportKind } from '../../../domain/imports/fields.js';
import { parseRow } from './row.js';
import type { ImportLookups, RowOutcome, ValueMappings } from './types.js';

const TODAY = '2025-06-30';

const LOOKUPS: ImportLookups = {
  topics: [
    { id: 11, code: 'residence_permit', labelIt: 'Permesso di soggiorno', labelEn: 'Residence permit' },
    { id: 12, code: 'work', labelIt: 'Lavoro', labelEn: 'Work' },
    { id: 13, code: 'housing', labelIt: 'Casa', labelEn: 'Housing' },
  ],
  courses: [
    { id: 21, title: 'Italiano A1', startDate: '2023-10-01' },
    { id: 22, title: 'Italiano A1', startDate: '2024-10-01' },
    { id: 23, title: 'Alfabetizzazione', startDate: '2024-02-01' },
  ],
};

/** Reads one row of a register whose headers are recognised as a user would see them. */
function read(kind: ImportKind, headers: string[], cells: Array<string | null>, valueMappings: ValueMappings = {}): RowOutcome {
  return parseRow(kind, headers, recogniseColumns(kind, headers), cells, valueMappings, LOOKUPS, 7, TODAY);
}

function accepted(outcome: RowOutcome) {
  if (!outcome.ok) throw new Error(`rejected: ${JSON.stringify(outcome.rejects)}`);
  return outcome.row;
}

function rejected(outcome: RowOutcome) {
  if (outcome.ok) throw new Error('accepted');
  return outcome;
}

const VISIT_HEADERS = ['Data', 'Cognome', 'Nome', 'Sesso', 'Nazionalità', 'Tipologia richiesta', 'Inviato da', 'Canale', 'Note'];

describe('a visits row', () => {
  it('reads a named visit as stored', () => {
    const row = accepted(
      read('visits', VISIT_HEADERS, [
        '05/03/2024',
        'ROSSI',
        'MARIO',
        'M',
        'Marocco',
        'Lavoro; Casa',
        'Servizi sociali',
        'Telefono',
        'Bonus affitto',
      ]),
    );
    expect(row.rowNumber).toBe(7);
    expect(row.person).toMatchObject({ familyNames: 'Rossi', givenNames: 'Mario', gender: 'male', citizenship: 'MA', birthDate: null });
    expect(row.visit).toEqual({
      date: '2024-03-05',
      time: '12:00',
      topicIds: [12, 13],
      referralSource: 'municipal_service',
      channel: 'phone',
      notes: 'Bonus affitto',
      anonymous: null,
    });
    expect(row.fingerprint).toMatch(/^[0-9a-f]{64}$/);
  });

  it('defaults referral, channel, gender and citizenship a named visit leaves out', () => {
    const row = accepted(read('visits', ['Data', 'Cognome e nome', 'Richiesta'], ['45356', 'EL AMRANI Fatima', 'permesso di soggiorno']));
    expect(row.person).toMatchObject({ familyNames: 'El Amrani', givenNames: 'Fatima', gender: 'not_stated', citizenship: 'XU' });
    expect(row.visit).toMatchObject({ date: '2024-03-05', topicIds: [11], referralSource: 'spontaneous', channel: 'in_person' });
  });

  it('reads an anonymous visit from gender and citizenship, and the time of a date-time cell', () => {
    const row = accepted(read('visits', ['Data', 'Sesso', 'Nazionalità', 'Richiesta'], ['2024-03-05T10:30:00', 'F', 'nigeriana', 'Work']));
    expect(row.person).toBeNull();
    expect(row.visit).toMatchObject({
      date: '2024-03-05',
      time: '10:30',
      anonymous: { gender: 'female', citizenship: 'NG', birthDate: null },
    });
  });

  it('rejects a visit with neither names nor gender and citizenship', () => {
    expect(rejected(read('visits', ['Data', 'Sesso', 'Nazionalità', 'Richiesta'], ['05/03/2024', null, null, 'Lavoro'])).rejects).toEqual([
      { column: null, code: 'import.person_missing' },
    ]);
    expect(rejected(read('visits', ['Data', 'Sesso', 'Nazionalità', 'Richiesta'], ['05/03/2024', 'M', null, 'Lavoro'])).rejects).toEqual([
      { column: 'Nazionalità', code: 'import.citizenship_missing' },
    ]);
  });

  it('gives every reason at once, with its column and the value as written', () => {
    const outcome = rejected(
      read('visits', VISIT_HEADERS, ['31/02/2023', 'Rossi', 'Mario', 'Q', 'Atlantide', 'Lavoro, Astrologia', 'Boh', 'Piccione', null]),
    );
    expect(outcome.rejects).toEqual([
      { column: 'Sesso', code: 'import.gender_unknown', params: { value: 'Q' } },
      { column: 'Nazionalità', code: 'import.citizenship_unknown', params: { value: 'Atlantide' } },
      { column: 'Data', code: 'import.date_invalid', params: { value: '31/02/2023' } },
      { column: 'Tipologia richiesta', code: 'import.topic_unknown', params: { value: 'Astrologia' } },
      { column: 'Inviato da', code: 'import.referral_unknown', params: { value: 'Boh' } },
      { column: 'Canale', code: 'import.channel_unknown', params: { value: 'Piccione' } },
    ]);
    expect(outcome.unmatched).toEqual([
      { field: 'gender', value: 'Q' },
      { field: 'citizenship', value: 'Atlantide' },
      { field: 'topics', value: 'Astrologia' },
      { field: 'referralSource', value: 'Boh' },
      { field: 'channel', value: 'Piccione' },
    ]);
  });

  it('rejects a future date, a missing date and missing topics', () => {
    expect(
      rejected(read('visits', VISIT_HEADERS, ['01/07/2025', 'Rossi', 'Mario', 'M', 'Italia', 'Lavoro', null, null, null])).rejects,
    ).toEqual([{ column: 'Data', code: 'import.date_in_future', params: { value: '01/07/2025' } }]);
    expect(rejected(read('visits', VISIT_HEADERS, [null, 'Rossi', 'Mario', 'M', 'Italia', null, null, null, null])).rejects).toEqual([
      { column: 'Data', code: 'import.value_missing' },
      { column: 'Tipologia richiesta', code: 'import.topics_missing' },
    ]);
  });

  it('rejects a row without surname or name', () => {
    expect(
      rejected(read('visits', VISIT_HEADERS, ['05/03/2024', null, 'Mario', 'M', 'Italia', 'Lavoro', null, null, null])).rejects,
    ).toEqual([{ column: 'Cognome', code: 'import.family_name_missing' }]);
    expect(rejected(read('visits', ['Data', 'Cognome e nome', 'Richiesta'], ['05/03/2024', 'Rossi', 'Lavoro'])).rejects).toEqual([
      { column: 'Cognome e nome', code: 'import.full_name_unsplit', params: { value: 'Rossi' } },
    ]);
  });

  it('applies the user’s value mappings first: a value, or null to reject its rows', () => {
    const cells = ['05/03/2024', 'Rossi', 'Mario', 'M', 'Atlantide', 'Astrologia', null, null, null];
    const row = accepted(read('visits', VISIT_HEADERS, cells, { citizenship: { Atlantide: 'GR' }, topics: { astrologia: '13' } }));
    expect(row.person?.citizenship).toBe('GR');
    expect(row.visit?.topicIds).toEqual([13]);
    const refused = rejected(read('visits', VISIT_HEADERS, cells, { citizenship: { Atlantide: null }, topics: { Astrologia: '13' } }));
    expect(refused.rejects).toEqual([{ column: 'Nazionalità', code: 'import.value_rejected', params: { value: 'Atlantide' } }]);
    expect(refused.unmatched).toEqual([]);
    const invalid = rejected(read('visits', VISIT_HEADERS, cells, { citizenship: { Atlantide: 'ZZ' }, topics: { Astrologia: '99' } }));
    expect(invalid.rejects.map((r) => r.code)).toEqual(['import.value_mapping_invalid', 'import.value_mapping_invalid']);
  });

  it('reads a formula-looking cell as text, never running it', () => {
    const outcome = rejected(
      read('visits', VISIT_HEADERS, ['05/03/2024', 'Rossi', 'Mario', 'M', '=1+1', 'Lavoro', null, null, '=HYPERLINK("x")']),
    );
    expect(outcome.rejects).toEqual([{ column: 'Nazionalità', code: 'import.citizenship_unknown', params: { value: '=1+1' } }]);
    const row = accepted(
      read('visits', VISIT_HEADERS, ['05/03/2024', 'Rossi', 'Mario', 'M', 'Italia', 'Lavoro', null, null, '=HYPERLINK("x")']),
    );
    expect(row.visit?.notes).toBe('=HYPERLINK("x")');
  });

  it('cuts a long value in its reason, and lists as unmatched only what a mapping can name', () => {
    const long = `Atlantide ${'x'.repeat(300)}`;
    const outcome = rejected(read('visits', VISIT_HEADERS, ['05/03/2024', 'Rossi', 'Mario', 'M', long, 'Lavoro', null, null, null]));
    expect(outcome.rejects).toEqual([
      { column: 'Nazionalità', code: 'import.citizenship_unknown', params: { value: `${long.slice(0, 200)}…` } },
    ]);
    expect(outcome.unmatched).toEqual([]);
  });

  it('limits notes and names as the API does', () => {
    const long = 'x'.repeat(2001);
    expect(
      rejected(read('visits', VISIT_HEADERS, ['05/03/2024', 'Rossi', 'Mario', 'M', 'Italia', 'Lavoro', null, null, long])).rejects,
    ).toEqual([{ column: 'Note', code: 'import.text_too_long', params: { max: 2000 } }]);
    expect(
      rejected(read('visits', VISIT_HEADERS, ['05/03/2024', 'R'.repeat(101), 'Mario', 'M', 'Italia', 'Lavoro', null, null, null])).rejects,
    ).toEqual([{ column: 'Cognome', code: 'import.text_too_long', params: { max: 100 } }]);
  });

  it('gives the same row the same fingerprint whatever the spelling, another row another', () => {
    const a = accepted(read('visits', VISIT_HEADERS, ['05/03/2024', 'ROSSI', 'MARIO', 'M', 'Marocco', 'Lavoro; Casa', null, null, null]));
    const b = accepted(
      read(
        'visits',
        ['Nazionalità', 'Cognome', 'Nome', 'Sesso', 'Richiesta', 'Data'],
        ['marocchino', 'Rossi', 'Mario', 'Maschio', 'casa / lavoro', '2024-03-05'],
      ),
    );
    const c = accepted(read('visits', VISIT_HEADERS, ['06/03/2024', 'ROSSI', 'MARIO', 'M', 'Marocco', 'Lavoro; Casa', null, null, null]));
    expect(b.fingerprint).toBe(a.fingerprint);
    expect(c.fingerprint).not.toBe(a.fingerprint);
  });
});

describe('a people row', () => {
  const HEADERS = [
    'Cognome',
    'Nome',
    'Sesso',
    'Cittadinanza',
    'Data di nascita',
    'Paese di nascita',
    'Codice fiscale',
    'Comune di residenza',
    'Cellulare',
    'Email',
  ];

  it('reads every field of a person', () => {
    const row = accepted(
      read('people', HEADERS, [
        'Bianchi',
        'Anna',
        'Donna',
        'italiana',
        '12/3/85',
        'Marocco',
        'rssmra85t10a562s',
        'Moie',
        '+39 333 1234567',
        'Anna@Example.it',
      ]),
    );
    expect(row.person).toEqual({
      familyNames: 'Bianchi',
      givenNames: 'Anna',
      gender: 'female',
      citizenship: 'IT',
      birthDate: '1985-03-12',
      birthCountry: 'MA',
      fiscalCode: 'RSSMRA85T10A562S',
      residence: { kind: 'comune', comuneIstat: '042023' },
      phone: '+39 333 1234567',
      email: 'anna@example.it',
    });
  });

  it('reads no fixed abode, and needs gender and citizenship', () => {
    const row = accepted(read('people', ['Cognome', 'Nome', 'Sesso', 'Cittadinanza', 'Residenza'], ['Bianchi', 'Anna', 'F', 'IT', 'SFD']));
    expect(row.person?.residence).toEqual({ kind: 'no_fixed_abode', comuneIstat: null });
    expect(rejected(read('people', ['Cognome', 'Nome', 'Sesso', 'Cittadinanza'], ['Bianchi', 'Anna', null, null])).rejects).toEqual([
      { column: 'Sesso', code: 'import.gender_missing' },
      { column: 'Cittadinanza', code: 'import.citizenship_missing' },
    ]);
  });

  it('rejects a bad codice fiscale, comune, phone, e-mail and a future birth date', () => {
    const outcome = rejected(
      read('people', HEADERS, [
        'Bianchi',
        'Anna',
        'F',
        'IT',
        '01/01/2030',
        null,
        'RSSMRA85T10A562X',
        'Atlantide',
        'chiamare dopo',
        'anna@',
      ]),
    );
    expect(outcome.rejects).toEqual([
      { column: 'Data di nascita', code: 'import.birth_date_in_future', params: { value: '01/01/2030' } },
      { column: 'Codice fiscale', code: 'import.fiscal_code_invalid', params: { value: 'RSSMRA85T10A562X' } },
      { column: 'Comune di residenza', code: 'import.residence_unknown', params: { value: 'Atlantide' } },
      { column: 'Cellulare', code: 'import.phone_invalid', params: { value: 'chiamare dopo' } },
      { column: 'Email', code: 'import.email_invalid', params: { value: 'anna@' } },
    ]);
    expect(outcome.unmatched).toEqual([{ field: 'residence', value: 'Atlantide' }]);
  });
});

describe('a cases row', () => {
  it('reads the case, and refuses one that closes before it opens', () => {
    const headers = ['Cognome', 'Nome', 'Data presa in carico', 'Data chiusura', 'Inviato da', 'Note'];
    const row = accepted(read('cases', headers, ['Rossi', 'Mario', '10/01/2024', null, 'ASL', 'Sfratto']));
    expect(row.case).toEqual({ openedOn: '2024-01-10', closedOn: null, referralSource: 'asp', summary: 'Sfratto' });
    expect(rejected(read('cases', headers, ['Rossi', 'Mario', '10/01/2024', '09/01/2024', null, null])).rejects).toEqual([
      { column: 'Data chiusura', code: 'import.closed_before_opened', params: { openedOn: '2024-01-10', closedOn: '2024-01-09' } },
    ]);
  });
});

describe('a permits row', () => {
  const headers = ['Cognome', 'Nome', 'Tipo permesso', 'Numero permesso', 'Data rilascio', 'Scadenza'];

  it('reads the permit, an expiry in the future included', () => {
    const row = accepted(read('permits', headers, ['Rossi', 'Mario', 'Motivi familiari', 'I123', '01/02/2024', '01/02/2026']));
    expect(row.permit).toEqual({ permitType: 'family', number: 'I123', issuedOn: '2024-02-01', expiresOn: '2026-02-01' });
  });

  it('needs a kind it knows and a date, and an expiry after the issue', () => {
    expect(rejected(read('permits', headers, ['Rossi', 'Mario', 'Turismo spaziale', null, null, null])).rejects).toEqual([
      { column: 'Tipo permesso', code: 'import.permit_type_unknown', params: { value: 'Turismo spaziale' } },
      { column: 'Scadenza', code: 'import.value_missing' },
    ]);
    expect(rejected(read('permits', headers, ['Rossi', 'Mario', 'Studio', null, '01/02/2024', '01/01/2024'])).rejects).toEqual([
      { column: 'Scadenza', code: 'import.expiry_before_issue', params: { issuedOn: '2024-02-01', expiresOn: '2024-01-01' } },
    ]);
  });
});

describe('an enrolments row', () => {
  const headers = ['Nominativo', 'Corso', 'Programma', 'Data iscrizione', 'Data ritiro'];

  it('finds the course by title, the edition nearest the enrolment', () => {
    const row = accepted(read('enrolments', headers, ['ROSSI Mario', 'italiano a1', 'SAI', '20/09/2024', null]));
    expect(row.enrolment).toEqual({ courseId: 22, programme: 'sai', enrolledOn: '2024-09-20', withdrawnOn: null });
    expect(accepted(read('enrolments', headers, ['ROSSI Mario', 'Italiano A1', null, '15/09/2023', null])).enrolment).toMatchObject({
      courseId: 21,
      programme: 'centre_user',
    });
  });

  it('rejects a course not found and a withdrawal before the enrolment', () => {
    const outcome = rejected(read('enrolments', headers, ['ROSSI Mario', 'Cucina', null, '20/09/2024', null]));
    expect(outcome.rejects).toEqual([{ column: 'Corso', code: 'import.course_unknown', params: { value: 'Cucina' } }]);
    expect(outcome.unmatched).toEqual([{ field: 'course', value: 'Cucina' }]);
    expect(rejected(read('enrolments', headers, ['ROSSI Mario', 'Alfabetizzazione', null, '20/09/2024', '01/09/2024'])).rejects).toEqual([
      { column: 'Data ritiro', code: 'import.withdrawn_before_enrolled', params: { enrolledOn: '2024-09-20', withdrawnOn: '2024-09-01' } },
    ]);
  });
});
