/** A route's file answers: the headers of a download and the schema that documents its body, said once here. */
import { Readable } from 'node:stream';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { todayInRome } from '../../domain/dates.js';

/** A file answer's schema: the bytes are sent as they are, the string documents the body for OpenAPI. */
export const fileBody = z.string().meta({ format: 'binary' });

/** Answers a CSV download streamed line by line, named `<name>-<today in Rome>.csv`. */
export function sendCsv(reply: FastifyReply, name: string, lines: AsyncIterable<string>) {
  return sendDownload(reply, `${name}-${todayInRome()}.csv`, 'text/csv; charset=utf-8', Readable.from(lines));
}

/** Answers a file download named `fileName` (ASCII: letters, digits, hyphens and dots), a stream piped as it is written. */
export function sendDownload(reply: FastifyReply, fileName: string, type: string, body: Readable | Buffer | string) {
  return reply.type(type).header('content-disposition', `attachment; filename="${fileName}"`).send(body);
}
