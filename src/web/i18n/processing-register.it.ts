/** Italian messages of the register of processing (art. 30), merged into the master dictionary in it.ts. */
export const processingRegisterIt = {
  'register.nav': 'Registro dei trattamenti',
  'register.title': 'Registro delle attività di trattamento',
  'register.intro':
    'Il registro previsto dall’art. 30 del GDPR. Ogni sezione è generata da ciò che Approdo contiene e da come è configurato; il responsabile della protezione dei dati la completa con una propria nota.',
  'register.pdf': 'Scarica il PDF da stampare',
  'register.special': 'Categoria particolare (art. 9)',
  'register.sources': 'Dove sono i dati (tabelle e colonne)',
  'register.dpoText': 'Nota del responsabile della protezione dei dati',
  'register.dpoHint': 'Ad esempio: titolare e contatti del DPO, basi giuridiche, trasferimenti, misure ulteriori.',
  'register.noText': 'Nessuna nota.',
  'register.edit': 'Modifica la nota',
  'register.editOf': 'Modifica la nota: {title}',
  'register.saved': 'Nota salvata.',
  'register.updated': 'Aggiornata il {date} da {name}.',
} as const;
