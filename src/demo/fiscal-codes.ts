/** Codici fiscali for the synthetic people, with the domain's check characters. */
import { personalCheckCharacter, provisionalCheckDigit } from '../domain/codice-fiscale.js';
import { nameTokens } from '../domain/names.js';
import type { Rng } from './random.js';

const CF_MONTHS = 'ABCDEHLMPRST';

function lettersOf(name: string): { consonants: string; vowels: string } {
  const letters = nameTokens(name)
    .join('')
    .replace(/[^a-z]/g, '')
    .toUpperCase();
  return { consonants: letters.replace(/[AEIOU]/g, ''), vowels: letters.replace(/[^AEIOU]/g, '') };
}

/** A codice fiscale built the official way from the person's data (no omocodia), with the domain's check character. */
export function personalFiscalCode(
  familyNames: string,
  givenNames: string,
  birthDate: string,
  female: boolean,
  cadastral: string,
): string | null {
  const family = lettersOf(familyNames);
  const given = lettersOf(givenNames);
  const familyPart = `${family.consonants}${family.vowels}XXX`.slice(0, 3);
  const givenPart =
    given.consonants.length >= 4
      ? `${given.consonants[0]}${given.consonants[2]}${given.consonants[3]}`
      : `${given.consonants}${given.vowels}XXX`.slice(0, 3);
  const [year, month, day] = birthDate.split('-').map(Number) as [number, number, number];
  const dayPart = String(day + (female ? 40 : 0)).padStart(2, '0');
  const first15 = `${familyPart}${givenPart}${String(year % 100).padStart(2, '0')}${CF_MONTHS[month - 1]}${dayPart}${cadastral}`;
  if (!/^[A-Z]{6}\d{2}[A-Z]\d{2}[A-Z]\d{3}$/.test(first15)) return null;
  return first15 + personalCheckCharacter(first15);
}

/** The 11-digit provisional number given to asylum seekers, with the domain's check digit. */
export function provisionalFiscalCode(rng: Rng): string {
  let first10 = String(rng.int(1, 9));
  for (let i = 0; i < 9; i++) first10 += String(rng.int(0, 9));
  return first10 + String(provisionalCheckDigit(first10));
}
