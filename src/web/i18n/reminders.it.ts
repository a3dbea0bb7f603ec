/** Italian messages of reminders (merged into the master dictionary in it.ts). */
export const remindersIt = {
  'reminders.nav': 'Promemoria',
  'reminders.title': 'Promemoria di oggi',
  'reminders.intro':
    'Ogni giorno Approdo raccoglie ciò che chiede attenzione: permessi di soggiorno in scadenza nei prossimi 60 giorni, azioni del piano scadute, casi aperti senza note nel diario da almeno 60 giorni, posti liberati nei corsi quando qualcuno è in lista d’attesa. Gli operatori vedono i propri casi; i coordinatori tutto ciò che riguarda i loro centri.',
  'reminders.off': 'Non ricevi promemoria. Puoi attivarli dalla pagina',
  'reminders.offLink': 'Il mio account',
  'reminders.none': 'Nulla da segnalare oggi.',
  'reminders.emailSent': 'Inviati anche per e-mail.',
  'reminders.emailPending': 'L’e-mail parte al prossimo invio.',
  'reminders.emailFailed': 'L’e-mail non è partita: si ritenta al prossimo invio.',
  'reminders.permitDue': 'scade il {date} ({days})',
  'reminders.actionDue': 'da fare entro il {date}, in ritardo di {count} giorni',
  'reminders.actionDue.one': 'da fare entro il {date}, in ritardo di {count} giorno',
  'reminders.caseSilent': 'nessuna nota da {count} giorni (dal {date})',
  'reminders.caseSilent.one': 'nessuna nota da {count} giorno (dal {date})',
  'reminders.coursePlaces': '{count} posti liberi; in lista d’attesa nel centro: {waiting}',
  'reminders.coursePlaces.one': '{count} posto libero; in lista d’attesa nel centro: {waiting}',

  'account.reminders.title': 'Promemoria giornalieri',
  'account.reminders.intro':
    'Un riepilogo al giorno di permessi in scadenza, azioni scadute, casi senza note e posti liberi nei corsi. L’e-mail contiene solo i nomi e i collegamenti: i dettagli restano nell’app.',
  'account.reminders.delivery': 'Ricevi i promemoria',
  'account.reminders.emailTo': 'Le e-mail vanno a {email}.',
  'account.reminders.emailUnavailable': 'Questo server non invia e-mail: i promemoria sono solo nell’app.',
  'account.reminders.save': 'Salva',
  'account.reminders.saved': 'Preferenza dei promemoria salvata.',

  'error.reminders.email_unavailable': 'Questo server non invia e-mail: scegli i promemoria nell’app.',
} as const;
