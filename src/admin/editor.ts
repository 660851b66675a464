/**
 * The web editor's page script (`src/pages/admin/index.astro`): Decap CMS in Vietnamese, files written as the build
 * reads them, a preview of the article in the portal's styles with the problems the build would find in it, and no
 * saving while there are any. Decap's own script is loaded before this one and waits for `CMS.init()`.
 */
import previewStyle from '../styles/global.css?url';
import { formatLongDate, parsePortalDate } from '../lib/dates';
import {
  ARTICLE_KINDS, entryProblems, internalLinks, linkIssues, schemaIssues, titleKey, type ArticleCollection, type EntryProblem, type PublishedPages,
} from '../lib/entry-check';
import { z } from 'astro/zod';
import { siteSchema } from '../lib/schema';
import { entryIdFromPath } from '../lib/entry-id';
import { urls } from '../lib/urls';
import { decapVietnamese } from '../i18n/decap';
import { t } from '../i18n/ui';

/** Decap keeps an entry's data as Immutable.js maps and lists. */
interface ImmutableValue {
  get(key: string | number): unknown;
  set(key: string, value: unknown): ImmutableValue;
  has(key: string): boolean;
  delete(key: string): ImmutableValue;
  map(mapper: (value: unknown) => unknown): ImmutableValue;
  filter(predicate: (value: unknown) => boolean): ImmutableValue;
  keySeq(): unknown;
  push?: unknown;
  size: number;
  toJS(): unknown;
}
type Phrases = { [key: string]: string | Phrases };
interface PreviewProps {
  entry: ImmutableValue;
  widgetFor(name: string): unknown;
  getAsset(path: string): { toString(): string } | undefined;
}
interface Decap {
  registerLocale(locale: string, phrases: Phrases): void;
  getLocale(locale: string): Phrases | undefined;
  registerEventListener(listener: { name: string; handler: (event: { entry: ImmutableValue }) => unknown }): void;
  registerPreviewStyle(url: string): void;
  registerPreviewTemplate(collection: string, template: (props: PreviewProps) => unknown): void;
  init(): void;
}
type CreateElement = (type: string, props: Record<string, unknown> | null, ...children: unknown[]) => unknown;

const { CMS, h } = window as unknown as { CMS: Decap; h: CreateElement };
const ARTICLES = Object.keys(ARTICLE_KINDS) as ArticleCollection[];
/** The portal's own details (`content/site.yaml`), checked by the build's schema before saving. */
const SITE_COLLECTION = 'site';

/** Decap's Vietnamese, with the portal's words (`src/i18n/decap.ts`) where it has none or says less. */
function withPortals(phrases: Phrases, portals: Phrases): Phrases {
  return Object.fromEntries(
    [...new Set([...Object.keys(portals), ...Object.keys(phrases)])].map((key) => {
      const own = phrases[key];
      const ours = portals[key];
      if (ours === undefined) return [key, own];
      return [key, typeof own === 'object' && typeof ours === 'object' ? withPortals(own, ours) : ours];
    }),
  );
}

const isList = (value: unknown): value is ImmutableValue =>
  typeof value === 'object' && value !== null && typeof (value as ImmutableValue).push === 'function' && 'keySeq' in value;
const isMap = (value: unknown): value is ImmutableValue => typeof value === 'object' && value !== null && !isList(value) && 'keySeq' in value;

/**
 * Empty optional fields are left out of the file: the schema rejects `unit: ""` or `updatedDate: ""`, which Decap
 * writes once a field has been touched and cleared.
 */
function withoutEmpty(value: unknown): unknown {
  const filled = (item: unknown) => item !== undefined && item !== null && item !== '';
  if (isMap(value)) return value.map(withoutEmpty).filter((item) => filled(item) && !(isMap(item) && item.size === 0));
  if (isList(value)) return value.map(withoutEmpty).filter(filled);
  return value;
}

/** Photos and attachments are uploaded next to the article and written `./anh.jpg`, as the rest of the content is. */
const relative = (src: unknown) => (typeof src === 'string' && src && !/^(\.{1,2}\/|\/|[a-z]+:)/i.test(src) ? `./${src}` : src);

/** The entry's fields as they will be written, without its body. */
function fieldsToWrite(data: ImmutableValue): ImmutableValue {
  let fields = withoutEmpty(data.delete('body')) as ImmutableValue;
  if (fields.has('cover')) fields = fields.set('cover', relative(fields.get('cover')));
  for (const [list, field] of [['gallery', 'src'], ['attachments', 'file']] as const) {
    const items = fields.get(list);
    if (isList(items)) fields = fields.set(list, items.map((item) => (isMap(item) ? item.set(field, relative(item.get(field))) : item)));
  }
  return fields;
}

/**
 * The published pages (`/admin/bai-da-dang.json`), as of the site's last build. What is checked against them is a
 * warning, not an error: a link may be to an article not published yet, which the content check knows of and this
 * list not.
 */
let published: { addresses: ReadonlySet<string>; titles: ReadonlyMap<string, string> } | undefined;
fetch('/admin/bai-da-dang.json')
  .then((response) => (response.ok ? (response.json() as Promise<PublishedPages>) : Promise.reject(new Error(String(response.status)))))
  .then((pages) => (published = { addresses: new Set(pages.addresses), titles: new Map(Object.entries(pages.titles)) }))
  .catch(() => undefined);

/**
 * What the published pages say of the entry: links to none of them, a title another item has. `id` is the slug of
 * the article being edited, '' for a new one.
 */
function publishedPagesNotes(collection: ArticleCollection, id: string, title: unknown, body: string): EntryProblem[] {
  if (!published) return [];
  const notes = linkIssues(internalLinks(body), published.addresses).map((issue): EntryProblem => ({
    ...issue, severity: 'warning', message: t('admin.unpublishedLink', { problem: issue.message }),
  }));
  const sameTitle = typeof title === 'string' ? published.titles.get(titleKey(title)) : undefined;
  // An article being edited has its own title, at its own address.
  if (sameTitle && sameTitle !== (id && urls.item(ARTICLE_KINDS[collection], id))) {
    notes.push({ severity: 'warning', field: 'title', message: t('admin.sameTitle', { url: sameTitle }) });
  }
  return notes;
}

/** What the build would say of the entry (an article, or the portal's details), errors first. */
function problemsOf(entry: ImmutableValue): EntryProblem[] {
  const collection = String(entry.get('collection'));
  const data = entry.get('data') as ImmutableValue;
  const fields = fieldsToWrite(data).toJS() as Record<string, unknown>;
  if (collection === SITE_COLLECTION) return schemaIssues(siteSchema(() => z.string()).safeParse(fields));
  if (!(ARTICLES as string[]).includes(collection)) return [];
  const body = typeof data.get('body') === 'string' ? (data.get('body') as string) : '';
  // The categories and units are chosen from the repository's own lists (relation widgets), which may hold one made
  // since the site was built: the editor takes them as they are.
  const known = { categories: new Set([String(fields.category)]), units: new Set([String(fields.unit)]) };
  const article = collection as ArticleCollection;
  // Its file's path, as the build makes its slug of it ("content/news/2024/x/index.mdx" → "x"); none before it is saved.
  const path = entry.get('path');
  const id = typeof path === 'string' && path ? entryIdFromPath(path) : '';
  return [...entryProblems(article, fields, body, known, new Date()), ...publishedPagesNotes(article, id, fields.title, body)];
}

/** "tiêu đề (title): …", "thân bài, dòng 3: …" */
function describe(problem: EntryProblem): string {
  const where = problem.line !== undefined ? t('admin.bodyLine', { line: problem.line }) : problem.field;
  return `${where ? `${where}: ` : ''}${problem.message}`;
}

/** The problems, in the preview, above the article. */
function problemsBox(problems: EntryProblem[]): unknown {
  if (problems.length === 0) return null;
  const errors = problems.filter((problem) => problem.severity === 'error');
  const warnings = problems.filter((problem) => problem.severity === 'warning');
  const list = (items: EntryProblem[]) =>
    h('ul', null, ...items.map((problem) => h('li', { key: describe(problem) }, describe(problem), problem.hint ? h('br', null) : null, problem.hint ? h('small', null, problem.hint) : null)));
  return h(
    'aside',
    { className: `callout ${errors.length ? 'warning' : 'note'}`, 'data-entry-problems': '' },
    errors.length ? h('p', { className: 'callout-title' }, t('admin.errors')) : null,
    errors.length ? list(errors) : null,
    warnings.length ? h('p', { className: 'callout-title' }, t('admin.warnings')) : null,
    warnings.length ? list(warnings) : null,
  );
}

/** A date as the article's page gives it: "Chủ Nhật, 14/04/2024, 08:30". */
function shownDate(value: unknown): string {
  if (typeof value !== 'string' || !value) return '';
  const parsed = parsePortalDate(value);
  return parsed ? formatLongDate(parsed.date, parsed.hasTime) : value;
}

function ArticlePreview({ entry, widgetFor, getAsset }: PreviewProps) {
  const data = entry.get('data') as ImmutableValue;
  const text = (key: string) => (typeof data.get(key) === 'string' ? (data.get(key) as string) : '');
  const cover = text('cover');
  const when = text('start') || text('pubDate');
  return h(
    'article',
    { style: { maxWidth: '44rem', margin: '0 auto', padding: '1rem' } },
    problemsBox(problemsOf(entry)),
    h('h1', null, text('title')),
    when ? h('p', { style: { color: '#50565e' } }, shownDate(when), text('location') ? ` · ${text('location')}` : '') : null,
    h('p', { style: { fontWeight: 700, fontSize: '1.1rem' } }, text('description')),
    cover
      ? h(
          'figure',
          { style: { margin: '1rem 0' } },
          h('img', { src: getAsset(cover)?.toString(), alt: text('coverAlt'), style: { maxWidth: '100%' } }),
          text('coverAlt') ? h('figcaption', { style: { color: '#50565e' } }, text('coverAlt')) : null,
        )
      : null,
    h('div', null, widgetFor('body')),
  );
}

CMS.registerLocale('vi', withPortals(CMS.getLocale('vi') ?? {}, decapVietnamese as Phrases));

CMS.registerEventListener({
  name: 'preSave',
  handler: ({ entry }) => {
    const data = entry.get('data') as ImmutableValue;
    const errors = problemsOf(entry).filter((problem) => problem.severity === 'error');
    if (errors.length > 0) {
      // Decap shows the message of what stops the saving; an error without a name shows only its message.
      const refusal = new Error(`${t('admin.refused')}\n${errors.map((problem) => `• ${describe(problem)}`).join('\n')}`);
      refusal.name = '';
      throw refusal;
    }
    const body = data.get('body');
    const fields = fieldsToWrite(data);
    return body === undefined ? fields : fields.set('body', body);
  },
});

CMS.registerPreviewStyle(previewStyle);
for (const collection of ARTICLES) CMS.registerPreviewTemplate(collection, ArticlePreview);
CMS.init();
