/**
 * Addresses an item had on the portal the publication left (`previousUrls`, which `npm run import` writes): when the
 * portal takes over that portal's web address, a reader who follows an old link ("/Pages/tong-ket.aspx?ItemID=12",
 * shared or printed years ago) lands on the not-found page, which looks the address up in the table
 * (`/dia-chi-cu/<n>.json`, one file of several for an archive of thousands) and sends the reader on. A static host cannot answer such addresses itself: they carry a query, or a file type
 * (.aspx, .php) it would not serve as a page.
 */

/** The part of an old address the not-found page sees, as it reads it: path and query, in lower case (old portals' servers ignore case). */
export function oldAddressKey(address: string): string | undefined {
  const value = address.trim();
  if (!/^(https?:\/\/[^/\s]+)?\/\S*$/i.test(value)) return undefined;
  try {
    const url = new URL(value, 'https://cong-cu.invalid');
    const key = `${url.pathname}${url.search}`.toLowerCase();
    return key === '/' ? undefined : key;
  } catch {
    return undefined;
  }
}

export const OLD_ADDRESS_HINT = 'địa chỉ đầy đủ (https://…) hoặc đường dẫn bắt đầu bằng /, ví dụ /Pages/tong-ket.aspx?ItemID=12';

/** What keeps old addresses from leading to one item each: two items claiming one. */
export function oldAddressProblems(files: readonly { file: string; previousUrls: readonly string[] }[]): { file: string; message: string }[] {
  const claimed = new Map<string, string>();
  const problems: { file: string; message: string }[] = [];
  for (const { file, previousUrls } of files) {
    for (const address of previousUrls) {
      const key = oldAddressKey(address);
      if (key === undefined) continue;
      const other = claimed.get(key);
      if (other !== undefined && other !== file) {
        problems.push({ file, message: `"${address}" cũng là địa chỉ cũ của ${other}; một địa chỉ chỉ dẫn được đến một bài` });
      } else {
        claimed.set(key, file);
      }
    }
  }
  return problems;
}

/** The not-found page's table: each old address's key and the item's address now, in a stable order. */
export function oldAddressTable(items: readonly { url: string; previousUrls: readonly string[] }[]): Record<string, string> {
  const entries = items.flatMap(({ url, previousUrls }) => previousUrls.flatMap((address) => {
    const key = oldAddressKey(address);
    return key === undefined ? [] : [[key, url] as const];
  }));
  return Object.fromEntries(entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** Old addresses a file of the table holds, about: a not-found page loads one file of a few kB, whatever the archive. */
export const TABLE_FILE_ENTRIES = 400;

/** Which of `files` files holds a key: FNV-1a of its characters, computed alike by the build and the reader's browser. */
export function tableFileOf(key: string, files: number): number {
  let hash = 0x811c9dc5;
  for (let at = 0; at < key.length; at++) hash = Math.imul(hash ^ key.charCodeAt(at), 0x01000193) >>> 0;
  return hash % files;
}

/** The table in files of about `TABLE_FILE_ENTRIES` entries each; none without old addresses. */
export function tableFiles(table: Readonly<Record<string, string>>): Record<string, string>[] {
  const keys = Object.keys(table);
  const files = Array.from({ length: Math.ceil(keys.length / TABLE_FILE_ENTRIES) }, (): Record<string, string> => ({}));
  for (const key of keys) files[tableFileOf(key, files.length)][key] = table[key];
  return files;
}
