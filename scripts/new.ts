/**
 * npm run new                       asks for kind, title, category and unit
 * npm run new -- --kind news --title "Tiêu đề" --category tin-tuc-su-kien [--unit slug]
 * Writes content/<collection>/<year>/<slug>/index.mdx (a draft that passes the content check) and prints its path, and
 * on stderr the address of its preview in `npm run dev`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { urls } from '../src/lib/urls';
import { choices, itemPath, itemSource, KINDS, previousFigures, todayInVietnam, type NewItem, type NewKind } from '../src/lib/new-item';

const { values } = parseArgs({
  options: { kind: { type: 'string' }, title: { type: 'string' }, category: { type: 'string' }, unit: { type: 'string' } },
});

function fail(message: string): never {
  console.error(`Lỗi: ${message}`);
  console.error('Cách dùng: npm run new -- --kind news|report|event --title "Tiêu đề" --category <chuyên-mục> [--unit <đơn-vị>]');
  process.exit(1);
}

async function ask(): Promise<NewItem> {
  const interactive = process.stdin.isTTY && !values.title;
  const rl = interactive ? createInterface({ input: process.stdin, output: process.stdout }) : undefined;
  const question = async (text: string, given: string | undefined, fallback?: string) => {
    if (given !== undefined || !rl) return given ?? fallback;
    const answer = (await rl.question(text)).trim();
    return answer || fallback;
  };
  try {
    const kind = (await question('Loại bài (news = tin, report = báo cáo, event = sự kiện) [news]: ', values.kind, 'news')) as NewKind;
    if (!(kind in KINDS)) fail(`loại bài "${kind}" không có; chọn news, report hoặc event`);
    const title = await question('Tiêu đề: ', values.title);
    if (!title?.trim()) fail('thiếu tiêu đề (--title)');
    const categories = choices('categories');
    const defaultCategory = kind === 'news' ? undefined : kind === 'event' ? 'su-kien' : 'tin-tuc-su-kien';
    const category = await question(`Chuyên mục (${categories.join(', ')})${defaultCategory ? ` [${defaultCategory}]` : ''}: `, values.category, defaultCategory);
    if (kind === 'news' && !category) fail('thiếu chuyên mục (--category)');
    if (category && !categories.includes(category)) fail(`chuyên mục "${category}" không có; chọn một trong: ${categories.join(', ')}`);
    const units = choices('units');
    const unit = await question(`Đơn vị (${units.join(', ')})${kind === 'report' ? '' : ' [bỏ trống nếu không có]'}: `, values.unit);
    if (kind === 'report' && !unit) fail('báo cáo cần đơn vị (--unit)');
    if (unit && !units.includes(unit)) fail(`đơn vị "${unit}" không có; chọn một trong: ${units.join(', ')}`);
    return { kind, title, category: category || undefined, unit: unit || undefined };
  } finally {
    rl?.close();
  }
}

const item = await ask();
const today = todayInVietnam();
const file = itemPath(item, today);
mkdirSync(path.dirname(file), { recursive: true });
const previous = item.kind === 'report' && item.unit ? previousFigures(item.unit) : undefined;
writeFileSync(file, itemSource(item, today, previous), { flag: 'wx' });
console.log(path.relative(process.cwd(), file));
// On stderr: stdout is the path alone, for scripts.
console.error(`Xem trước bài nháp: chạy npm run dev rồi mở http://localhost:4321${urls.item(item.kind, path.basename(path.dirname(file)))}`);
