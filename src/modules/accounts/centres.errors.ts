/**
 * The errors of a centre's logo: what is sent must be a PNG or a JPEG (read from its bytes,
 * never from its name or media type: an SVG may carry scripts), whose size can be read, at most
 * LOGO_MAX_PIXELS a side. Too many bytes is imports' request.too_large (413, with the limit).
 */
import { LOGO_MAX_PIXELS } from '../../contracts/centres.js';
import { createErrorFactory, fixedError } from '../../errors/index.js';

export { fileTooLarge as logoTooLarge } from '../imports/imports.errors.js';

/** The image was not sent as its raw bytes (JSON, a form). */
export const logoNotRaw = fixedError(
  'request.unsupported_media_type',
  415,
  'Send the image as the raw body (image/png, image/jpeg or application/octet-stream)',
);

export const logoUnsupportedType = fixedError('logo.unsupported_type', 422, 'The file is not a PNG or JPEG image');

export const logoUnreadable = fixedError('logo.unreadable', 422, 'The image is damaged: its width and height cannot be read');

export const logoTooManyPixels = createErrorFactory<{ width: number; height: number }>({
  code: 'logo.too_many_pixels',
  status: 422,
  message: ({ width, height }) => `The image is ${width} × ${height} pixels; at most ${LOGO_MAX_PIXELS} a side are accepted`,
  extra: ({ width, height }) => ({ width, height, limit: LOGO_MAX_PIXELS }),
});
