/**
 * An article page of the portal a publication leaves (a SharePoint e-portal, another CMS) read into the portal's
 * fields: title, date, lead, author or source, the body as Markdown, its photos and attached documents.
 * `npm run import` (scripts/import.ts) fetches the files and writes the item. Readability (Firefox's reader view)
 * finds the article among the page's menus and sidebars; the rest is how Vietnamese portals lay out an article:
 * a bold lead, bold lines as section titles, captions in italics under photos, the author's name last.
 */
import { Readability } from '@mozilla/readability';
import { fromHtml } from 'hast-util-from-html';
import { toMdast } from 'hast-util-to-mdast';
import { parseHTML } from 'linkedom';
import { gfmStrikethroughToMarkdown } from 'mdast-util-gfm-strikethrough';
import { gfmTableToMarkdown } from 'mdast-util-gfm-table';
import { mdxToMarkdown } from 'mdast-util-mdx';
import { toMarkdown } from 'mdast-util-to-markdown';
import { portalText } from './text-form';
import { attachmentExtension } from './attachments';
import { parsePortalDate, toIsoVietnam } from './dates';

export interface ImportedPhoto {
  url: string;
  alt: string;
  caption?: string;
}

export interface ImportedFile {
  url: string;
  title: string;
}

export interface ImportedPage {
  title: string;
  /** `YYYY-MM-DD`, or an ISO date-time in Viet Nam's offset when the page gives the time; none when it gives no date. */
  pubDate?: string;
  description?: string;
  author?: string;
  source?: string;
  /** Markdown for an `.mdx` file (CommonMark, GFM tables), without the photos, which become the cover and the gallery. */
  body: string;
  photos: ImportedPhoto[];
  /** Documents the body linked to (PDF, Word…): they become attachments, the links their text. */
  files: ImportedFile[];
  /** The page's own address (`<link rel="canonical">`, `og:url`), when it gives one. */
  canonical?: string;
  /** What the importer left out or guessed, for the editor to look at. */
  notes: string[];
}

export class ImportError extends Error {}

const clean = (text: string | null | undefined) => portalText(text ?? '').replace(/\s+/g, ' ').trim();

/**
 * A day and maybe a time written the Vietnamese way: "20/12/2024", "Thứ Sáu, 20/12/2024 - 15:45", "15:45 20/12/2024",
 * "20-12-2024 15g45", "ngày 20 tháng 12 năm 2024", SharePoint's "20/12/2024 3:45 CH" (chiều: afternoon; SA: sáng);
 * undefined when there is none or it is not a real day.
 */
export function dateInText(written: string): string | undefined {
  const text = portalText(written);
  const day = /(?<!\d)(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?!\d)/.exec(text) ?? /ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})/i.exec(text);
  if (!day) return undefined;
  const pad = (part: string | number) => String(part).padStart(2, '0');
  const iso = `${day[3]}-${pad(day[2])}-${pad(day[1])}`;
  if (!parsePortalDate(iso)) return undefined;
  const near = `${text.slice(Math.max(0, day.index - 12), day.index)} ${text.slice(day.index + day[0].length, day.index + day[0].length + 16)}`;
  const time = /(?<!\d)([01]?\d|2[0-3])\s*[:hg]\s*([0-5]\d)(?!\d)(?:\s*(SA|CH|AM|PM)\b)?/i.exec(near);
  if (!time) return iso;
  let hour = Number(time[1]);
  const half = time[3]?.toUpperCase();
  if ((half === 'CH' || half === 'PM') && hour < 12) hour += 12;
  if ((half === 'SA' || half === 'AM') && hour === 12) hour = 0;
  return `${iso}T${pad(hour)}:${time[2]}:00+07:00`;
}

/** A machine-readable date (`article:published_time`, `<time datetime>`) as the portal writes dates. */
function isoDate(value: string | null | undefined): string | undefined {
  const parsed = value ? parsePortalDate(value.trim().replace(/(\.\d{3})\d+/, '$1').replace(/([+-]\d{2})(\d{2})$/, '$1:$2')) : undefined;
  if (!parsed) return undefined;
  return parsed.hasTime ? toIsoVietnam(parsed.date) : value!.trim().slice(0, 10);
}

/** The years a report covers, from its title: "nhiệm kỳ 2017 - 2019", "giai đoạn 2020–2022", "năm 2021". */
export function periodOfTitle(title: string): { from: number; to: number } | undefined {
  const range = /(?<!\d)((?:19|20)\d{2})\s*[-–—]\s*((?:19|20)\d{2})(?!\d)/.exec(title);
  if (range && Number(range[1]) <= Number(range[2])) return { from: Number(range[1]), to: Number(range[2]) };
  const year = /năm\s+((?:19|20)\d{2})(?!\d)/i.exec(title.normalize('NFC'));
  return year ? { from: Number(year[1]), to: Number(year[1]) } : undefined;
}

type Doc = Document;

function metaContent(document: Doc, ...selectors: string[]): string | undefined {
  for (const selector of selectors) {
    const element = document.querySelector(selector);
    const value = clean(element?.getAttribute('content') ?? element?.getAttribute('datetime') ?? element?.textContent);
    if (value) return value;
  }
  return undefined;
}

/** The page's date from its metadata, else from an element named for it ("news-date", "ngay-dang"…). */
function dateOfPage(document: Doc): string | undefined {
  const machine = metaContent(
    document,
    'meta[property="article:published_time"]',
    'meta[itemprop="datePublished"]',
    '[itemprop="datePublished"]',
    'meta[name="pubdate"]',
    'time[datetime]',
  );
  const fromMachine = isoDate(machine);
  if (fromMachine) return fromMachine;
  for (const element of document.querySelectorAll('[class*="date" i], [id*="date" i], [class*="ngay" i], [class*="time" i]')) {
    const found = dateInText(element.textContent ?? '');
    if (found && clean(element.textContent).length < 120) return found;
  }
  return undefined;
}

const BLOCKS = 'p, h1, h2, h3, h4, h5, h6, ul, ol, table, blockquote, figure, pre, img, iframe';

/**
 * The element of `document` that holds the article: Readability (run on a copy, which it changes) finds the article's
 * text, and its first and last blocks are looked up in the page itself, whose container of both is taken as it is
 * from the first (or the article's title above it) to the last.
 * Readability's own output is not used: to tidy the page, it drops short paragraphs with links, which a portal's
 * articles have ("theo Kế hoạch số 05-KH/CĐ…"), without a word.
 */
function articleOf(html: string, document: Doc): Element | undefined {
  const { document: copy } = parseHTML(html) as unknown as { document: Doc };
  const article = new Readability(copy, { serializer: (node) => node }).parse();
  const found = article?.content as Element | null | undefined;
  if (!found) return undefined;
  const leaves = 'p, div, h1, h2, h3, h4, h5, h6, li, td, figcaption';
  const texts = [...found.querySelectorAll(leaves)]
    .filter((element) => !element.querySelector(leaves))
    .map((element) => clean(element.textContent))
    .filter(Boolean);
  if (texts.length === 0) return undefined;
  const all = [...document.querySelectorAll('body *')];
  const holding = (text: string) => all.filter((element) => clean(element.textContent) === text);
  // In document order (linkedom's compareDocumentPosition misorders elements of different branches).
  const position = new Map(all.map((element, at) => [element, at]));
  const follows = (element: Element, other: Element) => (position.get(element) ?? -1) > (position.get(other) ?? -1);
  let last = holding(texts.at(-1)!).at(-1);
  if (!last) return found;
  // Photos after the last line of text ("Một số hình ảnh"), which Readability keeps, are the article's too.
  const sources = new Set([...found.querySelectorAll('img')].map((image) => image.getAttribute('src')));
  const lastPhoto = all.filter((element) => element.tagName === 'IMG' && sources.has(element.getAttribute('src'))).at(-1);
  if (lastPhoto && follows(lastPhoto, last)) last = lastPhoto;
  const end = last;
  // Readability leaves out the article's title: the text starts there when the page's heading is it.
  const readTitle = clean(article?.title);
  const heading = [...document.querySelectorAll('h1')].find((h1) => {
    const text = clean(h1.textContent);
    return text.length >= 10 && follows(end, h1) && (clean(document.title).includes(text) || (readTitle.length >= 10 && text.includes(readTitle)));
  });
  // Else its first line: of the places the page has it before the last, the one in the smallest container with the
  // last (a short first line may be in the menus too, "Tin tức - Sự kiện"); the last itself when the text is one block.
  const depth = (element: Element) => {
    let ancestor: Element | null = element;
    while (ancestor && !ancestor.contains(end)) ancestor = ancestor.parentElement;
    let levels = 0;
    for (; ancestor; ancestor = ancestor.parentElement) levels++;
    return levels;
  };
  const candidates = holding(texts[0]).filter((element) => follows(end, element));
  const deepest = Math.max(...candidates.map(depth));
  const first = heading ?? candidates.find((element) => depth(element) === deepest) ?? end;
  const around = new Set<Element>();
  for (let element: Element | null = first; element; element = element.parentElement) around.add(element);
  let common: Element | null = last;
  while (common && !around.has(common)) common = common.parentElement;
  // A text of one block is taken with its container, where the steps below look for blocks.
  if (common === first && common === last) common = common.parentElement;
  if (!common) return found;
  // What the container holds before the article's first block or after its last (share buttons, "Tin liên quan").
  for (let element: Element = first; element !== common; element = element.parentElement!) {
    while (element.previousSibling) element.previousSibling.remove();
  }
  for (let element: Element = last; element !== common; element = element.parentElement!) {
    while (element.nextSibling) element.nextSibling.remove();
  }
  return common;
}

/**
 * Paragraphs as the page meant them: a `div` of text (as rich text editors write lines) is a paragraph, and a blank
 * line made of two line breaks starts a new one.
 */
function paragraphsOf(document: Doc, root: Element): void {
  for (const div of [...root.querySelectorAll('div')].reverse()) {
    if (!div.querySelector(`${BLOCKS}, div`) && clean(div.textContent)) renameElement(document, div, 'p');
  }
  for (const paragraph of root.querySelectorAll('p')) {
    const parts: Node[][] = [[]];
    let breaks = 0;
    for (const node of [...paragraph.childNodes]) {
      const isBreak = node.nodeName === 'BR';
      if (!isBreak && !(node.nodeType === 3 && !clean(node.textContent))) {
        if (breaks >= 2) parts.push([]);
        breaks = 0;
      }
      if (isBreak) breaks++;
      parts.at(-1)!.push(node);
    }
    if (parts.length < 2) continue;
    paragraph.replaceWith(
      ...parts.map((nodes) => {
        const part = document.createElement('p');
        part.append(...nodes.filter((node, index) => node.nodeName !== 'BR' || nodes.slice(index).some((next) => next.nodeName !== 'BR' && clean(next.textContent))));
        return part;
      }),
    );
  }
}

/** The article's blocks in order, looking through the wrappers (`div`, `section`…) around them. */
function blocksOf(root: Element): Element[] {
  return [...root.querySelectorAll(BLOCKS)].filter((element) => !element.parentElement?.closest(BLOCKS));
}

/** Text that is all bold (or all italic): a portal's lead, section title, caption or signature. */
function allIn(block: Element, tags: string): boolean {
  const text = clean(block.textContent);
  if (!text) return false;
  const marked = [...block.querySelectorAll(tags)].filter((element) => !element.parentElement?.closest(tags));
  return clean(marked.map((element) => element.textContent).join(' ')).length >= text.length - 1;
}

const SUPERSCRIPTS: Record<string, string> = Object.fromEntries([...'0123456789+-()'].map((c, at) => [c, '⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁽⁾'[at]]));
const SUBSCRIPTS: Record<string, string> = Object.fromEntries([...'0123456789+-()'].map((c, at) => [c, '₀₁₂₃₄₅₆₇₈₉₊₋₍₎'[at]]));
const BOLD = 'strong, b';
const ITALIC = 'em, i';
const SIGNATURE = /^(tác giả|tin|bài|ảnh|tin[,\s]+ảnh|bài[,\s]+ảnh|tin và ảnh|bài và ảnh|nhóm phóng viên|pv)\s*:\s*/i;
const SOURCE = /^\(?\s*nguồn\s*:\s*/i;
const RIGHT_ALIGNED = '[style*="text-align:right" i], [style*="text-align: right" i], [align="right" i]';
const PHOTO_FILE = /\.(jpe?g|png|webp|gif|avif|tiff?)$/i;
const PHOTO_SECTION = /(hình ảnh|ảnh hoạt động|một số ảnh)/i;

function hasPhoto(block: Element): boolean {
  return block.matches('img, figure') || block.querySelector('img') !== null;
}

/** A photo's own description, unless it is only a file name or a placeholder. */
function usefulAlt(alt: string | null): string | undefined {
  const text = clean(alt);
  if (!text || /\.[a-z]{3,4}$/i.test(text) || /^(image|img|ảnh|hình|photo|picture)\s*\d*$/i.test(text)) return undefined;
  return text;
}

/** The web address a link or image points to, or undefined for what cannot leave the old portal (`javascript:`…). */
function resolve(reference: string | null, base: URL): URL | undefined {
  if (!reference || reference.startsWith('#')) return undefined;
  try {
    const url = new URL(reference.trim(), base);
    return ['http:', 'https:', 'file:', 'mailto:', 'tel:'].includes(url.protocol) ? url : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Reads an article page. `pageUrl` is where it came from (a `file:` URL for a saved page: its photos are beside
 * it); links are made absolute against the page's canonical address when it has one, so that a saved page's links
 * still point to the old portal.
 */
export function readPage(html: string, pageUrl: URL): ImportedPage {
  const { document } = parseHTML(html) as unknown as { document: Doc };
  const canonical = resolve(document.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? metaContent(document, 'meta[property="og:url"]') ?? null, pageUrl);
  const linkBase = pageUrl.protocol === 'file:' && canonical ? canonical : pageUrl;
  const notes: string[] = [];
  const pageTitle = clean(document.title);
  const metaTitle = metaContent(document, 'meta[property="og:title"]');
  const metaDescription = metaContent(document, 'meta[property="og:description"]', 'meta[name="description"]');
  let pubDate = dateOfPage(document);
  const root = articleOf(html, document);
  if (!root || clean(root.textContent).length < 80) throw new ImportError('không tìm thấy nội dung bài viết trong trang (trang danh sách, trang trống hoặc cần đăng nhập?)');
  for (const element of root.querySelectorAll('script, style, noscript, form, button, input, select, textarea, nav, aside')) element.remove();
  paragraphsOf(document, root);

  // The title and the date, when the portal prints them above the text rather than in its metadata: the longest of
  // the first lines that the page's <title> holds (or a heading). Shorter ones it holds are its section's name.
  const leading: { block: Element; text: string }[] = [];
  for (const block of blocksOf(root).slice(0, 4)) {
    const text = clean(block.textContent);
    if (!text || hasPhoto(block)) continue;
    if (text.length > 250) break;
    leading.push({ block, text });
  }
  const named = leading.filter(({ block, text }) => text.length >= 15 && (block.matches('h1, h2') || pageTitle.includes(text)));
  let title: string | undefined = metaTitle ?? named.sort((a, b) => b.text.length - a.text.length)[0]?.text;
  for (const { block, text } of leading) {
    if (text === title || (title && text.length < title.length && pageTitle.includes(text))) {
      block.remove();
    } else if (text.length < 80 && dateInText(text)) {
      pubDate ??= dateInText(text);
      block.remove();
    }
  }
  title ??= pageTitle.split(/\s+[|–-]\s+/).sort((a, b) => b.length - a.length)[0] || undefined;
  if (!title) throw new ImportError('trang không có tiêu đề bài viết');
  if (title.toLocaleUpperCase('vi') === title && /\p{Ll}/u.test(title.toLocaleLowerCase('vi'))) {
    notes.push('tiêu đề viết hoa toàn bộ: nên viết lại dạng câu thường, như các bài khác, để dễ đọc trong danh sách');
  }

  // A photo and its caption set in a small table, as many Vietnamese CMSs do: a figure.
  for (const table of root.querySelectorAll('table')) {
    const images = table.querySelectorAll('img');
    if (images.length !== 1 || clean(table.textContent).length > 250) continue;
    const figure = document.createElement('figure');
    const caption = document.createElement('figcaption');
    caption.append(clean(table.textContent));
    figure.append(images[0], caption);
    table.replaceWith(figure);
  }

  // Photos: each becomes a gallery photo, its caption the italic line under it (or the figure's caption).
  const photos: ImportedPhoto[] = [];
  for (const image of root.querySelectorAll('img')) {
    // A thumbnail that links to its photo: the photo itself.
    const large = resolve(image.closest('a')?.getAttribute('href') ?? null, linkBase);
    const src = image.getAttribute('data-src') ?? image.getAttribute('src');
    // A saved page keeps the photos it saved beside it; one it did not save is still on the old portal.
    const url = large && PHOTO_FILE.test(large.pathname) ? large : resolve(src, src?.startsWith('/') ? linkBase : pageUrl);
    const block = image.closest('figure, p, div') ?? image;
    let caption = clean(block.querySelector('figcaption')?.textContent) || undefined;
    const next = block.nextElementSibling;
    if (!caption && next && !hasPhoto(next) && allIn(next, ITALIC) && clean(next.textContent).length <= 250) {
      caption = clean(next.textContent);
      next.remove();
    }
    const besideText = clean(block.textContent);
    if (!caption && block !== image && besideText && besideText.length <= 250 && block.querySelectorAll('img').length === 1) caption = besideText;
    const alt = usefulAlt(image.getAttribute('alt')) ?? usefulAlt(image.getAttribute('title')) ?? caption;
    image.remove();
    if (block !== image && (!clean(block.textContent) || caption === besideText)) block.remove();
    if (!url || url.protocol === 'mailto:' || url.protocol === 'tel:') {
      notes.push(`bỏ một ảnh không có địa chỉ tải được (${image.getAttribute('src')?.slice(0, 60) ?? 'không có src'})`);
      continue;
    }
    if (photos.some((photo) => photo.url === url.href)) continue;
    if (!alt) notes.push(`ảnh ${url.href} không có mô tả: ghi tạm "${title}", hãy mô tả lại ảnh`);
    photos.push({ url: url.href, alt: alt ?? `${title} (ảnh ${photos.length + 1})`, ...(caption ? { caption } : {}) });
  }
  for (const frame of root.querySelectorAll('iframe, video, embed, object')) {
    notes.push(`bỏ một khung nhúng (${frame.getAttribute('src') ?? frame.tagName.toLowerCase()}); video YouTube: thêm <Video youtube="…" /> vào bài .mdx`);
    frame.remove();
  }

  // Links: documents become attachments; the rest point to full addresses.
  const files: ImportedFile[] = [];
  for (const link of root.querySelectorAll('a')) {
    const url = resolve(link.getAttribute('href'), linkBase);
    const text = clean(link.textContent);
    // What is left of a link around a photo, now in the gallery.
    if (!text) {
      link.remove();
      continue;
    }
    if (url && url.protocol !== 'file:' && attachmentExtension(url.pathname)) {
      if (!files.some((file) => file.url === url.href)) files.push({ url: url.href, title: text });
      link.replaceWith(...link.childNodes);
    } else if (url && url.protocol !== 'file:') {
      link.setAttribute('href', url.href);
    } else {
      if (link.getAttribute('href') && !link.getAttribute('href')!.startsWith('#')) notes.push(`bỏ liên kết "${text}" (${link.getAttribute('href')}): không có địa chỉ đầy đủ`);
      link.replaceWith(...link.childNodes);
    }
  }
  for (const block of blocksOf(root)) if (!clean(block.textContent) && !block.matches('table, hr')) block.remove();

  // A photo section's title ("Một số hình ảnh"), now that its photos are in the gallery: last, or above the signature.
  const dropPhotoSectionTitle = () => {
    const lastBlock = blocksOf(root).at(-1);
    const text = clean(lastBlock?.textContent);
    if (lastBlock && photos.length > 0 && PHOTO_SECTION.test(text) && text.length < 80) lastBlock.remove();
  };
  dropPhotoSectionTitle();

  // The author or source: a short last line, bold, italic, right-aligned or introduced ("Tin, ảnh: …", "Nguồn: …").
  let author: string | undefined;
  let source: string | undefined;
  for (let count = 0; count < 2; count++) {
    const last = blocksOf(root).at(-1);
    const text = clean(last?.textContent);
    if (!last || !last.matches('p, div, h4, h5, h6') || !text || text.length > 100) break;
    if (SOURCE.test(text) && !source) source = text.replace(SOURCE, '').replace(/\)$/, '').trim();
    else if (!author && (SIGNATURE.test(text) || allIn(last, BOLD) || allIn(last, ITALIC) || last.closest(RIGHT_ALIGNED))) author = text.replace(SIGNATURE, '');
    else break;
    last.remove();
  }

  dropPhotoSectionTitle();

  // The lead: a first paragraph in bold, else the page's description, else a short first paragraph.
  let description: string | undefined;
  const first = blocksOf(root)[0];
  const firstText = clean(first?.textContent);
  if (first?.matches('p') && allIn(first, BOLD) && firstText.length >= 40) {
    description = firstText;
    first.remove();
  } else if (metaDescription && metaDescription.length >= 40 && metaDescription !== title) {
    description = metaDescription;
    if (firstText === metaDescription) first?.remove();
  } else if (first?.matches('p') && firstText.length >= 40 && firstText.length <= 400) {
    description = firstText;
    first.remove();
  } else if (firstText) {
    description = /^.{40,300}?[.!?…](?=\s|$)/.exec(firstText)?.[0] ?? `${firstText.slice(0, 297).replace(/\s+\S*$/, '')}…`;
  }

  // Section titles: bold lines become headings when the page has none of its own; its own start at ##.
  const headings = [...root.querySelectorAll('h1, h2, h3, h4, h5, h6')];
  if (headings.length > 0) {
    const top = Math.min(...headings.map((heading) => Number(heading.tagName[1])));
    for (const heading of headings) renameElement(document, heading, `h${Math.min(6, Number(heading.tagName[1]) - top + 2)}`);
  } else {
    for (const block of blocksOf(root)) {
      const text = clean(block.textContent);
      if (block.matches('p') && allIn(block, BOLD) && text.length <= 120 && !/[.,;:]$/.test(text)) renameElement(document, block, 'h2', true);
    }
  }

  // A table's first row in bold is its header (Markdown tables need one: without it the row would be data).
  for (const table of root.querySelectorAll('table')) {
    const firstRow = table.querySelector('tr');
    if (!firstRow || table.querySelector('th')) continue;
    const cells = [...firstRow.children];
    if (cells.every((cell) => !clean(cell.textContent) || allIn(cell, BOLD))) for (const cell of cells) renameElement(document, cell, 'th', true);
  }

  // A Markdown table cell holds one line: a cell of paragraphs, a list or a table of its own is joined into one.
  let joinedCells = 0;
  for (const cell of root.querySelectorAll('td, th')) {
    const parts = [...cell.querySelectorAll(`${BLOCKS}, li, div, td, th`)].filter((part) => !part.querySelector(`${BLOCKS}, li, div, td, th`));
    if (parts.length < 2 && !cell.querySelector('br')) continue;
    for (const lineBreak of cell.querySelectorAll('br')) lineBreak.replaceWith('\n');
    const lines = parts.length > 1 ? parts.map((part) => part.textContent ?? '') : (cell.textContent ?? '').split('\n');
    cell.textContent = lines.map(clean).filter(Boolean).join('; ');
    joinedCells++;
  }
  if (joinedCells > 0) notes.push(`${joinedCells} ô bảng có nhiều dòng được gộp thành một dòng (ngăn cách bằng "; "): xem lại bảng`);
  // Exponents and indices of digits as their characters ("m²", "CO₂"): Markdown has no other way.
  for (const element of root.querySelectorAll('sup, sub')) {
    const digits = element.tagName === 'SUP' ? SUPERSCRIPTS : SUBSCRIPTS;
    const text = clean(element.textContent);
    if ([...text].every((character) => character in digits)) element.replaceWith([...text].map((character) => digits[character]).join(''));
  }

  const body = markdownOf(root.innerHTML);
  if (!body.trim()) notes.push('bài không có đoạn văn nào ngoài phần tóm tắt và ảnh');
  const address = canonical && /^https?:$/.test(canonical.protocol) ? canonical.href : undefined;
  return { title, pubDate, description, author, source, body, photos, files, notes, ...(address ? { canonical: address } : {}) };
}

/** Gives an element another tag (a bold line made a heading: `plain` drops its bold). */
function renameElement(document: Doc, element: Element, tag: string, plain = false): void {
  const renamed = document.createElement(tag);
  renamed.textContent = '';
  if (plain) renamed.append(clean(element.textContent));
  else renamed.append(...element.childNodes);
  element.replaceWith(renamed);
}

/**
 * HTML to the Markdown of an `.mdx` body (the web editor's files): CommonMark with GFM tables and strikethrough, `{` and `<` escaped so
 * that MDX reads them as text, in the portal's one form of text (`portalText`: old portals' text is often decomposed, or has Ð for Đ).
 */
export function markdownOf(html: string): string {
  const tree = fromHtml(html, { fragment: true });
  const markdown = toMarkdown(toMdast(tree), {
    extensions: [gfmTableToMarkdown(), gfmStrikethroughToMarkdown(), mdxToMarkdown()],
    // A line of text starting "import " or "export " would be code to MDX: its first letter is written as a character reference.
    unsafe: [{ atBreak: true, character: 'i', after: 'mport\\s' }, { atBreak: true, character: 'e', after: 'xport\\s' }],
    bullet: '-', emphasis: '*', rule: '-',
  });
  return portalText(markdown).replace(/\n{3,}/g, '\n\n').trim();
}

/**
 * A page's bytes as text, in the encoding its server or its `<meta charset>` names (old portals may serve
 * windows-1258 or legacy encodings); UTF-8 when neither says.
 */
export function decodeHtml(bytes: Uint8Array, contentType = ''): string {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  const label = /charset\s*=\s*["']?([\w-]+)/i.exec(contentType)?.[1] ?? /<meta[^>]+charset\s*=\s*["']?([\w-]+)/i.exec(head)?.[1] ?? 'utf-8';
  try {
    return new TextDecoder(label).decode(bytes);
  } catch {
    return new TextDecoder('utf-8').decode(bytes);
  }
}

/**
 * The unit an imported article is from, when its byline, source or title names one ("Minh Anh - Chi đoàn Sở Tài
 * chính"): the longest name or short name found, whole words, whatever the case.
 */
export function unitMentioned(texts: readonly (string | undefined)[], units: readonly { slug: string; names: readonly string[] }[]): string | undefined {
  const haystack = ` ${texts.filter(Boolean).map((text) => clean(text).toLocaleLowerCase('vi')).join(' | ')} `;
  let found: { slug: string; length: number } | undefined;
  for (const { slug, names } of units) {
    for (const name of names) {
      const needle = clean(name).toLocaleLowerCase('vi');
      if (needle.length < 4 || (found && found.length >= needle.length)) continue;
      const at = haystack.indexOf(needle);
      const whole = at > 0 && !/[\p{L}\d]/u.test(haystack[at - 1]) && !/[\p{L}\d]/u.test(haystack[at + needle.length] ?? '');
      if (whole) found = { slug, length: needle.length };
    }
  }
  return found?.slug;
}
