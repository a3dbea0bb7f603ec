import { describe, expect, it } from 'vitest';
import type { RegisterPerson } from './imports.repository.js';
import { FilePeople, namesKey, Register, skeletonKey } from './people-matching.js';
import type { ParsedPerson } from './read/types.js';

function registered(
  id: number,
  familyNames: string,
  givenNames: string,
  birthDate: string | null,
  fiscalCode: string | null = null,
): RegisterPerson {
  return {
    id,
    familyNames,
    givenNames,
    birthDate,
    fiscalCode,
    gender: 'male',
    citizenship: 'MA',
    residenceKind: 'unknown',
    residenceComune: null,
  };
}

function row(familyNames: string, givenNames: string, birthDate: string | null, fiscalCode: string | null = null): ParsedPerson {
  return {
    familyNames,
    givenNames,
    birthDate,
    fiscalCode,
    gender: 'male',
    citizenship: 'MA',
    birthCountry: null,
    residence: { kind: 'unknown', comuneIstat: null },
    phone: null,
    email: null,
  };
}

describe('people matching', () => {
  const register = new Register();
  register.add(registered(1, 'El Amrani', 'Youssef', '1990-06-05', 'LMRYSF90H05Z330X'));
  register.add(registered(2, 'Rossi', 'Mario', '1960-01-01'));
  register.add(registered(3, 'Diallo', 'Amina', '1999-09-09'));
  register.add(registered(4, 'Mohamed', 'Ali', '1985-05-05', 'MHMLAI85E05Z330Y'));
  register.add(registered(5, 'Bianchi', 'Luca', '1970-01-01'));
  register.add(registered(6, 'Bianchi', 'Luca', '1970-01-01'));

  it('folds names as the search does: case, accents, order', () => {
    expect(namesKey('Mario', 'ROSSÌ')).toBe(namesKey('rossi', 'mario'));
    expect(skeletonKey('Muhammad', 'Aly')).toBe(skeletonKey('Mohamed', 'Ali'));
  });

  it('matches by codice fiscale first, whatever the names', () => {
    expect(register.resolve(row('ELAMRANI', 'Y.', null, 'lmrysf90h05z330x'))).toEqual({ kind: 'existing', personId: 1 });
  });

  it('matches the same names and birth date; the same names otherwise are doubtful', () => {
    expect(register.resolve(row('ROSSI', 'MARIO', '1960-01-01'))).toEqual({ kind: 'existing', personId: 2 });
    const other = register.resolve(row('Diallo', 'Amina', '1998-10-10'));
    expect(other.kind).toBe('doubtful');
    expect(other.kind === 'doubtful' && other.candidates.map((c) => c.id)).toEqual([3]);
    expect(register.resolve(row('Diallo', 'Amina', null)).kind).toBe('doubtful');
    // Names that sound alike are candidates too.
    expect(register.resolve(row('Mohammed', 'Aly', '1985-05-05')).kind).toBe('doubtful');
  });

  it('is doubtful when the codici fiscali differ, or two people share names and birth date', () => {
    expect(register.resolve(row('Mohamed', 'Ali', '1985-05-05', 'MHMLAI85E05Z330Z')).kind).toBe('doubtful');
    expect(register.resolve(row('Bianchi', 'Luca', '1970-01-01')).kind).toBe('doubtful');
  });

  it('is new when nobody is alike', () => {
    expect(register.resolve(row('Popescu', 'Ana', '1985-01-20'))).toEqual({ kind: 'new' });
  });

  it('counts the same person once within the file, and applies decisions by key', () => {
    const people = new FilePeople(register, { 'nb:amina diallo|1998-10-10': 'new' });
    const first = people.personOf(2, row('Popescu', 'Ana', '1985-01-20', 'PPSNAA85A60Z129K'));
    const again = people.personOf(3, row('POPESCU', 'ANA', '1985-01-20'));
    const byCode = people.personOf(4, row('Popescu', 'Anna', null, 'ppsnaa85a60z129k'));
    expect(first.first).toBe(true);
    expect(again).toEqual({ filePerson: first.filePerson, first: false });
    expect(byCode.filePerson).toBe(first.filePerson);
    expect(first.filePerson.rowNumbers).toEqual([2, 3, 4]);

    const decided = people.personOf(5, row('Diallo', 'Amina', '1998-10-10'));
    expect(decided.filePerson.resolution).toEqual({ kind: 'new' });
    expect(decided.filePerson.doubtful?.map((c) => c.id)).toEqual([3]);
    const undecided = people.personOf(6, row('Diallo', 'Amina', null));
    expect(undecided.filePerson.resolution.kind).toBe('doubtful');
    expect(people.people).toHaveLength(3);
  });
});
