/** Vietnamese text folding and ASCII URL slugs. */

/** Removes tones and marks and turns đ/Đ (and Đ's look-alike Ð) into d/D: "Đoàn viên" → "Doan vien". */
export function foldVietnamese(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/[ĐÐ]/g, 'D')
    .normalize('NFC');
}

// Tags are slugged on every page that lists them: the same few hundred strings, thousands of times.
const slugs = new Map<string, string>();

/** An ASCII slug for URLs: "Hiến máu tình nguyện 2024" → "hien-mau-tinh-nguyen-2024". */
export function slugify(text: string): string {
  let slug = slugs.get(text);
  if (slug === undefined) {
    slug = foldVietnamese(text)
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '');
    if (slugs.size < 100_000) slugs.set(text, slug);
  }
  return slug;
}

const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export function isSlug(text: string): boolean {
  return SLUG_PATTERN.test(text);
}

/**
 * Ids for the headings of one body, in order: the ASCII slug of each one's text ("Kết quả" → "ket-qua"), so that a
 * link to a section reads as the page's address does; "ket-qua-2" for the second of the same text.
 */
export function headingIds(): (text: string) => string {
  const taken = new Set<string>();
  return (text) => {
    const id = uniqueSlug(slugify(text) || 'muc', taken);
    taken.add(id);
    return id;
  };
}

/** The first slug not in `taken`: "tieu-de", then "tieu-de-2", "tieu-de-3"… */
export function uniqueSlug(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base}-${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}
