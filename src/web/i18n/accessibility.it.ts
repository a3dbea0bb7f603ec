/** Italian text of the accessibility declaration (AgID's model) and the footer's link to it (merged into it.ts). */
export const accessibilityIt = {
  'app.accessibility': 'Dichiarazione di accessibilità',
  'accessibility.title': 'Dichiarazione di accessibilità',
  'accessibility.intro':
    'Il Comune si impegna a rendere accessibile l’applicazione Approdo, in conformità alla legge 9 gennaio 2004, n. 4 e alle Linee guida sull’accessibilità degli strumenti informatici dell’AgID. Questa dichiarazione si applica all’applicazione web Approdo e ai documenti che essa produce.',
  'accessibility.status.title': 'Stato di conformità',
  'accessibility.status.text':
    'Approdo è parzialmente conforme ai requisiti previsti dall’allegato A alla norma UNI CEI EN 301549 (WCAG 2.1, livello AA), per i contenuti non accessibili indicati di seguito.',
  'accessibility.notAccessible.title': 'Contenuti non accessibili',
  'accessibility.notAccessible.text': 'I contenuti elencati di seguito non sono ancora pienamente accessibili:',
  'accessibility.notAccessible.item1':
    'alcuni grafici dell’interfaccia sono accompagnati da una tabella con gli stessi dati, ma non tutti hanno ancora una descrizione testuale delle cifre;',
  'accessibility.notAccessible.item2':
    'i fogli di calcolo (XLSX) e i file CSV esportati non hanno una struttura di intestazioni dichiarata oltre alla prima riga;',
  'accessibility.notAccessible.item3':
    'i documenti caricati dagli operatori (per esempio scansioni) sono pubblicati come sono stati caricati e possono non essere accessibili.',
  'accessibility.preparation.title': 'Redazione della dichiarazione',
  'accessibility.preparation.text': 'La dichiarazione è stata redatta il 7 dicembre 2026 sulla base di un’autovalutazione:',
  'accessibility.preparation.item1':
    'ogni pagina e ogni stato dell’interfaccia è verificato in modo automatico con axe-core nelle prove del browser, che non ammettono violazioni gravi;',
  'accessibility.preparation.item2':
    'la navigazione da tastiera, il focus e gli annunci ai lettori di schermo sono verificati nelle stesse prove;',
  'accessibility.preparation.item3':
    'l’interfaccia segue il kit di Designers Italia (Bootstrap Italia) e funziona fino a 390 pixel di larghezza.',
  'accessibility.feedback.title': 'Meccanismo di feedback e recapiti',
  'accessibility.feedback.text':
    'Per segnalare un problema di accessibilità o chiedere un contenuto in formato accessibile, scrivi al responsabile per l’accessibilità (RTD) del Comune o al centro servizi che usi: l’indirizzo è indicato nei contatti del centro. La risposta arriva entro 30 giorni.',
  'accessibility.enforcement.title': 'Procedura di attuazione',
  'accessibility.enforcement.text':
    'In caso di risposta insoddisfacente o di mancata risposta entro 30 giorni dalla segnalazione, è possibile inoltrare una segnalazione all’AgID tramite il modulo disponibile sul suo sito.',
  'accessibility.application.title': 'Informazioni sull’applicazione',
  'accessibility.application.text':
    'Approdo è un’applicazione web open source (licenza EUPL-1.2) per i Centri Servizi per l’Integrazione Sociale:',
  'accessibility.application.item1': 'l’interfaccia è in italiano e in inglese, con la lingua dichiarata in ogni pagina;',
  'accessibility.application.item2':
    'il Report di Gestione è prodotto come PDF etichettato (PDF/UA), con titoli, tabelle con intestazioni e grafici con testo alternativo, e come DOCX;',
  'accessibility.application.item3': 'i dati personali non compaiono in questa pagina, che è leggibile senza accedere.',
  'accessibility.agidForm': 'Modulo di segnalazione dell’AgID (form.agid.gov.it)',
};
