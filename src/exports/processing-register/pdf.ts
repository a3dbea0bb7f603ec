/**
 * The register of processing (GDPR art. 30), printed: A4 in Italian, one section after the
 * other, each with its generated lines and then the data protection officer's text.
 */
import type { ProcessingRegister, RegisterEntry } from '../../contracts/processing-register.js';
import { romeDateOf } from '../../domain/dates.js';
import { createPdf, PDF_COLOURS, pdfBytes, pdfMuted, pdfSection, pdfTitle } from '../pdf.js';
import { italianDate } from '../subject/pdf.js';

type Doc = PDFKit.PDFDocument;

function entry(doc: Doc, item: RegisterEntry) {
  doc.font('regular').fontSize(11).fillColor(PDF_COLOURS.ink).text(`• ${item.it}`, { lineGap: 1 });
  if (item.special) pdfMuted(doc, '   Categoria particolare di dati (art. 9 GDPR)');
  if (item.detail) pdfMuted(doc, `   ${item.detail.it}`);
  if (item.sources?.length) pdfMuted(doc, `   Dove: ${item.sources.join(' · ')}`);
  doc.moveDown(0.2);
}

/** The register as an A4 PDF in Italian. */
export async function processingRegisterPdf(register: ProcessingRegister): Promise<Buffer> {
  const doc = createPdf({
    title: `Registro delle attività di trattamento – ${register.organisation}`,
    header: { centreName: register.organisation, organisationName: 'Registro delle attività di trattamento (art. 30 GDPR)' },
  });
  pdfTitle(doc, 'Registro delle attività di trattamento');
  pdfMuted(
    doc,
    `Art. 30 del Regolamento (UE) 2016/679. Generato da Approdo il ${italianDate(romeDateOf(new Date(register.generatedAt)))}.`,
  );
  for (const section of register.sections) {
    pdfSection(doc, section.title.it);
    for (const item of section.entries) entry(doc, item);
    doc.moveDown(0.3);
    doc.font('bold').fontSize(11).fillColor(PDF_COLOURS.ink).text('Nota del responsabile della protezione dei dati');
    if (section.dpoText.text) {
      doc.font('regular').fontSize(11).text(section.dpoText.text, { lineGap: 1 });
      if (section.dpoText.updatedAt) {
        const by = section.dpoText.updatedBy ? `, ${section.dpoText.updatedBy.displayName}` : '';
        pdfMuted(doc, `Aggiornata il ${italianDate(romeDateOf(new Date(section.dpoText.updatedAt)))}${by}`);
      }
    } else {
      pdfMuted(doc, 'Nessuna nota.');
    }
  }
  return pdfBytes(doc);
}
