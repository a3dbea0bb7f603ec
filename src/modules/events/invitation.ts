/**
 * The printable invitation to an event: what, when (the weekday computed, never typed), where,
 * with whom, and how to reach the centre. It names no participant: it goes up on notice boards.
 */
import type { EventListItem } from '../../contracts/events.js';
import { italianLongDate, italianTimeRange } from '../../domain/events.js';
import { createPdf, PDF_COLOURS, pdfBytes, pdfLabelled, pdfTitle, safeFileName } from '../../exports/pdf.js';

export interface CentreContacts {
  name: string;
  organisationName: string;
  address: string | null;
  phone: string | null;
  email: string | null;
}

type InvitationEvent = Pick<
  EventListItem,
  'title' | 'date' | 'startTime' | 'endTime' | 'place' | 'meetingPoint' | 'partner' | 'description'
>;

/** The file name: "invito-2023-12-20-visita-alla-pinacoteca.pdf". */
export function invitationFileName(event: Pick<EventListItem, 'title' | 'date'>): string {
  return safeFileName(`invito ${event.date} ${event.title}`, 'pdf', `invito-${event.date}`);
}

export async function invitationPdf(event: InvitationEvent, centre: CentreContacts): Promise<Buffer> {
  const doc = createPdf({
    title: `Invito: ${event.title}`,
    header: { centreName: centre.name, organisationName: centre.organisationName },
  });

  doc.font('regular').fontSize(12).fillColor(PDF_COLOURS.accent).text('INVITO', { characterSpacing: 2 });
  doc.moveDown(0.5);
  pdfTitle(doc, event.title, 24);
  doc.moveDown(0.5);

  const when = italianTimeRange(event.startTime, event.endTime);
  doc.font('bold').fontSize(16).fillColor(PDF_COLOURS.ink).text(italianLongDate(event.date));
  if (when) doc.font('regular').fontSize(14).text(when);
  doc.moveDown(1);

  if (event.place) pdfLabelled(doc, 'Luogo', event.place);
  if (event.meetingPoint) pdfLabelled(doc, 'Punto di ritrovo', event.meetingPoint);
  if (event.partner) pdfLabelled(doc, 'In collaborazione con', event.partner);
  if (event.description) {
    doc.moveDown(0.8);
    doc.font('regular').fontSize(12).fillColor(PDF_COLOURS.ink).text(event.description, { align: 'left', lineGap: 2 });
  }

  // The centre's contacts, as far as they are set.
  doc.moveDown(2);
  doc.font('bold').fontSize(12).fillColor(PDF_COLOURS.ink).text('Per informazioni');
  doc.font('regular').fontSize(11);
  doc.text(centre.name);
  if (centre.address) doc.text(centre.address);
  if (centre.phone) doc.text(`Telefono: ${centre.phone}`);
  if (centre.email) doc.text(`E-mail: ${centre.email}`);

  return pdfBytes(doc);
}
