import { z } from 'zod';
import { id } from '../../contracts/common.js';
import { personFileSchema } from '../../contracts/person-file.js';
import { subjectExportSchema } from '../../contracts/subject-export.js';
import { fileBody, sendDownload } from '../http/download.js';
import { routesOf } from '../http/route.js';
import { getPersonFile } from './person-file.usecases.js';
import { subjectExportJson, subjectExportPdfFor } from './subject-export.usecases.js';

export const personFileRoutes = routesOf(['people'], (route, app) => {
  route.get('/people/:id/file', {
    permission: 'personal.read',
    summary: "A person's whole file in one answer: details, recent visits, household, cases, documents, applications (the read is logged)",
    params: z.strictObject({ id }),
    response: personFileSchema,
    handle: (actor, { params }) => getPersonFile(app.db, actor, params.id),
  });

  // The person's data given back (GDPR arts. 15 and 20): who may open the file may export it.
  route.get('/people/:id/export.json', {
    permission: 'personal.read',
    summary:
      'Everything held about the person, machine-readable (GDPR art. 20): restricted notes only as the caller may read them, other people only by relation; audited as a read and an export',
    params: z.strictObject({ id }),
    response: subjectExportSchema,
    handle: async (actor, { params }, _request, reply) => {
      const { data, fileName } = await subjectExportJson(app.db, actor, params.id);
      reply.header('content-disposition', `attachment; filename="${fileName}"`);
      return data;
    },
  });

  route.get('/people/:id/export.pdf', {
    permission: 'personal.read',
    summary:
      'Everything held about the person, as a PDF in Italian (GDPR art. 15), by the rule of export.json; audited as a read and an export',
    params: z.strictObject({ id }),
    produces: ['application/pdf'],
    response: fileBody,
    handle: async (actor, { params }, _request, reply) => {
      const { pdf, fileName } = await subjectExportPdfFor(app.db, actor, params.id);
      return sendDownload(reply, fileName, 'application/pdf', pdf);
    },
  });
});
