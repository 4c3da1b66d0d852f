import { extensionOf, judgeFile, sniffType } from './attachment-types.rules.js';

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]);
const zip = (...entries: string[]) =>
  Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from(entries.join('\0'), 'latin1')]);

describe('attachment types', () => {
  it.each([
    [Buffer.from('%PDF-1.7\n'), 'pdf'],
    [PNG, 'png'],
    [JPEG, 'jpeg'],
    [Buffer.from('GIF89a....'), 'gif'],
    [Buffer.from('RIFF\x10\0\0\0WEBPVP8 '), 'webp'],
    [zip('[Content_Types].xml', 'word/document.xml'), 'docx'],
    [zip('[Content_Types].xml', 'xl/workbook.xml'), 'xlsx'],
    [zip('a.txt'), null],
    [Buffer.from('会议纪要\n第二行\r\n'), 'text'],
    [Buffer.from([0x00, 0x01, 0x02]), null],
    [Buffer.from([0xc3, 0x28]), null],
    [Buffer.alloc(0), null],
    [Buffer.from('MZ\x90\0'), null],
  ])('should sniff %j as %s', (bytes, expected) => {
    expect(sniffType(bytes)).toBe(expected);
  });

  it.each([
    ['照片.PNG', '.png'],
    ['a.tar.gz', '.gz'],
    ['.hidden', ''],
    ['noext', ''],
    ['dir/x.pdf', '.pdf'],
  ])('should take the extension of %s as %j', (name, extension) => {
    expect(extensionOf(name)).toBe(extension);
  });

  it('should accept content whose name agrees', () => {
    expect(judgeFile(PNG, '签到表.png')).toEqual({ ok: true, type: 'png', mediaType: 'image/png' });
    expect(judgeFile(JPEG, 'a.JPEG')).toMatchObject({ ok: true, mediaType: 'image/jpeg' });
  });

  it('should refuse text named .png and a png named .pdf', () => {
    expect(judgeFile(Buffer.from('not an image'), 'x.png')).toMatchObject({ ok: false });
    const verdict = judgeFile(PNG, 'x.pdf');
    expect(verdict.ok).toBe(false);
    expect(!verdict.ok && verdict.problem).toContain('PNG 图片');
  });

  it('should refuse an executable whatever its name', () => {
    expect(judgeFile(Buffer.from('MZ\x90\0\x03'), 'report.pdf')).toMatchObject({ ok: false });
  });
});
