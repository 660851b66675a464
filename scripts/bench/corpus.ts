/**
 * A synthetic content folder for the benchmarks: N articles made from the sample content in `content/`
 * (its paragraphs, headings, titles, tags, categories, units and photos), deterministic for a given N and seed.
 * Bodies are plain Markdown (no portal components), so the plain Astro + MDX baseline renders the same files.
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { CORE_SCHEMA, load } from 'js-yaml';

export const REPO_ROOT = path.resolve(import.meta.dirname, '../..');
export const SAMPLE_CONTENT = path.join(REPO_ROOT, 'content');
/** Bump when the generated files change, so a kept corpus is made again. */
export const CORPUS_VERSION = 5;

/** mulberry32: small, fast and the same on every machine. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Sample {
  kind: 'news' | 'reports' | 'events';
  data: Record<string, unknown>;
  body: string;
}

interface Pool {
  titles: string[];
  descriptions: string[];
  paragraphs: string[];
  headings: string[];
  listItems: string[];
  tags: string[];
  authors: string[];
  coverAlts: string[];
  locations: string[];
  metrics: { label: string; unit?: string; value: number }[];
  categories: string[];
  units: string[];
  /** A few small sample photos, copied as covers. */
  images: string[];
  /** The sample's attached files and their titles. */
  attachments: string[];
  attachmentTitles: string[];
}

const FRONTMATTER = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---\r?\n?/;

function walk(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) walk(file, out);
    else out.push(file);
  }
  return out;
}

function readSamples(contentRoot: string): Sample[] {
  const samples: Sample[] = [];
  for (const kind of ['news', 'reports', 'events'] as const) {
    const dir = path.join(contentRoot, kind);
    if (!existsSync(dir)) continue;
    for (const file of walk(dir).filter((f) => /\.mdx?$/.test(f)).sort()) {
      const source = readFileSync(file, 'utf8');
      const match = FRONTMATTER.exec(source);
      if (!match) continue;
      const data = (load(match[1], { schema: CORE_SCHEMA }) ?? {}) as Record<string, unknown>;
      samples.push({ kind, data, body: source.slice(match[0].length) });
    }
  }
  return samples;
}

/** Text that is safe in MDX and in plain Markdown: no JSX, expressions, tables, images or links. */
const PLAIN = /^[^<>{}|[\]!`*_\\]+$/;

function buildPool(contentRoot: string): Pool {
  const samples = readSamples(contentRoot);
  const unique = (values: Iterable<string>) => [...new Set(values)].sort();
  const strings = (field: string) =>
    unique(samples.map((s) => s.data[field]).filter((v): v is string => typeof v === 'string' && PLAIN.test(v)));
  const paragraphs: string[] = [];
  const headings: string[] = [];
  const listItems: string[] = [];
  for (const { body } of samples) {
    for (const block of body.split(/\r?\n\s*\r?\n/)) {
      const text = block.trim();
      if (!text) continue;
      const heading = /^#{2,3} (.+)$/.exec(text);
      if (heading) {
        if (PLAIN.test(heading[1])) headings.push(heading[1]);
        continue;
      }
      if (/^- /.test(text)) {
        for (const line of text.split(/\r?\n/)) {
          const item = line.replace(/^- /, '').trim();
          if (item && PLAIN.test(item)) listItems.push(item);
        }
        continue;
      }
      if (/^[#>\d]/.test(text) || text.includes('\n') || !PLAIN.test(text)) continue;
      if (text.split(/\s+/).length >= 20) paragraphs.push(text);
    }
  }
  const metrics = samples.flatMap((s) =>
    Array.isArray(s.data.metrics)
      ? (s.data.metrics as { label: string; unit?: string; value: number }[]).filter((m) => PLAIN.test(m.label))
      : [],
  );
  const attachmentTitles = unique(
    samples.flatMap((s) =>
      Array.isArray(s.data.attachments) ? (s.data.attachments as { title?: unknown }[]).map((a) => a.title).filter((t): t is string => typeof t === 'string' && PLAIN.test(t)) : [],
    ),
  );
  const tags = unique(samples.flatMap((s) => (Array.isArray(s.data.tags) ? (s.data.tags as unknown[]).map(String) : [])));
  const slugsIn = (folder: string) =>
    readdirSync(path.join(contentRoot, folder))
      .filter((n) => /\.ya?ml$/.test(n) && !n.startsWith('_'))
      .map((n) => n.replace(/\.ya?ml$/, ''))
      .sort();
  // The smallest cover photos: the corpus reuses a handful of files rather than needing new ones.
  const images = walk(contentRoot)
    .filter((f) => /\.jpe?g$/i.test(f))
    .map((f) => ({ f, size: statSync(f).size }))
    .sort((a, b) => a.size - b.size || a.f.localeCompare(b.f))
    .slice(0, 6)
    .map(({ f }) => f);
  return {
    titles: strings('title'),
    descriptions: strings('description'),
    paragraphs: unique(paragraphs),
    headings: unique(headings),
    listItems: unique(listItems),
    tags: tags.filter((t) => PLAIN.test(t)),
    authors: strings('author'),
    coverAlts: strings('coverAlt'),
    locations: strings('location'),
    metrics,
    categories: slugsIn('categories'),
    units: slugsIn('units'),
    images,
    attachments: walk(contentRoot).filter((f) => /\.(pdf|docx)$/i.test(f)).sort(),
    attachmentTitles,
  };
}

/** URL slug rules of the portal: lowercase ASCII, digits and hyphens, đ → d. */
export function slugify(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

const q = (text: string) => JSON.stringify(text);
const pad = (n: number) => String(n).padStart(2, '0');

export interface CorpusOptions {
  /** Number of articles (news + reports + events). */
  n: number;
  /** Folder to write (`…/content`); emptied first. */
  dir: string;
  seed?: number;
  /** The sample content to draw from. */
  source?: string;
}

export interface CorpusSummary {
  dir: string;
  news: number;
  reports: number;
  events: number;
  covers: number;
  /** Files attached to articles (copies of the sample's). */
  attachments: number;
  words: number;
  /** Article that the `edit` phase changes, relative to `dir`. */
  editTarget: string;
}

/** Writes the corpus and returns what it contains. */
export function generateCorpus({ n, dir, seed = 20260101, source = SAMPLE_CONTENT }: CorpusOptions): CorpusSummary {
  const pool = buildPool(source);
  const random = prng(seed + n);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
  const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  const sample = <T>(list: readonly T[], count: number): T[] => {
    const copy = [...list];
    const out: T[] = [];
    while (out.length < count && copy.length) out.push(copy.splice(Math.floor(random() * copy.length), 1)[0]);
    return out;
  };
  /** Other numbers than the sample's, so pages are not copies of each other. */
  const vary = (text: string, year: number) => {
    // Years move with the article (a term "2019 - 2022" stays three years long); counts of things change.
    const first = /\b(?:19|20)\d\d\b/.exec(text);
    const shift = first ? year - Number(first[0]) : 0;
    return text
      .replace(/\b(?:19|20)\d\d\b/g, (y) => String(Number(y) + shift))
      .replace(/(?<![\d/.,:-])\d{2,3}(?= (?!giờ)[^\d\s%])/g, (m) => String(int(10, m.length === 2 ? 99 : 999)));
  };

  rmSync(dir, { recursive: true, force: true });
  for (const folder of ['categories', 'units']) {
    mkdirSync(path.join(dir, folder), { recursive: true });
    for (const name of readdirSync(path.join(source, folder))) copyFileSync(path.join(source, folder, name), path.join(dir, folder, name));
  }
  // The portal's own details and the files beside them (its logo).
  for (const entry of readdirSync(source, { withFileTypes: true })) {
    if (entry.isFile()) copyFileSync(path.join(source, entry.name), path.join(dir, entry.name));
  }

  // Attachments draw from their own sequence, so that the articles are those of a corpus without them.
  const attachmentRandom = prng(seed + n + 1);
  const summary: CorpusSummary = { dir, news: 0, reports: 0, events: 0, covers: 0, attachments: 0, words: 0, editTarget: '' };
  const editIndex = Math.floor(n / 2);
  for (let i = 0; i < n; i++) {
    const roll = random();
    const kind = roll < 0.8 ? 'news' : roll < 0.92 ? 'reports' : 'events';
    const year = int(2010, 2026);
    const month = int(1, 12);
    const day = int(1, 28);
    const time = `${pad(int(7, 20))}:${pad(int(0, 59))}:00+07:00`;
    const date = `${year}-${pad(month)}-${pad(day)}`;
    // A number keeps titles apart (the content check warns about two items with the same title).
    const base = vary(pick(pool.titles), year);
    const title = `${base} (bài ${i + 1})`;
    const slug = `${slugify(base).slice(0, 60).replace(/-+$/, '')}-${i + 1}`;
    const folder = path.join(dir, kind, String(year), slug);
    mkdirSync(folder, { recursive: true });

    const withCover = random() < 0.3;
    const fields: string[] = [`title: ${q(title)}`, `description: ${q(vary(pick(pool.descriptions), year))}`];
    const tags = sample(pool.tags, int(2, 4));
    if (kind === 'events') {
      const hours = int(2, 9);
      fields.push(
        `start: ${date}T${pad(int(7, 14))}:00:00+07:00`,
        `end: ${date}T${pad(Math.min(23, 14 + hours))}:00:00+07:00`,
        `location: ${q(pick(pool.locations))}`,
      );
      if (random() < 0.7) fields.push(`unit: ${pick(pool.units)}`);
    } else {
      fields.push(`pubDate: ${date}T${time}`);
      if (kind === 'news') {
        fields.push(`category: ${pick(pool.categories)}`);
        if (random() < 0.7) fields.push(`unit: ${pick(pool.units)}`);
      } else {
        const from = random() < 0.3 ? year - 2 : year - 1;
        fields.push(`unit: ${pick(pool.units)}`, `period: { from: ${from}, to: ${year - 1} }`);
        fields.push('metrics:');
        for (const m of sample(pool.metrics, int(3, 6))) {
          const value = Math.max(1, Math.round(m.value * (0.5 + random())));
          fields.push(`  - { label: ${q(m.label)}, value: ${value}${m.unit ? `, unit: ${q(m.unit)}` : ''} }`);
        }
      }
      fields.push(`author: ${q(pick(pool.authors))}`);
    }
    fields.push(`tags: [${tags.map(q).join(', ')}]`);
    if (withCover) {
      const image = pick(pool.images);
      copyFileSync(image, path.join(folder, 'anh-bia.jpg'));
      fields.push('cover: ./anh-bia.jpg', `coverAlt: ${q(pick(pool.coverAlts))}`);
      summary.covers++;
    }
    if (random() < 0.01) fields.push('featured: true');
    // One article in twenty carries a plan or a form, as notices do.
    if (pool.attachments.length && pool.attachmentTitles.length && attachmentRandom() < 0.05) {
      fields.push('attachments:');
      const count = attachmentRandom() < 0.3 ? 2 : 1;
      for (let a = 0; a < count; a++) {
        const file = pool.attachments[Math.floor(attachmentRandom() * pool.attachments.length)];
        const name = `van-ban-${a + 1}${path.extname(file).toLowerCase()}`;
        copyFileSync(file, path.join(folder, name));
        const title = pool.attachmentTitles[Math.floor(attachmentRandom() * pool.attachmentTitles.length)];
        fields.push(`  - { file: ./${name}, title: ${q(title)} }`);
        summary.attachments++;
      }
    }

    // 600–1,200 words: paragraphs under a few headings, sometimes a list.
    const target = int(600, 1200);
    const blocks: string[] = [];
    let words = 0;
    while (words < target) {
      if (blocks.length > 0 && random() < 0.2) blocks.push(`## ${vary(pick(pool.headings), year)}`);
      if (random() < 0.08 && pool.listItems.length) {
        const items = sample(pool.listItems, int(3, 5)).map((item) => vary(item, year));
        blocks.push(items.map((item) => `- ${item}`).join('\n'));
        words += items.join(' ').split(/\s+/).length;
      }
      const paragraph = vary(pick(pool.paragraphs), year);
      blocks.push(paragraph);
      words += paragraph.split(/\s+/).length;
    }
    summary.words += words;
    summary[kind]++;
    const file = path.join(folder, 'index.mdx');
    writeFileSync(file, `---\n${fields.join('\n')}\n---\n\n${blocks.join('\n\n')}\n`);
    if (i === editIndex) summary.editTarget = path.relative(dir, file);
  }
  writeFileSync(path.join(dir, '..', 'corpus.json'), JSON.stringify({ version: CORPUS_VERSION, n, seed, ...summary }, null, 2));
  return summary;
}

/** The `edit` phase: one more paragraph at the end of one article's body. */
export function editArticle(dir: string, relative: string, counter: number): void {
  const file = path.join(dir, relative);
  const text = readFileSync(file, 'utf8');
  writeFileSync(file, `${text}\nBài viết được cập nhật lần thứ ${counter} để đo thời gian dựng lại khi một bài thay đổi.\n`);
}

/** Run directly: `tsx scripts/bench/corpus.ts 1000 /tmp/x/content`. */
if (process.argv[1] && path.resolve(process.argv[1]) === import.meta.filename) {
  const n = Number(process.argv[2] ?? 200);
  const dir = path.resolve(process.argv[3] ?? path.join(REPO_ROOT, `.bench-corpus-${n}/content`));
  console.log(generateCorpus({ n, dir }));
}
