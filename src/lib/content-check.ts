/**
 * `npm run check:content`: every problem of every content file at once, in Vietnamese, with file, line, field and
 * a hint, without building the site. Applies the build's own schema and file checks, plus editorial warnings.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { z } from 'astro/zod';
import { YAMLException } from 'js-yaml';
import { portalText } from './text-form';
import { ATTACHMENT_MAX_BYTES, formatFileSize } from './attachments';
import { ARTICLE_FOLDERS, CONTENT_ROOT, contentDir, DATA_FOLDERS, dataFiles, knownSlugs, SITE_FILE_MISSING, siteFile } from './content-root';
import { buildTime } from './dates';
import {
  ARTICLE_KINDS, editorialNotes, FIELD_HINTS, internalLinks, LIMITS, linkableAddresses, linkIssues, schemaIssues, titleKey, type ArticleCollection,
} from './entry-check';
import { entryIdFromPath } from './entry-id';
import { encodingProblem } from './encoding';
import { attachmentPaths, collectionFiles, duplicateSlugs, fileBesideArticle, fileProblems, imagePaths, strayContent } from './file-checks';
import { readYaml, splitFrontmatter } from './frontmatter';
import { bodySyntax } from './body-syntax';
import { figureLabelKey, figureUnitKey, writtenFigures } from './report';
import { oldAddressProblems } from './old-addresses';
import { previousSlugProblems } from './previous-slugs';
import { parseBody } from './safe-mdx';
import { articleSchemas, dataSchemas, siteSchema } from './schema';
import { checkingFile, photoField } from './photo-field';
import type { ItemKind } from './urls';

export type Severity = 'error' | 'warning';

export interface Problem {
  severity: Severity;
  /** Path relative to the working directory. */
  file: string;
  line?: number;
  field?: string;
  message: string;
  hint?: string;
}

const COLLECTIONS = Object.entries(ARTICLE_KINDS).map(([name, kind]) => ({ name: name as ArticleCollection, kind }));

const relative = (file: string) => path.relative(process.cwd(), file) || file;

/** The line of a top-level frontmatter key (1-based, counting the opening `---`). */
function lineOfKey(source: string, key: string | undefined, offset: number): number | undefined {
  if (!key) return undefined;
  const index = source.split('\n').findIndex((line) => new RegExp(`^${key}\\s*:`).test(line));
  return index < 0 ? undefined : index + 1 + offset;
}

function schemaProblems(file: string, source: string, result: z.ZodSafeParseResult<unknown>, lineOffset: number): Problem[] {
  return schemaIssues(result).map(({ key, ...issue }) => ({ ...issue, file: relative(file), line: lineOfKey(source, key, lineOffset) }));
}

function yamlProblem(file: string, error: unknown, lineOffset: number): Problem {
  const mark = error instanceof YAMLException ? error.mark : undefined;
  return {
    severity: 'error',
    file: relative(file),
    line: mark ? mark.line + 1 + lineOffset : undefined,
    message: `YAML không đọc được: ${error instanceof YAMLException ? error.reason : String(error)}`,
    hint: 'Kiểm tra dấu hai chấm sau tên trường, dấu ngoặc và dấu nháy đóng mở đủ cặp, thụt lề bằng dấu cách',
  };
}

/** A YAML file's problems (its text, its YAML, its fields), and its data when it could be read. */
function checkDataFile(file: string, schema: z.ZodType): { problems: Problem[]; data?: unknown } {
  const source = readFileSync(file, 'utf8');
  const encoding = encodingProblem(source);
  if (encoding) return { problems: [{ severity: 'error', file: relative(file), message: encoding }] };
  let data: unknown;
  try {
    data = readYaml(source);
  } catch (error) {
    return { problems: [yamlProblem(file, error, 0)] };
  }
  return { problems: schemaProblems(file, source, schema.safeParse(data ?? {}), 0), data };
}

function checkDataCollections(): Problem[] {
  const problems: Problem[] = strayContent(path.resolve(CONTENT_ROOT), ARTICLE_FOLDERS, DATA_FOLDERS).map(({ file, message }) => ({
    severity: 'error', file: relative(path.join(CONTENT_ROOT, file)), message, hint: 'Cổng chỉ đọc các thư mục news, reports, events, units, categories và tệp site.yaml',
  }));
  const site = siteFile();
  // The build's own photo field: the logo beside the file is read as the build reads it.
  checkingFile(path.resolve(site));
  if (existsSync(site)) problems.push(...checkDataFile(site, siteSchema(photoField)).problems);
  else problems.push({ severity: 'error', file: relative(site), message: SITE_FILE_MISSING });
  const schemas = dataSchemas(knownSlugs());
  const parents = new Map<string, string | undefined>();
  for (const collection of ['categories', 'units'] as const) {
    for (const name of dataFiles(collection)) {
      const checked = checkDataFile(path.join(contentDir(collection), name), schemas[collection]);
      problems.push(...checked.problems);
      if (collection === 'units' && 'data' in checked) parents.set(entryIdFromPath(name), (checked.data as { parent?: string } | null)?.parent);
    }
  }
  for (const unit of parents.keys()) {
    const seen = new Set<string>();
    for (let current: string | undefined = unit; current; current = parents.get(current)) {
      if (seen.has(current)) {
        problems.push({
          severity: 'error', file: relative(path.join(contentDir('units'), `${unit}.yaml`)), field: 'parent',
          message: `đơn vị cấp trên tạo thành vòng lặp: ${[...seen, current].join(' → ')}`, hint: FIELD_HINTS.parent,
        });
        break;
      }
      seen.add(current);
    }
  }
  return problems;
}

interface ParsedArticle {
  file: string;
  kind: ItemKind;
  id: string;
  title?: string;
  links: { url: string; line: number }[];
  /** A report's unit, last year and figures, as written. */
  unit?: string;
  periodTo?: number;
  metrics?: { label: string; unit?: string }[];
  /** Old addresses, as written (`previous-slugs.ts`), and those on the portal left (`old-addresses.ts`). */
  previousSlugs: string[];
  previousUrls: string[];
}

type ArticleSchemas = ReturnType<typeof articleSchemas>;

/** Images are checked on disk by `fileProblems`; here any path is accepted. */
const pathSchemas = (): ArticleSchemas => articleSchemas(() => z.string(), knownSlugs());

/** One article file's own problems, and what the checks across files need of it (none when it cannot be read). */
function checkArticle(
  file: string, entry: string, { name, kind }: (typeof COLLECTIONS)[number], schemas: ArticleSchemas, now: Date,
): { problems: Problem[]; article?: ParsedArticle } {
  const source = readFileSync(file, 'utf8');
  const encoding = encodingProblem(source);
  if (encoding) return { problems: [{ severity: 'error', file: relative(file), message: encoding }] };
  let split;
  try {
    split = splitFrontmatter(source);
  } catch (error) {
    return { problems: [yamlProblem(file, error, 1)] };
  }
  const { data, body, bodyStartLine } = split;
  const id = entryIdFromPath(entry);
  const problems: Problem[] = fileProblems(id, file, data, parseBody(body, bodySyntax(body, file)), bodyStartLine).map((problem) => {
    const key = problem.field?.split(/[.[]/)[0];
    return {
      severity: 'error', file: relative(file), line: problem.line ?? lineOfKey(source, key, 0), field: problem.field,
      message: problem.message, hint: key ? FIELD_HINTS[key] : undefined,
    };
  });
  problems.push(...schemaProblems(file, source, schemas[name].safeParse(data), 0));
  problems.push(...editorialWarnings(file, source, data, kind, now));
  const article: ParsedArticle = {
    file, kind, id, title: typeof data.title === 'string' ? portalText(data.title).trim() : undefined, links: internalLinks(body, bodyStartLine),
    unit: typeof data.unit === 'string' ? data.unit : undefined,
    ...writtenFigures(data),
    previousSlugs: strings(data.previousSlugs),
    previousUrls: strings(data.previousUrls),
  };
  return { problems, article };
}

function checkArticles(): { problems: Problem[]; articles: ParsedArticle[] } {
  const now = buildTime();
  const problems: Problem[] = [];
  const articles: ParsedArticle[] = [];
  const schemas = pathSchemas();
  for (const collection of COLLECTIONS) {
    const dir = contentDir(collection.name);
    const { articles: files, unread } = collectionFiles(dir);
    for (const message of duplicateSlugs(files)) problems.push({ severity: 'error', file: relative(dir), message, hint: 'Mỗi bài một tên tệp (thư mục) riêng trong cùng loại tin' });
    for (const { file, message } of unread) problems.push({ severity: 'error', file: relative(path.join(dir, file)), message, hint: 'Cổng chỉ đọc bài viết trong tệp .md hoặc .mdx' });
    for (const entry of files) {
      const checked = checkArticle(path.join(dir, entry), entry, collection, schemas, now);
      problems.push(...checked.problems);
      if (checked.article) articles.push(checked.article);
    }
  }
  return { problems, articles };
}

/**
 * One article file's own problems (its fields, body, encoding and the files beside it), without the checks across
 * files (links, old addresses, titles), which read the whole portal: for a tool that writes a file at a time
 * (`npm run import`), whatever the portal's size.
 */
export function checkArticleFile(file: string): Problem[] {
  const absolute = path.resolve(file);
  for (const collection of COLLECTIONS) {
    const dir = path.resolve(contentDir(collection.name));
    if (!absolute.startsWith(dir + path.sep)) continue;
    return checkArticle(absolute, path.relative(dir, absolute).replaceAll(path.sep, '/'), collection, pathSchemas(), buildTime()).problems;
  }
  return [{ severity: 'error', file: relative(file), message: `không phải tệp bài viết trong ${COLLECTIONS.map(({ name }) => contentDir(name)).join(', ')}` }];
}

/** The strings of a list as written; nothing for anything else (the schema reports it). */
const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : []);

function editorialWarnings(file: string, source: string, data: Record<string, unknown>, kind: ItemKind, now: Date): Problem[] {
  const warnings: Problem[] = [];
  const warn = (field: string, message: string, hint?: string) =>
    warnings.push({ severity: 'warning', file: relative(file), line: lineOfKey(source, field.split(/[.[]/)[0], 0), field, message, hint });
  for (const note of editorialNotes(data, kind, now)) warn(note.field, note.message, note.hint);
  for (const { field, src } of imagePaths(data)) {
    const image = fileBesideArticle(file, src);
    if (!existsSync(image)) continue;
    const size = statSync(image).size;
    const mb = (size / 1024 / 1024).toFixed(1).replace('.', ',');
    if (size > LIMITS.imageMaxBytes) {
      warnings.push({ severity: 'error', file: relative(file), line: lineOfKey(source, field.split(/[.[]/)[0], 0), field, message: `ảnh ${src} nặng ${mb} MB, quá giới hạn 5 MB`, hint: 'Thu nhỏ ảnh (ví dụ chiều rộng 1600 điểm ảnh) trước khi đưa lên' });
    } else if (size > LIMITS.imageWarnBytes) {
      warn(field, `ảnh ${src} nặng ${mb} MB (nên dưới 1 MB)`, 'Thu nhỏ ảnh (ví dụ chiều rộng 1600 điểm ảnh) trước khi đưa lên');
    }
  }
  // Files over the limit are the build's errors (`attachmentProblems`).
  for (const { field, src } of attachmentPaths(data)) {
    const attached = fileBesideArticle(file, src);
    const size = existsSync(attached) ? statSync(attached).size : 0;
    if (size > LIMITS.attachmentWarnBytes && size <= ATTACHMENT_MAX_BYTES) {
      warn(field, `tệp ${src} nặng ${formatFileSize(size)} (nên dưới ${formatFileSize(LIMITS.attachmentWarnBytes)}: bạn đọc mở trên điện thoại)`, 'Xuất văn bản thành PDF từ Word thay vì quét (scan); bản quét thì giảm độ phân giải');
    }
  }
  return warnings;
}

function addressProblems(articles: ParsedArticle[]): Problem[] {
  return COLLECTIONS.flatMap(({ kind }) =>
    previousSlugProblems(
      articles.filter((article) => article.kind === kind).map((article) => ({ ...article, file: relative(article.file) })),
    ).map(({ file, message }) => ({
      severity: 'error' as const, file, field: 'previousSlugs', message,
      hint: 'Mỗi địa chỉ (tên tệp hiện tại hay cũ) chỉ thuộc một bài trong cùng loại tin',
    })),
  );
}

/** An old portal's address claimed by two items, of any kind: the not-found page leads it to one. */
function oldAddressClaims(articles: ParsedArticle[]): Problem[] {
  return oldAddressProblems(articles.map((article) => ({ file: relative(article.file), previousUrls: article.previousUrls }))).map(({ file, message }) => ({
    severity: 'error' as const, file, field: 'previousUrls', message, hint: 'Mỗi địa chỉ trên cổng cũ chỉ thuộc một bài',
  }));
}

function linkProblems(articles: ParsedArticle[]): Problem[] {
  const { categories, units } = knownSlugs();
  const known = linkableAddresses(articles, categories, units);
  return articles.flatMap((article) =>
    linkIssues(article.links, known).map((issue) => ({ severity: 'error' as const, file: relative(article.file), line: issue.line, message: issue.message, hint: issue.hint })),
  );
}

function duplicateTitles(articles: ParsedArticle[]): Problem[] {
  const byTitle = new Map<string, ParsedArticle[]>();
  for (const article of articles) {
    if (!article.title) continue;
    const key = titleKey(article.title);
    byTitle.set(key, [...(byTitle.get(key) ?? []), article]);
  }
  return [...byTitle.values()]
    .filter((group) => group.length > 1)
    .flatMap((group) =>
      group.slice(1).map((article) => ({
        severity: 'warning' as const,
        file: relative(article.file),
        field: 'title',
        message: `cùng tiêu đề với ${relative(group[0].file)}: có thể một bài được đăng hai lần`,
      })),
    );
}

/**
 * A figure a unit reports under one name in different units ("lượt" here, "người" there): its page compares only
 * figures of the same name and unit (`compareFigures`), so the two would stand on separate rows.
 */
function figureUnitWarnings(articles: ParsedArticle[]): Problem[] {
  const first = new Map<string, { unit: string; file: string }>();
  const warnings: Problem[] = [];
  // Oldest period first: the warning goes to the report that departs from those before it.
  const reports = articles.filter((article) => article.kind === 'report' && article.unit).sort((a, b) => (a.periodTo ?? Infinity) - (b.periodTo ?? Infinity));
  for (const report of reports) {
    for (const metric of report.metrics ?? []) {
      const key = `${report.unit}\n${figureLabelKey(metric.label)}`;
      const unit = figureUnitKey(metric.unit);
      const seen = first.get(key);
      if (!seen) first.set(key, { unit, file: report.file });
      else if (seen.unit !== unit) {
        warnings.push({
          severity: 'warning', file: relative(report.file), field: 'metrics',
          message: `chỉ tiêu "${metric.label}" có đơn vị tính "${unit}" nhưng "${seen.unit}" trong ${relative(seen.file)}: trang đơn vị sẽ không so sánh được hai số liệu này`,
          hint: 'Ghi cùng tên chỉ tiêu và cùng đơn vị tính ở các kỳ báo cáo của một đơn vị',
        });
      }
    }
  }
  return warnings;
}

/** Checks all content; with `only`, reports just the problems of those files (paths relative or absolute). */
export function checkContent(only?: string[]): Problem[] {
  const { problems, articles } = checkArticles();
  const all = [...checkDataCollections(), ...problems, ...linkProblems(articles), ...addressProblems(articles), ...oldAddressClaims(articles), ...duplicateTitles(articles), ...figureUnitWarnings(articles)];
  if (!only?.length) return all;
  const wanted = only.map((file) => path.resolve(file));
  return all.filter((problem) => wanted.some((file) => path.resolve(problem.file) === file || problem.message.includes(path.basename(file))));
}

/** The report editors read. */
export function formatProblems(problems: Problem[]): string {
  if (problems.length === 0) return 'Nội dung hợp lệ: không có lỗi.';
  const lines: string[] = [];
  const byFile = new Map<string, Problem[]>();
  for (const problem of problems) byFile.set(problem.file, [...(byFile.get(problem.file) ?? []), problem]);
  for (const [file, fileProblems] of [...byFile.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    lines.push(file);
    for (const p of fileProblems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0))) {
      const where = [p.line ? `dòng ${p.line}` : '', p.field ?? ''].filter(Boolean).join(', ');
      lines.push(`  ${p.severity === 'error' ? 'LỖI' : 'CẢNH BÁO'}${where ? ` (${where})` : ''}: ${p.message}`);
      if (p.hint) lines.push(`    Gợi ý: ${p.hint}`);
    }
  }
  const errors = problems.filter((p) => p.severity === 'error').length;
  lines.push('', `${errors} lỗi, ${problems.length - errors} cảnh báo.`);
  return lines.join('\n');
}
