/** The body that erases a person's file: an erasure request decided "erased" (POST /people/:id/erasure-requests answers 201). */
export const ERASURE_REQUEST = { requestedOn: '2024-01-15', reason: 'Richiesta della persona interessata', outcome: 'erased' } as const;

/** Where a person's erasure request is decided. */
export const erasurePath = (personId: number) => `/people/${personId}/erasure-requests`;
