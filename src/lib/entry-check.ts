/**
 * The checks of one article that need nothing but its fields and body: its schema, its body's syntax and safety, and
 * the editorial notes. `npm run check:content` runs them on every file (with the checks of files on disk), and the
 * web editor on the article being written, before it is saved, with the same messages.
 */
import { z } from 'astro/zod';
import { portalText } from './text-form';
import { bodySyntax } from './body-syntax';
import { formatDay, parsePortalDate } from './dates';
import { findOldFont, oldFontMessage } from './encoding';
import { parseBody } from './safe-mdx';
import { articleSchemas, DATE_HINT, type KnownSlugs } from './schema';
import { KIND_PATHS, urls, type ItemKind } from './urls';

export const LIMITS = {
  titleLength: 150,
  descriptionLength: 300,
  /** Larger photos slow every build and every reader's phone. */
  imageWarnBytes: 1024 * 1024,
  imageMaxBytes: 5 * 1024 * 1024,
  /** Readers open attachments on phones' data; a larger one is usually a scan that a PDF export would shrink. */
  attachmentWarnBytes: 5 * 1024 * 1024,
};

/** What an editor should write in a field, by its name. */
export const FIELD_HINTS: Readonly<Record<string, string>> = {
  title: 'Tiêu đề là bắt buộc, ví dụ: title: Đoàn viên tham gia hiến máu tình nguyện',
  description: 'Phần tóm tắt (sapo) là bắt buộc: 1–2 câu nêu ý chính của bài',
  pubDate: 'Ngày đăng phải có dạng YYYY-MM-DD, ví dụ 2024-04-14 (hoặc 2024-04-14T08:30:00+07:00 nếu có giờ)',
  updatedDate: `Ngày cập nhật phải có ${DATE_HINT}`,
  expiryDate: `Ngày hết hạn phải có ${DATE_HINT}`,
  start: 'Thời gian bắt đầu, ví dụ 2026-12-20T07:30:00+07:00',
  end: 'Thời gian kết thúc, sau thời gian bắt đầu, ví dụ 2026-12-20T11:00:00+07:00',
  category: 'Dùng tên tệp (bỏ .yaml) trong thư mục content/categories/, ví dụ: category: tin-tuc-su-kien',
  unit: 'Dùng tên tệp (bỏ .yaml) trong thư mục content/units/, ví dụ: unit: doan-khoi',
  parent: 'Dùng tên tệp (bỏ .yaml) của đơn vị cấp trên trong content/units/',
  cover: 'Đặt ảnh cạnh tệp bài viết và ghi: cover: ./anh-bia.jpg',
  coverAlt: 'Mô tả ngắn nội dung ảnh cho người dùng trình đọc màn hình, ví dụ: coverAlt: Đoàn viên hiến máu tại Nhà văn hóa tỉnh',
  gallery: 'Mỗi ảnh: - { src: ./anh-1.jpg, alt: Mô tả ảnh, caption: Chú thích }',
  attachments: 'Đặt tệp cạnh bài viết; mỗi tệp: - { file: ./ke-hoach.pdf, title: Kế hoạch số 12-KH/ĐTN }',
  period: 'Ví dụ: period: { from: 2017, to: 2019 } (một năm: from và to bằng nhau)',
  metrics: 'Ví dụ: - { label: Lượt hiến máu, value: 152, unit: lượt } (value là số, không có dấu chấm)',
  location: 'Địa điểm là bắt buộc với sự kiện, ví dụ: location: Nhà văn hóa tỉnh',
  mapUrl: 'Liên kết chia sẻ vị trí từ Google Maps ("Chia sẻ" → "Sao chép đường liên kết") hoặc OpenStreetMap, bắt đầu bằng https://',
  registrationUrl: 'Địa chỉ đầy đủ của trang đăng ký (ví dụ biểu mẫu Google Forms), bắt đầu bằng https://',
  registrationDeadline: 'Hạn đăng ký, trước khi sự kiện kết thúc, ví dụ 2026-12-15 (hết ngày đó) hoặc 2026-12-15T17:00:00+07:00',
  tags: 'Ví dụ: tags: [hiến máu, tình nguyện]',
  website: 'Địa chỉ đầy đủ, bắt đầu bằng https://',
  name: 'Tên hiển thị là bắt buộc',
};

export interface EntryProblem {
  severity: 'error' | 'warning';
  /** `gallery[1].alt` */
  field?: string;
  /** For a body's problem: its line in the body, from 1. */
  line?: number;
  message: string;
  hint?: string;
}

/** A schema's complaints, each with its field (`gallery[1].alt`), the top-level key it is under, and a hint. */
export function schemaIssues(result: z.ZodSafeParseResult<unknown>): (EntryProblem & { key?: string })[] {
  if (result.success) return [];
  return result.error.issues.map((issue) => {
    const key = issue.path[0] === undefined ? undefined : String(issue.path[0]);
    const field = issue.path.map((part) => (typeof part === 'number' ? `[${part}]` : String(part))).join('.').replace(/\.\[/g, '[');
    return { severity: 'error' as const, key, field: field || undefined, message: issue.message, hint: key ? FIELD_HINTS[key] : undefined };
  });
}

/** What an editor should know of an article's fields that is not an error: long texts, an event heading the lists. */
export function editorialNotes(data: Record<string, unknown>, kind: ItemKind, now: Date): { field: string; message: string; hint: string }[] {
  const notes: { field: string; message: string; hint: string }[] = [];
  if (typeof data.title === 'string' && data.title.length > LIMITS.titleLength) {
    notes.push({
      field: 'title', message: `tiêu đề dài ${data.title.length} ký tự (nên dưới ${LIMITS.titleLength})`,
      hint: 'Tiêu đề ngắn gọn dễ đọc trên điện thoại và trong kết quả tìm kiếm',
    });
  }
  if (typeof data.description === 'string' && data.description.length > LIMITS.descriptionLength) {
    notes.push({
      field: 'description', message: `phần tóm tắt dài ${data.description.length} ký tự (nên dưới ${LIMITS.descriptionLength})`,
      hint: 'Tóm tắt 1–2 câu; phần còn lại đưa vào thân bài',
    });
  }
  const start = kind === 'event' && data.pubDate === undefined && typeof data.start === 'string' ? parsePortalDate(data.start) : undefined;
  if (start && start.date > now) {
    notes.push({
      field: 'start',
      message: `sự kiện chưa diễn ra, không có pubDate, được xếp theo ngày bắt đầu (${formatDay(start.date)}): đến ngày đó nó đứng trên mọi tin mới ở đầu danh sách tin và RSS`,
      hint: 'Ghi pubDate là ngày đăng thông báo (ví dụ hôm nay)',
    });
  }
  return notes;
}

/** A title as two items are compared by: "Đoàn viên hiến máu" and "đoàn viên hiến máu " are one. */
export function titleKey(title: string): string {
  return portalText(title).trim().toLowerCase();
}

/** The published pages the web editor checks an article against (`/admin/bai-da-dang.json`). */
export interface PublishedPages {
  /** Pages an article may link to: "/tin-tuc/x/". */
  addresses: string[];
  /** Each title (`titleKey`) and the address of the newest item that has it. */
  titles: Record<string, string>;
}

/** Links to this portal's own pages written in a body: `](/tin-tuc/x/)` or `href="/tin-tuc/x/"`, with their lines. */
export function internalLinks(body: string, startLine = 1): { url: string; line: number }[] {
  const links: { url: string; line: number }[] = [];
  body.split('\n').forEach((text, i) => {
    for (const match of text.matchAll(/(?:\]\(|href=["'])(\/[^)"'\s#?]*)/g)) links.push({ url: match[1], line: startLine + i });
  });
  return links;
}

/** The addresses a body may link to: each item's (at its old slugs too), each category's and each unit's. */
export function linkableAddresses(
  items: Iterable<{ kind: ItemKind; id: string; previousSlugs: readonly string[] }>, categories: Iterable<string>, units: Iterable<string>,
): Set<string> {
  return new Set([
    ...[...items].flatMap(({ kind, id, previousSlugs }) => [id, ...previousSlugs].map((slug) => urls.item(kind, slug))),
    ...[...categories].map(urls.category),
    ...[...units].map(urls.unit),
  ]);
}

/** The pages whose addresses a link is checked against: an item's, a category's or a unit's (/tin-tuc/, /chuyen-muc/…). */
const CHECKED_PREFIXES = [...Object.values(KIND_PATHS).map((kind) => `/${kind}/`), urls.category(''), urls.unit('')].map((prefix) => prefix.replace(/\/+$/, '/'));

/** The links among these to one of those pages that `known` (addresses, "/tin-tuc/x/") does not hold. */
export function linkIssues(links: readonly { url: string; line: number }[], known: ReadonlySet<string>): Required<Omit<EntryProblem, 'field'>>[] {
  return links.flatMap((link) => {
    const url = link.url.endsWith('/') ? link.url : `${link.url}/`;
    const checked = CHECKED_PREFIXES.some((prefix) => url.startsWith(prefix)) && url.split('/').filter(Boolean).length === 2;
    if (!checked || known.has(url)) return [];
    return [{
      severity: 'error' as const, line: link.line, message: `liên kết ${link.url} trỏ tới trang không tồn tại`,
      hint: 'Kiểm tra tên tệp của bài được liên kết (đường dẫn là /tin-tuc/<tên-tệp>/)',
    }];
  });
}

/** The article collections and the kind of item each holds. */
export const ARTICLE_KINDS = { news: 'news', reports: 'report', events: 'event' } as const satisfies Record<string, ItemKind>;
export type ArticleCollection = keyof typeof ARTICLE_KINDS;

/**
 * The problems of an article as the editor has written it: errors (which stop the build) first, then warnings.
 * Photos and attachments are taken as named: whether their files exist is the disk's checks.
 */
export function entryProblems(collection: ArticleCollection, data: Record<string, unknown>, body: string, known: KnownSlugs, now: Date): EntryProblem[] {
  const schema = articleSchemas(() => z.string(), known)[collection];
  const errors: EntryProblem[] = schemaIssues(schema.safeParse(data)).map(({ key: _key, ...problem }) => problem);
  for (const { line, message } of parseBody(body, bodySyntax(body, 'index.mdx')).problems) errors.push({ severity: 'error', line, message });
  // Text pasted from a document in the old fonts (the loader checks the whole file the editor saves).
  for (const [field, value] of Object.entries(data)) {
    const oldFont = typeof value === 'string' ? findOldFont(value) : undefined;
    if (oldFont) errors.push({ severity: 'error', field, message: oldFontMessage(oldFont) });
  }
  const bodyFont = findOldFont(body);
  if (bodyFont) errors.push({ severity: 'error', line: bodyFont.line, message: oldFontMessage(bodyFont) });
  const warnings = editorialNotes(data, ARTICLE_KINDS[collection], now).map((note): EntryProblem => ({ severity: 'warning', ...note }));
  return [...errors, ...warnings];
}
