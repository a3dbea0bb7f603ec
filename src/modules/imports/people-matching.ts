/**
 * Who each row of a register is (no I/O): a person already in the centre's register, a new one,
 * or a doubtful one for the user to decide. Within the file, rows with the same codice fiscale,
 * or the same names and birth date, are one person.
 *
 * - the same codice fiscale as a person of the register → that person;
 * - the same names (folded as the search folds them: case, accents, order) and birth date → that
 *   person, unless both have a codice fiscale and they differ (doubtful);
 * - the same names (or names that sound alike: the search's consonant skeletons) with another or
 *   no birth date → doubtful, with the candidates;
 * - otherwise → new.
 * A decision (the doubtful person's key → 'new' or a person id) settles a doubtful one.
 */
import { nameSkeleton, nameTokens } from '../../domain/names.js';
import type { RegisterPerson } from './imports.repository.js';
import type { ParsedPerson } from './read/types.js';

export type Decision = 'new' | number;

/** The names folded, in order: "Rossi Mario" and "MARIO ROSSÌ" give the same key. */
export function namesKey(givenNames: string, familyNames: string): string {
  return nameTokens(`${givenNames} ${familyNames}`).sort().join(' ');
}

/** The names' consonant skeletons, in order: "Mohamed Ali" and "Muhammad Aly" give the same key. */
export function skeletonKey(givenNames: string, familyNames: string): string {
  return nameTokens(`${givenNames} ${familyNames}`).map(nameSkeleton).sort().join(' ');
}

/** The codice fiscale as compared: upper case, no spaces. */
export function fiscalKey(code: string | null | undefined): string | null {
  const key = code?.replace(/\s+/g, '').toUpperCase();
  return key ? key : null;
}

const MAX_CANDIDATES = 10;

/** The centre's register, indexed for the matching. */
export class Register {
  readonly byId = new Map<number, RegisterPerson>();
  private readonly byFiscalCode = new Map<string, RegisterPerson>();
  private readonly byNames = new Map<string, RegisterPerson[]>();
  private readonly bySkeleton = new Map<string, RegisterPerson[]>();

  add(person: RegisterPerson): void {
    this.byId.set(person.id, person);
    const fiscal = fiscalKey(person.fiscalCode);
    if (fiscal && !this.byFiscalCode.has(fiscal)) this.byFiscalCode.set(fiscal, person);
    push(this.byNames, namesKey(person.givenNames, person.familyNames), person);
    push(this.bySkeleton, skeletonKey(person.givenNames, person.familyNames), person);
  }

  resolve(person: ParsedPerson): Resolution {
    const fiscal = fiscalKey(person.fiscalCode);
    const byCode = fiscal ? this.byFiscalCode.get(fiscal) : undefined;
    if (byCode) return { kind: 'existing', personId: byCode.id };
    const sameNames = this.byNames.get(namesKey(person.givenNames, person.familyNames)) ?? [];
    if (person.birthDate) {
      const sameBirth = sameNames.filter((p) => p.birthDate === person.birthDate);
      const agreeing = sameBirth.filter((p) => !(fiscal && p.fiscalCode && fiscalKey(p.fiscalCode) !== fiscal));
      if (agreeing.length === 1 && sameBirth.length === 1) return { kind: 'existing', personId: (agreeing[0] as RegisterPerson).id };
    }
    const alike = new Map<number, RegisterPerson>();
    for (const p of sameNames) alike.set(p.id, p);
    for (const p of this.bySkeleton.get(skeletonKey(person.givenNames, person.familyNames)) ?? []) alike.set(p.id, p);
    if (alike.size === 0) return { kind: 'new' };
    return { kind: 'doubtful', candidates: [...alike.values()].slice(0, MAX_CANDIDATES) };
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export type Resolution = { kind: 'existing'; personId: number } | { kind: 'new' } | { kind: 'doubtful'; candidates: RegisterPerson[] };

/** A person of the file: the rows that name them, who they are, and (when written) their id. */
export interface FilePerson {
  key: string;
  person: ParsedPerson;
  rowNumbers: number[];
  /** Who they are once decisions are applied: 'doubtful' only while undecided. */
  resolution: Resolution;
  /** Whether the register's matching found them doubtful (kept after a decision, to list it). */
  doubtful: RegisterPerson[] | null;
  decision: Decision | null;
  /** The id written or matched (set by the writing). */
  personId?: number;
}

const MAX_ROW_NUMBERS = 50;

/** The people of a file, as its rows are read in order. */
export class FilePeople {
  readonly people: FilePerson[] = [];
  private readonly byFiscalCode = new Map<string, FilePerson>();
  private readonly byNamesAndBirth = new Map<string, FilePerson>();

  constructor(
    readonly register: Register,
    private readonly decisions: Readonly<Record<string, Decision>>,
  ) {}

  /** The names' keys already folded: a register names most people on several rows. */
  private readonly foldedNames = new Map<string, string>();

  private namesKeyOf(person: ParsedPerson): string {
    const written = `${person.givenNames}\u0000${person.familyNames}`;
    let key = this.foldedNames.get(written);
    if (key === undefined) {
      key = namesKey(person.givenNames, person.familyNames);
      this.foldedNames.set(written, key);
    }
    return key;
  }

  /**
   * The file person a row's person as written (names, birth date, codice fiscale) came to: a
   * register names most people on several rows, each then found without folding anything.
   * Forgotten when a new person takes over a names-and-birth key, which may change the answer.
   */
  private readonly byWritten = new Map<string, FilePerson>();

  /** The file's person of this row, and whether the row is the first to name them. */
  personOf(rowNumber: number, person: ParsedPerson): { filePerson: FilePerson; first: boolean } {
    const written = `${person.givenNames}\u0000${person.familyNames}\u0000${person.birthDate ?? ''}\u0000${person.fiscalCode ?? ''}`;
    const known = this.byWritten.get(written);
    if (known) {
      if (known.rowNumbers.length < MAX_ROW_NUMBERS) known.rowNumbers.push(rowNumber);
      return { filePerson: known, first: false };
    }
    const result = this.match(rowNumber, person);
    this.byWritten.set(written, result.filePerson);
    return result;
  }

  private match(rowNumber: number, person: ParsedPerson): { filePerson: FilePerson; first: boolean } {
    const fiscal = fiscalKey(person.fiscalCode);
    const namesBirth = `${this.namesKeyOf(person)}|${person.birthDate ?? ''}`;
    let found = fiscal ? this.byFiscalCode.get(fiscal) : undefined;
    // The same names and birth date, unless both rows have a codice fiscale and they differ.
    if (!found) {
      const candidate = this.byNamesAndBirth.get(namesBirth);
      const candidateFiscal = candidate ? fiscalKey(candidate.person.fiscalCode) : null;
      if (candidate && !(fiscal && candidateFiscal && candidateFiscal !== fiscal)) found = candidate;
    }
    if (found) {
      if (found.rowNumbers.length < MAX_ROW_NUMBERS) found.rowNumbers.push(rowNumber);
      if (fiscal && !this.byFiscalCode.has(fiscal)) this.byFiscalCode.set(fiscal, found);
      if (!this.byNamesAndBirth.has(namesBirth)) this.byNamesAndBirth.set(namesBirth, found);
      return { filePerson: found, first: false };
    }
    const key = fiscal ? `cf:${fiscal}` : `nb:${namesBirth}`;
    const matched = this.register.resolve(person);
    const decision = matched.kind === 'doubtful' ? (this.decisions[key] ?? null) : null;
    const resolution: Resolution =
      decision === 'new' ? { kind: 'new' } : typeof decision === 'number' ? { kind: 'existing', personId: decision } : matched;
    const filePerson: FilePerson = {
      key,
      person,
      rowNumbers: [rowNumber],
      resolution,
      doubtful: matched.kind === 'doubtful' ? matched.candidates : null,
      decision,
    };
    this.people.push(filePerson);
    if (fiscal) this.byFiscalCode.set(fiscal, filePerson);
    if (this.byNamesAndBirth.has(namesBirth)) this.byWritten.clear();
    this.byNamesAndBirth.set(namesBirth, filePerson);
    return { filePerson, first: true };
  }
}
