/** A route's file answers: a download streamed as it is written, its name said once here. */
import { Readable } from 'node:stream';
import type { FastifyReply } from 'fastify';
import { todayInRome } from '../../domain/dates.js';

/** Answers a CSV download streamed line by line, named `<name>-<today in Rome>.csv`. */
export function sendCsv(reply: FastifyReply, name: string, lines: AsyncIterable<string>) {
  return sendDownload(reply, `${name}-${todayInRome()}.csv`, 'text/csv; charset=utf-8', Readable.from(lines));
}

/** Answers a file download streamed as it is written, named `fileName`. */
export function sendDownload(reply: FastifyReply, fileName: string, type: string, body: Readable) {
  return reply.type(type).header('content-disposition', `attachment; filename="${fileName}"`).send(body);
}
