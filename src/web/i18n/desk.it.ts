/** Italian messages of the corrections of visits at the desk and in the lists (merged into the master dictionary in it.ts). */
export const deskIt = {
  'desk.correct.action': 'Correggi',
  'desk.correct.title': 'Correggi l’{visit}',
  'desk.correct.visitOf': 'accesso del {when}, {who}',
  'desk.correct.otherPerson': 'Un’altra persona',
  'desk.correct.save': 'Salva la correzione',
  'desk.correct.done': 'Corretto: {visit}.',
  'desk.delete.action': 'Elimina',
  'desk.delete.title': 'Eliminare l’accesso?',
  'desk.delete.confirm':
    'Eliminare l’{visit}? L’accesso non comparirà più negli elenchi né nelle statistiche; l’eliminazione resta nel registro attività.',
  'desk.delete.done': 'Eliminato: {visit}.',
  'desk.anonymous.genderRequired': 'Scegli il genere del visitatore.',
  'desk.anonymous.citizenshipRequired': 'Scegli la cittadinanza del visitatore.',
  'desk.anonymous.ageBandRequired': 'Scegli la fascia d’età del visitatore.',
};
