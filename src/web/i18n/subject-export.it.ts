/** Italian messages of a person's data given back (GDPR arts. 15 and 20), merged into the master dictionary in it.ts. */
export const subjectExportIt = {
  'subjectExport.title': 'Esporta i dati (GDPR)',
  'subjectExport.intro':
    'Tutti i dati che il centro conserva su questa persona, da consegnarle su richiesta (artt. 15 e 20 del GDPR): il PDF da stampare, il JSON da trasmettere a un altro servizio. Le note riservate sono incluse solo se puoi leggerle; le altre persone compaiono solo con la relazione. Ogni esportazione è registrata.',
  'subjectExport.pdf': 'Scarica il PDF',
  'subjectExport.json': 'Scarica il JSON',
};
