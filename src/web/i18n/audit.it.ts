/** Italian texts of the audit log's review (merged into the master dictionary in it.ts). */
export const auditIt = {
  'audit.filters': 'Filtri del registro',
  'audit.person': 'Persona',
  'audit.personHint':
    'Mostra le righe della scheda della persona (creazione, letture anche di una sua parte, modifiche, cancellazione) e quelle che la nominano: elenchi in cui compariva il suo nome, documenti, iscrizioni, nuclei, incontri. Accessi e prese in carico compaiono con il loro numero, non con quello della persona.',
  'audit.personChosen': 'Persona n. {id}',
  'audit.personRemove': 'Togli la persona',
  'audit.userFilter': 'Utente',
  'audit.entityId': 'Numero dell’oggetto',
  'audit.export': 'Esporta CSV',
  'audit.count': '{count} righe trovate',
  'audit.commandLine': 'Riga di comando',
  'audit.unusual.title': 'Letture insolite',
  'audit.unusual.intro':
    'Schede personali aperte in modo insolito nel periodo scelto nei filtri (senza periodo, gli ultimi 30 giorni; al massimo un anno): chi ha aperto troppe schede in un’ora, e le schede aperte quando il centro era chiuso (fuori orario, nel fine settimana, nei festivi e nelle chiusure, secondo il calendario del centro).',
  'audit.unusual.perHour': 'Più di quante schede in un’ora',
  'audit.unusual.perHourHint': 'Da 5 a 500.',
  'audit.unusual.apply': 'Aggiorna',
  'audit.unusual.period': 'Dal {from} al {to}',
  'audit.unusual.busy': 'Troppe schede in un’ora',
  'audit.unusual.busyNone': 'Nessun utente ha aperto più di {perHour} schede in un’ora.',
  'audit.unusual.hour': 'Ora',
  'audit.unusual.files': 'Schede aperte',
  'audit.unusual.outside': 'Schede aperte a centro chiuso',
  'audit.unusual.outsideNone': 'Nessuna scheda aperta a centro chiuso.',
  'audit.unusual.outsideMore': 'Sono mostrate le {shown} più recenti di {total}.',
  'audit.unusual.reads': 'Letture',
};
