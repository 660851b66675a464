/**
 * Incremental builds: unchanged pages are kept from the last build, and the site they give is the one a full
 * build of the same content gives, after an edited article, a deleted one, an edited category, and no change at all.
 */
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentWith, runAstro, SMALL_SHARDS } from '../helpers/astro';

/** Every HTML page of a built site, by path. */
function pages(dist: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const file of readdirSync(dist, { recursive: true, encoding: 'utf8' })) {
    if (file.endsWith('.html') && !file.startsWith('admin')) found.set(file, readFileSync(path.join(dist, file), 'utf8'));
  }
  return found;
}

/** Pages not rendered again: kept in the output folder, or copied back from the build cache. */
const restoredCount = (output: string) => output.match(/\((restored|cached)\)/g)?.length ?? 0;
/** The shards of the search index a build made again (the others are kept from the last build). */
const reindexedShards = (output: string) => /lập lại (\d+) phần(?: \(([^)]*)\))?/.exec(output)?.[2]?.split(', ') ?? [];

/** Article pages (`/tin-tuc/x/`, `/bao-cao/x/`, `/su-kien/x/`) in the order the build log lists them. */
const articlePagesInBuildOrder = (output: string) =>
  [...output.matchAll(/├─ (\/(?:tin-tuc|bao-cao|su-kien)\/(?!trang\/)[^/\s]+\/)index\.html/g)].map((match) => match[1]);

/** Every file of a built site but the web editor, with its content. */
function allFiles(dist: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const file of readdirSync(dist, { recursive: true, encoding: 'utf8' })) {
    if (file.startsWith('admin') || file === '.ban-tin-build' || !statSync(path.join(dist, file)).isFile()) continue;
    files.set(file, readFileSync(path.join(dist, file)).toString('base64'));
  }
  return files;
}

/** Every file of the search index with its content. */
function searchIndexFiles(dist: string): Map<string, string> {
  const dir = path.join(dist, 'pagefind');
  const files = new Map<string, string>();
  for (const file of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    if (statSync(path.join(dir, file)).isFile()) files.set(file, readFileSync(path.join(dir, file)).toString('base64'));
  }
  return files;
}

describe('incremental build', () => {
  it('re-renders exactly what an edit changes and gives the same site as a full build', () => {
    const content = contentWith({});
    const base = path.dirname(content.dir);
    const dist = path.join(base, 'dist');
    const fullDist = path.join(base, 'dist-full');
    const fullCopy = path.join(base, 'full');
    // Several shards (2023 in halves, 2024 joined with 2030), to see that an edit indexes one shard only.
    const sharded = SMALL_SHARDS;
    const build = () => {
      const run = runAstro(['build', '--outDir', dist], content.dir, sharded);
      expect(run.status, run.output).toBe(0);
      return run.output;
    };
    /**
     * A full build of the same content, with no cache, must give the same pages and search index. It builds a copy
     * of the content, which has a build cache of its own (beside it): the search index keeps shards there.
     */
    const expectSameAsFullBuild = () => {
      rmSync(fullDist, { recursive: true, force: true });
      rmSync(fullCopy, { recursive: true, force: true });
      cpSync(content.dir, path.join(fullCopy, 'content'), { recursive: true });
      const full = runAstro(['build', '--force', '--outDir', fullDist], path.join(fullCopy, 'content'), sharded);
      expect(full.status, full.output).toBe(0);
      expect(restoredCount(full.output)).toBe(0);
      // No file left over from an earlier build, none missing.
      const files = allFiles(dist);
      const referenceFiles = allFiles(fullDist);
      expect([...files.keys()].sort()).toEqual([...referenceFiles.keys()].sort());
      // Nor the folder of a page that is gone.
      const emptyFolders = readdirSync(dist, { recursive: true, withFileTypes: true })
        .filter((entry) => entry.isDirectory() && readdirSync(path.join(entry.parentPath, entry.name)).length === 0)
        .map((entry) => path.relative(dist, path.join(entry.parentPath, entry.name)));
      expect(emptyFolders).toEqual([]);
      const incremental = pages(dist);
      const reference = pages(fullDist);
      expect([...incremental.keys()].sort()).toEqual([...reference.keys()].sort());
      for (const [file, html] of reference) expect(incremental.get(file), file).toBe(html);
      const index = searchIndexFiles(dist);
      const referenceIndex = searchIndexFiles(fullDist);
      expect([...index.keys()].sort()).toEqual([...referenceIndex.keys()].sort());
      for (const [file, data] of referenceIndex) expect(index.get(file), file).toBe(data);
    };
    const edit = (file: string, from: string, to: string) => {
      const full = path.join(content.dir, file);
      const text = readFileSync(full, 'utf8');
      expect(text).toContain(from);
      writeFileSync(full, text.replace(from, to));
    };
    try {
      const cold = build();
      expect(restoredCount(cold)).toBe(0);
      expect(reindexedShards(cold)).toEqual(['2019-2022', '2023-01', '2023-07', '2024-2030']);
      // The article pages, the only pages indexed, are built before any other, so pagefind starts with the first page.
      const builtInOrder = [...cold.matchAll(/├─ (\/\S*?\.(?:html|xml|txt))/g)].map((match) => match[1]);
      // (An old address of a renamed article is at such a URL too, but not indexed.)
      const articles = articlePagesInBuildOrder(cold).filter((url) => readFileSync(path.join(dist, url, 'index.html'), 'utf8').includes('data-pagefind-body'));
      expect(articles.length).toBeGreaterThan(10);
      expect(builtInOrder.slice(0, articles.length).map((file) => file.replace(/index\.html$/, ''))).toEqual(articles);
      const pageCount = pages(dist).size;

      const unchanged = build();
      // Everything but the few pages without a key (home, events, units, search, 404, guide) is copied.
      expect(restoredCount(unchanged)).toBeGreaterThan(pageCount * 0.7);
      expect(unchanged).toContain('lập lại 0 phần');
      // A fresh checkout gives every file a new time, the bytes unchanged (here without `npm run build`'s table of
      // hashes: the build hashes the files itself): the same pages are kept.
      const later = new Date(Date.now() + 60_000);
      for (const file of readdirSync(content.dir, { recursive: true, encoding: 'utf8' })) utimesSync(path.join(content.dir, file), later, later);
      const checkedOut = build();
      expect(restoredCount(checkedOut)).toBe(restoredCount(unchanged));
      expect(checkedOut).toContain('lập lại 0 phần');

      // A shard cached without its list of words (an older version's cache) is indexed again, and lists them again.
      const spellingWords = () => (JSON.parse(readFileSync(path.join(dist, 'pagefind/shards.json'), 'utf8')) as { spellingWords: string[] }).spellingWords;
      const listed = spellingWords();
      expect(listed).toContain('đoan');
      rmSync(path.join(base, '.astro-cache/search-index/2024-2030/spelling-words.json'));
      expect(reindexedShards(build())).toEqual(['2024-2030']);
      expect(spellingWords()).toEqual(listed);

      const oldTitle = 'Đoàn viên Sở Thông tin và Truyền thông tham gia hiến máu tình nguyện';
      // "duy" is a new d-word and "thuỷ" a new toned word: the index's list takes them.
      const newTitle = 'Đoàn viên Sở Thông tin và Truyền thông duy trì hiến máu cứu người, thuỷ chung';
      edit('news/hien-mau-tinh-nguyen/index.mdx', `title: ${oldTitle}`, `title: ${newTitle}`);
      const edited = build();
      // The article is from 2024: only the search index of its shard is made again.
      expect(reindexedShards(edited)).toEqual(['2024-2030']);
      // Its page is the first article page built, so that its year's index, which waits for it, is complete early.
      expect(articlePagesInBuildOrder(edited)[0]).toBe('/tin-tuc/hien-mau-tinh-nguyen/');
      const rendered = pageCount - restoredCount(edited);
      expect(rendered).toBeGreaterThan(3);
      expect(rendered).toBeLessThan(pageCount * 0.5);
      const site = pages(dist);
      expect(site.get('tin-tuc/hien-mau-tinh-nguyen/index.html')).toContain(newTitle);
      expect(listed).not.toContain('duy');
      expect(listed).not.toContain('thuỷ');
      expect(spellingWords()).toEqual([...listed, 'duy', 'thuỷ'].sort());
      expect(site.get('tin-tuc/index.html')).toContain(newTitle);
      // Pages that link to it (related, newer/older) show the new title; none shows the old one.
      const linking = [...site].filter(([file, html]) => file !== 'tin-tuc/hien-mau-tinh-nguyen/index.html' && html.includes(newTitle));
      expect(linking.length).toBeGreaterThan(3);
      expect([...site].filter(([, html]) => html.includes(oldTitle)).map(([file]) => file)).toEqual([]);
      expectSameAsFullBuild();

      // A deleted article leaves its page, the listings and the search index.
      rmSync(path.join(content.dir, 'news/kho-bac-so-hoa.md'));
      const deleted = build();
      expect(reindexedShards(deleted)).toEqual(['2024-2030']);
      expect(pages(dist).has('tin-tuc/kho-bac-so-hoa/index.html')).toBe(false);
      expect([...pages(dist)].filter(([, html]) => html.includes('/tin-tuc/kho-bac-so-hoa/')).map(([file]) => file)).toEqual([]);
      expectSameAsFullBuild();

      // An article of July 2023 is in the second half of that year, a shard of its own.
      edit('news/tin-so-18.md', 'công tác đoàn viên', 'công tác đoàn viên và dân vận');
      expect(reindexedShards(build())).toEqual(['2023-07']);
      expectSameAsFullBuild();

      // Two more articles make 2023 too large for halves: it is indexed again in thirds, the other years kept.
      const article = readFileSync(path.join(content.dir, 'news/tin-so-18.md'), 'utf8');
      for (const [slug, date] of [['tin-so-24', '2023-03-28'], ['tin-so-25', '2023-08-30']]) {
        const text = article.replace('pubDate: 2023-07-19', `pubDate: ${date}`).replaceAll('số 18', `số ${slug.slice(-2)}`);
        writeFileSync(path.join(content.dir, `news/${slug}.md`), text);
      }
      expect(reindexedShards(build())).toEqual(['2023-01', '2023-05', '2023-09']);
      expect(existsSync(path.join(dist, 'pagefind/2023-07'))).toBe(false);
      expectSameAsFullBuild();

      // An attachment replaced under the same name: its file and the size its article's page gives follow.
      const attachment = path.join(content.dir, 'news/hien-mau-tinh-nguyen/danh-sach.docx');
      writeFileSync(attachment, Buffer.alloc(30 * 1024, 1));
      build();
      expect(readFileSync(path.join(dist, 'tin-tuc/hien-mau-tinh-nguyen/danh-sach.docx')).equals(readFileSync(attachment))).toBe(true);
      expect(pages(dist).get('tin-tuc/hien-mau-tinh-nguyen/index.html')).toContain('(DOCX, 30 KB)');
      expectSameAsFullBuild();
      // Deleted while its article's file is unchanged (not read again): the build stops, naming the article and field.
      rmSync(attachment);
      const missing = runAstro(['build', '--outDir', dist], content.dir, sharded);
      expect(missing.status).not.toBe(0);
      expect(missing.output).toContain('news/hien-mau-tinh-nguyen/index.mdx');
      expect(missing.output).toContain('attachments[1].file: không tìm thấy tệp "./danh-sach.docx"');
      // Taken off the article: its file leaves the output.
      edit('news/hien-mau-tinh-nguyen/index.mdx', '  - file: ./danh-sach.docx\n    title: Danh sách người hiến máu\n', '');
      build();
      expect(existsSync(path.join(dist, 'tin-tuc/hien-mau-tinh-nguyen/danh-sach.docx'))).toBe(false);
      expectSameAsFullBuild();

      // The menu is on every page but items' old addresses, which only send the browser on, and attachments.
      edit('categories/hoat-dong-doan.yaml', 'name: Hoạt động Đoàn', 'name: Phong trào Đoàn');
      const renamed = build();
      expect([...renamed.matchAll(/├─ (\S+) .*\((?:restored|cached)\)/g)].map((match) => match[1]).sort()).toEqual([
        // (Astro's log ends every file's path with a slash.)
        '/bao-cao/bao-cao-nhiem-ky-2017-2019/bao-cao-day-du.pdf/',
        '/su-kien/hoi-thi-tin-hoc-2022/index.html',
        '/su-kien/ngay-hoi-hien-mau-2030/the-le-ngay-hoi-2030.pdf/',
        '/tin-tuc/hien-mau-chu-nhat-do-2024/index.html',
        '/tin-tuc/hien-mau-chu-nhat-do-2024/phieu-dang-ky-tham-gia.pdf/',
        '/tin-tuc/hien-mau-tinh-nguyen/phieu-dang-ky-tham-gia.pdf/',
      ]);
      expect(pages(dist).get('tin-tuc/hien-mau-tinh-nguyen/index.html')).toContain('Phong trào Đoàn');
      expectSameAsFullBuild();

      // The portal's name is on every page, its items' old addresses too: only attachments are taken as they were.
      edit('site.yaml', 'name: Bản tin Đoàn Khối', 'name: Bản tin Đoàn Khối tỉnh');
      const retitled = build();
      expect([...retitled.matchAll(/├─ (\S+) .*\((?:restored|cached)\)/g)].map((match) => match[1]).sort()).toEqual([
        '/bao-cao/bao-cao-nhiem-ky-2017-2019/bao-cao-day-du.pdf/',
        '/su-kien/ngay-hoi-hien-mau-2030/the-le-ngay-hoi-2030.pdf/',
        '/tin-tuc/hien-mau-chu-nhat-do-2024/phieu-dang-ky-tham-gia.pdf/',
        '/tin-tuc/hien-mau-tinh-nguyen/phieu-dang-ky-tham-gia.pdf/',
      ]);
      expect(pages(dist).get('tin-tuc/hien-mau-chu-nhat-do-2024/index.html')).toContain('– Bản tin Đoàn Khối tỉnh</title>');
      expectSameAsFullBuild();
    } finally {
      content.cleanup();
    }
  });
});
