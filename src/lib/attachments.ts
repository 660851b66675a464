/**
 * Files attached to an item (`attachments`: plans, forms, decisions): kept next to the item's file, as photos are,
 * published beside its page (`/tin-tuc/<slug>/ke-hoach-12.pdf`) and listed on it with their type and size. No file
 * system here: the schema that uses these runs in the web editor too (reading a file: `readAttachment` in
 * `file-checks.ts`).
 */
import { formatNumber } from './numbers.ts';
import { slugify } from './slug.ts';
import { KIND_PATHS } from './urls.ts';

/** The types readers' phones and office computers open, by extension. */
export const ATTACHMENT_TYPES: Readonly<Record<string, string>> = {
  pdf: 'application/pdf',
  doc: 'application/msword',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xls: 'application/vnd.ms-excel',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  ppt: 'application/vnd.ms-powerpoint',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  odt: 'application/vnd.oasis.opendocument.text',
  ods: 'application/vnd.oasis.opendocument.spreadsheet',
  odp: 'application/vnd.oasis.opendocument.presentation',
  zip: 'application/zip',
};

/** The repository keeps every version of a file: a larger one belongs on a document system, linked from the body. */
export const ATTACHMENT_MAX_BYTES = 20 * 1024 * 1024;

/** "PDF, Word (DOC, DOCX), …": what editors may attach, for messages. */
export const ATTACHMENT_TYPES_HINT = 'PDF, Word (doc, docx), Excel (xls, xlsx), PowerPoint (ppt, pptx), OpenDocument (odt, ods, odp) hoặc ZIP';

/** A path's last part and its extension with the dot (".PDF"), as `path.basename` and `path.extname` give them. */
function nameAndExtension(src: string): { base: string; extension: string } {
  const base = src.slice(src.search(/[^/\\]*$/));
  const dot = base.lastIndexOf('.');
  return { base, extension: dot > 0 ? base.slice(dot) : '' };
}

/** The extension of a path, lower case, when it is a type that can be attached. */
export function attachmentExtension(src: string): string | undefined {
  const extension = nameAndExtension(src).extension.slice(1).toLowerCase();
  return Object.hasOwn(ATTACHMENT_TYPES, extension) ? extension : undefined;
}

/** The published file's name: the editor's, in ASCII ("Kế hoạch 12.PDF" → "ke-hoach-12.pdf"). */
export function attachmentName(src: string): string {
  const { base, extension } = nameAndExtension(src);
  return `${slugify(base.slice(0, base.length - extension.length)) || 'tep-dinh-kem'}${extension.toLowerCase()}`;
}

/** "245 KB", "1,2 MB": sizes as Vietnamese portals write them. */
export function formatFileSize(bytes: number): string {
  if (bytes < 1024 * 1024) return `${formatNumber(Math.max(1, Math.round(bytes / 1024)))} KB`;
  return `${formatNumber(Math.round((bytes / 1024 / 1024) * 10) / 10)} MB`;
}

const ATTACHMENT_PATH = new RegExp(`^/(?:${Object.values(KIND_PATHS).join('|')})/[^/]+/[^/]+\\.(?:${Object.keys(ATTACHMENT_TYPES).join('|')})$`);

/** Whether a path is one of an attachment's (`/tin-tuc/<slug>/ke-hoach.pdf`). */
export function isAttachmentPath(pathname: string): boolean {
  return ATTACHMENT_PATH.test(pathname);
}

export interface Attachment {
  title: string;
  /** The editor's file, absolute. */
  file: string;
  /** Its name beside the item's page. */
  name: string;
  /** "PDF", as the list shows it. */
  type: string;
  mime: string;
  bytes: number;
  /** The hash of its bytes (`contentHash`): what tells that the file changed, whatever its time. */
  hash: string;
}
