/** Italian messages of the centre's settings and of the centre's part of first-run setup (merged into it.ts). */
export const centresIt = {
  'centres.nav.settings': 'Impostazioni del centro',
  'centres.title': 'Impostazioni del centro',
  'centres.intro':
    'Il comune, l’indirizzo e i contatti del centro compaiono nel report, nella pagina pubblica degli orari, nel calendario iCal e negli inviti. Il comune serve anche a dividere la residenza degli utenti tra dentro e fuori il comune.',
  'centres.centre': 'Centro',
  'centres.section': 'Dati del centro',
  'centres.edit': 'Modifica le impostazioni',
  'centres.save': 'Salva le impostazioni',
  'centres.saved': 'Impostazioni del centro salvate.',
  'centres.name': 'Nome del centro',
  'centres.code': 'Codice',
  'centres.comune': 'Comune del centro',
  'centres.comuneHint': 'Cerca per nome; una frazione porta al suo comune (es. Moie → Maiolati Spontini).',
  'centres.comuneChosen': 'Comune scelto: {comune}',
  'centres.comuneClear': 'Togli il comune',
  'centres.noComune': 'Non impostato',
  'centres.noComuneWarning':
    'Il comune del centro non è impostato: il report non può dividere la residenza degli utenti tra dentro e fuori il comune.',
  'centres.address': 'Indirizzo',
  'centres.phone': 'Telefono',
  'centres.email': 'E-mail del centro',
  'centres.patronDay': 'Giorno del santo patrono',
  'centres.patronDayHint': 'Mese e giorno come MM-GG, ad esempio 09-22 per San Settimio a Jesi. Vuoto se non c’è. Il centro è chiuso.',
  'centres.threshold': 'Soglia di completamento dei corsi (%)',
  'centres.thresholdHint': 'Percentuale delle lezioni da frequentare per aver completato un corso (da 1 a 100).',
  'centres.privacyNoticeVersion': 'Versione dell’informativa privacy',
  'centres.privacyNoticeVersionHint':
    'La versione che il centro consegna oggi (es. 2024-01): chi ha ricevuto una versione diversa viene segnalato sulla scheda.',
  'centres.notSet': '—',
  'centres.calendarLink': 'Santo patrono, contatti e soglia dei corsi: Amministrazione › Impostazioni del centro',

  'centres.setup.centre': 'Il centro',
  'centres.setup.comune': 'Comune del centro',
  'centres.setup.comuneRequired': 'Scegli il comune del centro dall’elenco.',
  'centres.setup.contactsHint':
    'Indirizzo, telefono ed e-mail si possono completare anche dopo, in Amministrazione › Impostazioni del centro.',
} as const;
