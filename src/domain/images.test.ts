import { describe, expect, it } from 'vitest';
import { jpegImage, pngImage } from '../../test/support/images.js';
import { readImage } from './images.js';

describe('readImage: the type and size from the bytes', () => {
  it('reads a PNG and a JPEG with their dimensions', () => {
    expect(readImage(pngImage(120, 45))).toEqual({ ok: true, mediaType: 'image/png', width: 120, height: 45 });
    expect(readImage(jpegImage(300, 17))).toEqual({ ok: true, mediaType: 'image/jpeg', width: 300, height: 17 });
  });

  it('finds the JPEG frame after other segments (EXIF, a comment) and fill bytes', () => {
    const jpeg = jpegImage(64, 32);
    const comment = Buffer.from([0xff, 0xfe, 0x00, 0x07, ...Buffer.from('hello'), 0xff]);
    const withComment = Buffer.concat([jpeg.subarray(0, 2), comment, jpeg.subarray(2)]);
    expect(readImage(withComment)).toMatchObject({ ok: true, width: 64, height: 32 });
  });

  it('refuses what is not a PNG or a JPEG, whatever its name: an SVG, a PDF, text, a GIF, nothing', () => {
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
    for (const bytes of [svg, Buffer.from('%PDF-1.7\n'), Buffer.from('ciao, non sono un PNG'), Buffer.from('GIF89a'), Buffer.alloc(0)]) {
      expect(readImage(bytes)).toEqual({ ok: false, problem: 'unsupported_type' });
    }
  });

  it('calls unreadable a PNG or JPEG whose size cannot be read: cut short, no frame, a zero side', () => {
    expect(readImage(pngImage(10, 10).subarray(0, 20))).toEqual({ ok: false, problem: 'unreadable' });
    const jpeg = jpegImage(16, 16);
    expect(readImage(jpeg.subarray(0, 30))).toEqual({ ok: false, problem: 'unreadable' });
    expect(readImage(Buffer.from([0xff, 0xd8, 0xff, 0xd9]))).toEqual({ ok: false, problem: 'unreadable' });
    const flat = Buffer.from(pngImage(10, 10));
    flat.writeUInt32BE(0, 16);
    expect(readImage(flat)).toEqual({ ok: false, problem: 'unreadable' });
  });
});
