/** What a repository makes of the names a join brought along with a row. */

/** The person a row names, or null when it names none (or the person was erased: no names). */
export const personOf = (row: { personId: number | null; givenNames: string | null; familyNames: string | null }) =>
  row.personId !== null && row.givenNames !== null
    ? { id: row.personId, givenNames: row.givenNames, familyNames: row.familyNames ?? '' }
    : null;

/** The user a row names (its operator, author, responsible…), or null. */
export const userOf = (id: number | null, displayName: string | null) => (id !== null ? { id, displayName: displayName ?? '' } : null);
