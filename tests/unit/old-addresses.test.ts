import { describe, expect, it } from 'vitest';
import { oldAddressKey, oldAddressProblems, oldAddressTable, TABLE_FILE_ENTRIES, tableFileOf, tableFiles } from '../../src/lib/old-addresses';

describe('oldAddressKey', () => {
  it('reads the path and query the not-found page sees, in lower case, from a full address or a path', () => {
    expect(oldAddressKey('https://congthongtin.example.gov.vn/Pages/Tong-Ket.aspx?ItemID=12')).toBe('/pages/tong-ket.aspx?itemid=12');
    expect(oldAddressKey('/Pages/tong-ket.aspx')).toBe('/pages/tong-ket.aspx');
    expect(oldAddressKey('  /tin-tuc/2019/bai-viet.html  ')).toBe('/tin-tuc/2019/bai-viet.html');
    // As browsers give it: letters with tones percent-encoded.
    expect(oldAddressKey('/tin-tức/hiến-máu')).toBe('/tin-t%e1%bb%a9c/hi%e1%ba%bfn-m%c3%a1u');
    expect(oldAddressKey('https://x.example/a#muc-2')).toBe('/a');
  });

  it('refuses what is not an address of a page', () => {
    for (const bad of ['Pages/tong-ket.aspx', 'tong-ket', '/', 'https://x.example/', 'https://x.example', 'javascript:alert(1)', 'ftp://x.example/a', '/a b', '']) {
      expect(oldAddressKey(bad), bad).toBeUndefined();
    }
  });
});

describe('oldAddressProblems', () => {
  it('names an old address two items claim, however it is written', () => {
    expect(
      oldAddressProblems([
        { file: 'a.mdx', previousUrls: ['https://cu.example/Pages/A.aspx?ID=1', '/b'] },
        { file: 'b.mdx', previousUrls: ['/pages/a.aspx?id=1'] },
        { file: 'c.mdx', previousUrls: ['/c', '/c'] },
      ]),
    ).toEqual([{ file: 'b.mdx', message: '"/pages/a.aspx?id=1" cũng là địa chỉ cũ của a.mdx; một địa chỉ chỉ dẫn được đến một bài' }]);
  });
});

describe('oldAddressTable', () => {
  it("gives each old address's key the item's address now, in a stable order", () => {
    expect(
      oldAddressTable([
        { url: '/tin-tuc/b/', previousUrls: ['/Pages/B.aspx'] },
        { url: '/tin-tuc/a/', previousUrls: ['https://cu.example/Pages/A.aspx?ItemID=5', 'khong-hop-le'] },
      ]),
    ).toEqual({ '/pages/a.aspx?itemid=5': '/tin-tuc/a/', '/pages/b.aspx': '/tin-tuc/b/' });
    expect(Object.keys(oldAddressTable([{ url: '/x/', previousUrls: ['/z', '/a'] }]))).toEqual(['/a', '/z']);
  });
});

describe('tableFiles', () => {
  it('splits the table into files of about TABLE_FILE_ENTRIES, each key in the file tableFileOf names', () => {
    expect(tableFiles({})).toEqual([]);
    expect(tableFiles({ '/a': '/tin-tuc/a/' })).toEqual([{ '/a': '/tin-tuc/a/' }]);
    const table = Object.fromEntries(Array.from({ length: 3 * TABLE_FILE_ENTRIES + 1 }, (_, n) => [`/pages/tin.aspx?itemid=${n}`, `/tin-tuc/bai-${n}/`]));
    const files = tableFiles(table);
    expect(files).toHaveLength(4);
    for (const [at, file] of files.entries()) {
      for (const key of Object.keys(file)) expect(tableFileOf(key, files.length)).toBe(at);
      // Spread about evenly: no file holds twice its share.
      expect(Object.keys(file).length).toBeGreaterThan(TABLE_FILE_ENTRIES / 2);
      expect(Object.keys(file).length).toBeLessThan(TABLE_FILE_ENTRIES * 2);
    }
    expect(Object.assign({}, ...files)).toEqual(table);
  });

  it('is FNV-1a, so that a file holds the same keys from one build to the next', () => {
    // FNV-1a of "a" is 0xe40c292c.
    expect(tableFileOf('a', 2 ** 32)).toBe(0xe40c292c);
    expect(tableFileOf('a', 1)).toBe(0);
  });
});
