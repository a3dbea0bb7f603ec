/**
 * What an uploaded image is, read from its bytes and never from its name or the type its sender
 * claims: a PNG (its 8-byte signature, then the IHDR chunk with the width and height) or a JPEG
 * (FF D8 FF, then the segments up to the first start-of-frame, which holds the height and the
 * width). Anything else (an SVG, which may carry scripts, a PDF, a text renamed .png) is not an
 * image here. A PNG or JPEG whose dimensions cannot be read is unreadable.
 */

export type ImageType = 'image/png' | 'image/jpeg';

export type ImageReading =
  | { ok: true; mediaType: ImageType; width: number; height: number }
  | { ok: false; problem: 'unsupported_type' | 'unreadable' };

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

const startsWith = (bytes: Uint8Array, prefix: readonly number[]) => prefix.every((byte, i) => bytes[i] === byte);

/** The image's type and dimensions, or why it is not an image the app takes. */
export function readImage(bytes: Uint8Array): ImageReading {
  if (startsWith(bytes, PNG_SIGNATURE)) return sized('image/png', pngSize(bytes));
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return sized('image/jpeg', jpegSize(bytes));
  return { ok: false, problem: 'unsupported_type' };
}

function sized(mediaType: ImageType, size: { width: number; height: number } | null): ImageReading {
  if (!size || size.width < 1 || size.height < 1) return { ok: false, problem: 'unreadable' };
  return { ok: true, mediaType, ...size };
}

const uint16 = (bytes: Uint8Array, at: number) => ((bytes[at] ?? 0) << 8) | (bytes[at + 1] ?? 0);
const uint32 = (bytes: Uint8Array, at: number) => uint16(bytes, at) * 0x10000 + uint16(bytes, at + 2);

/** The IHDR chunk comes first: length 13, "IHDR", width, height (big-endian). */
function pngSize(bytes: Uint8Array) {
  if (bytes.length < 24 || uint32(bytes, 8) !== 13 || String.fromCharCode(...bytes.subarray(12, 16)) !== 'IHDR') return null;
  return { width: uint32(bytes, 16), height: uint32(bytes, 20) };
}

/** The start-of-frame markers (C0–CF but C4, huffman tables; C8, reserved; CC, arithmetic coding). */
const isStartOfFrame = (marker: number) => marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;

/** Walks the segments (FF, marker, 2-byte length including itself) to the first start of frame. */
function jpegSize(bytes: Uint8Array) {
  let at = 2;
  while (at + 4 <= bytes.length) {
    if (bytes[at] !== 0xff) return null;
    const marker = bytes[at + 1] ?? 0;
    // Fill bytes, and the markers without a length (TEM, RSTn).
    if (marker === 0xff || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      at += marker === 0xff ? 1 : 2;
      continue;
    }
    // The image data starts, or ends, before any frame: nothing says its size.
    if (marker === 0xda || marker === 0xd9) return null;
    const length = uint16(bytes, at + 2);
    if (length < 2) return null;
    if (isStartOfFrame(marker)) {
      // length, precision (1 byte), height, width
      if (at + 9 > bytes.length) return null;
      return { height: uint16(bytes, at + 5), width: uint16(bytes, at + 7) };
    }
    at += 2 + length;
  }
  return null;
}
