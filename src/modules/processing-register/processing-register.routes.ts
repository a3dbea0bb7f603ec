import {
  processingRegisterSchema,
  registerSectionParams,
  registerTextInput,
  registerTextSchema,
} from '../../contracts/processing-register.js';
import { processingRegisterPdf } from '../../exports/processing-register/pdf.js';
import { fileBody, sendDownload } from '../http/download.js';
import { routesOf } from '../http/route.js';
import { processingRegister, saveRegisterText } from './processing-register.usecases.js';

/** The register of processing (GDPR art. 30): generated from the configuration, completed by the DPO's texts. */
export const processingRegisterRoutes = routesOf(['privacy'], (route, app) => {
  route.get('/processing-register', {
    permission: 'processing_register.read',
    summary:
      "The organisation's register of processing (art. 30): each section generated now from what Approdo holds and how it is configured (in Italian and English), with the DPO's text",
    response: processingRegisterSchema,
    handle: (actor) => processingRegister(app.db, actor, app),
  });

  route.put('/processing-register/texts/:section', {
    permission: 'processing_register.write',
    summary: "Write a section's DPO text at the version read (0 for the first text); an empty text clears it",
    params: registerSectionParams,
    body: registerTextInput,
    response: registerTextSchema,
    handle: (actor, { params, body }) => saveRegisterText(app.db, actor, params.section, body),
  });

  route.get('/processing-register.pdf', {
    permission: 'processing_register.read',
    summary: 'The register of processing as a printable PDF in Italian',
    produces: ['application/pdf'],
    response: fileBody,
    handle: async (actor, _input, _request, reply) => {
      const pdf = await processingRegisterPdf(await processingRegister(app.db, actor, app));
      return sendDownload(reply, 'registro-trattamenti.pdf', 'application/pdf', pdf);
    },
  });
});
