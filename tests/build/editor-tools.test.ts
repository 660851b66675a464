/** The editors' terminal tools: `npm run new`, `npm run check:content` and the pre-commit hook. */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentWith, FIXED_NOW, ROOT, runAstro, type ContentFiles } from '../helpers/astro';

const TSX = path.join(ROOT, 'node_modules/tsx/dist/cli.mjs');

function script(name: string, args: string[], contentDir: string, cwd = ROOT) {
  const result = spawnSync(process.execPath, [TSX, path.join(ROOT, 'scripts', name), ...args], {
    cwd, encoding: 'utf8', env: { ...process.env, BAN_TIN_CONTENT: contentDir, BAN_TIN_NOW: FIXED_NOW }, input: '',
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('npm run new', () => {
  it('writes a draft with an ASCII slug in its own folder that passes the checks, and never overwrites', () => {
    const content = contentWith({});
    try {
      const args = ['--kind', 'news', '--title', 'Đoàn viên Sở Y tế hiến máu tình nguyện', '--category', 'hoat-dong-doan', '--unit', 'doan-khoi'];
      const first = script('new.ts', args, content.dir);
      expect(first.status, first.stderr).toBe(0);
      const file = path.resolve(ROOT, first.stdout.trim());
      expect(file).toMatch(/news\/\d{4}\/doan-vien-so-y-te-hien-mau-tinh-nguyen\/index\.mdx$/);
      const source = readFileSync(file, 'utf8');
      expect(source).toContain('title: "Đoàn viên Sở Y tế hiến máu tình nguyện"');
      expect(source).toMatch(/pubDate: \d{4}-\d{2}-\d{2}\n/);
      expect(source).toContain('draft: true');
      // Optional fields an editor fills in by removing the #.
      expect(source).toContain('# attachments:\n#   - file: ./ke-hoach.pdf\n#     title: "Tên văn bản"\n');
      // Where to see the draft before publishing it.
      expect(first.stderr).toContain('Xem trước bài nháp: chạy npm run dev rồi mở http://localhost:4321/tin-tuc/doan-vien-so-y-te-hien-mau-tinh-nguyen/');
      const second = script('new.ts', args, content.dir);
      expect(second.stdout.trim()).toMatch(/doan-vien-so-y-te-hien-mau-tinh-nguyen-2\/index\.mdx$/);
      // The fixture's article lists this as its old address: a new item does not take it.
      const renamed = script('new.ts', ['--kind', 'news', '--title', 'Hiến máu Chủ nhật Đỏ 2024', '--category', 'hoat-dong-doan'], content.dir);
      expect(renamed.stdout.trim()).toMatch(/hien-mau-chu-nhat-do-2024-2\/index\.mdx$/);
      for (const [kind, extra] of [['report', ['--unit', 'doan-khoi']], ['event', []]] as const) {
        const made = script('new.ts', ['--kind', kind, '--title', `Mục ${kind} mới`, ...extra], content.dir);
        expect(made.status, made.stderr).toBe(0);
      }
      // A unit's next report starts from the figures of its last one, names and units kept, values to fill in.
      const report = script('new.ts', ['--kind', 'report', '--title', 'Tổng kết năm nay', '--unit', 'chi-doan-so-tttt'], content.dir);
      expect(report.status, report.stderr).toBe(0);
      expect(readFileSync(path.resolve(ROOT, report.stdout.trim()), 'utf8')).toContain(
        'metrics:\n  - { label: "Lượt hiến máu", value: 0, unit: "lượt" }\n  - { label: "Kinh phí ủng hộ", value: 0, unit: "đồng" }\n',
      );
      const check = script('check-content.ts', [], content.dir);
      expect(check.status, check.stdout).toBe(0);
      const sync = runAstro(['sync'], content.dir);
      expect(sync.status, sync.output).toBe(0);
    } finally {
      content.cleanup();
    }
  });

  it('refuses what it cannot make valid, without asking when there is no terminal', () => {
    const content = contentWith({});
    try {
      const noTitle = script('new.ts', ['--kind', 'news', '--category', 'hoat-dong-doan'], content.dir);
      expect(noTitle.status).toBe(1);
      expect(noTitle.stderr).toContain('thiếu tiêu đề');
      const badCategory = script('new.ts', ['--kind', 'news', '--title', 'A', '--category', 'the-thao'], content.dir);
      expect(badCategory.stderr).toContain('chuyên mục "the-thao" không có');
      const reportWithoutUnit = script('new.ts', ['--kind', 'report', '--title', 'Báo cáo'], content.dir);
      expect(reportWithoutUnit.stderr).toContain('báo cáo cần đơn vị');
    } finally {
      content.cleanup();
    }
  });
});

describe('npm run check:content', () => {
  const bad: ContentFiles = {
    'site.yaml': 'name: Bản tin\ndescription: Tin tức.\nemail: banbientap(at)example.gov.vn\nlogo: ./khong-co.png\n',
    'news/ma-cu.md': Buffer.from('---\ntitle: B\u00e0i m\u00e3 c\u0169\n---\n', 'latin1'),
    'units/utf16.yaml': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('name: Đoàn\n', 'utf16le')]),
    'news/loi-ngay.md': '---\ntitle: Tin lỗi ngày\ndescription: x\npubDate: 31/02/2021\ncategory: the-thao\n---\n\nXem [bài](/tin-tuc/khong-co/).\n',
    'news/loi-yaml.md': '---\ntitle: Tin lỗi\ntags: [a\n---\n\nx\n',
    'news/loi-mdx.mdx': "---\ntitle: Tin có import\ndescription: x\npubDate: 2024-01-01\ncategory: tin-tuc-su-kien\n---\n\nimport fs from 'node:fs'\n",
    'news/anh-thieu-mo-ta.md': '---\ntitle: Ảnh\ndescription: x\npubDate: 2024-01-01\ncategory: tin-tuc-su-kien\ngallery:\n  - src: ./khong-co.jpg\n---\n\nx\n',
    'news/tep-dinh-kem.md':
      '---\ntitle: Tệp\ndescription: x\npubDate: 2024-01-01\ncategory: tin-tuc-su-kien\nattachments:\n  - { file: ./khong-co.pdf, title: Kế hoạch }\n  - { file: ./chay.exe, title: Phần mềm }\n---\n\nx\n',
    'units/vong.yaml': 'name: Vòng\nparent: vong\n',
    // An old address that is another item's current one; a link to an old address is fine (it leads on).
    'news/dia-chi-cu.md': '---\ntitle: Đổi tên\ndescription: x\npubDate: 2024-01-01\ncategory: tin-tuc-su-kien\npreviousSlugs: [tin-so-01, ten-cu]\n---\n\nXem [bài cũ](/tin-tuc/ten-cu/).\n',
    // Another item's address on the portal this one replaced, as an event's.
    'events/cong-cu.md': '---\ntitle: Sự kiện cũ\ndescription: x\nstart: 2024-01-01\nlocation: Hội trường\npubDate: 2024-01-01\npreviousUrls: [/tin-tuc/2024/6/KHO-BAC.html]\n---\n\nx\n',
  };

  it('prints every problem at once with file, line, field and hint, and fails', () => {
    const content = contentWith(bad);
    try {
      const run = script('check-content.ts', [], content.dir);
      expect(run.status).toBe(1);
      const out = run.stdout;
      expect(out).toMatch(/loi-ngay\.md\n\s+LỖI \(dòng 4, pubDate\): "31\/02\/2021" không phải ngày hợp lệ/);
      expect(out).toContain('Gợi ý: Ngày đăng phải có dạng YYYY-MM-DD, ví dụ 2024-04-14');
      expect(out).toMatch(/LỖI \(dòng 5, category\): chuyên mục "the-thao" không tồn tại/);
      expect(out).toMatch(/LỖI \(dòng 8\): liên kết \/tin-tuc\/khong-co\/ trỏ tới trang không tồn tại/);
      expect(out).toMatch(/loi-yaml\.md\n\s+LỖI \(dòng 3\): YAML không đọc được/);
      expect(out).toMatch(/loi-mdx\.mdx\n\s+LỖI \(dòng 8\): không được dùng "import"/);
      expect(out).toMatch(/LỖI \(dòng 6, gallery\[0\]\.alt\): thiếu mô tả ảnh \(alt\)/);
      expect(out).toMatch(/LỖI \(dòng 6, gallery\[0\]\.src\): không tìm thấy ảnh/);
      expect(out).toContain('đơn vị cấp trên tạo thành vòng lặp');
      expect(out).toMatch(/site\.yaml\n(?:\s+.*\n)*?\s+LỖI \(owner\): thiếu cơ quan chủ quản \(owner\)/);
      expect(out).toMatch(/LỖI \(dòng 3, email\): email phải là địa chỉ thư điện tử/);
      expect(out).toMatch(/LỖI \(dòng 4, logo\): không đọc được ảnh "\.\/khong-co\.png"/);
      expect(out).toMatch(/ma-cu\.md\n\s+LỖI: dòng 2 có ký tự không đọc được: tệp không được lưu dạng UTF-8/);
      expect(out).toMatch(/utf16\.yaml\n\s+LỖI: tệp được lưu dạng UTF-16/);
      expect(out).toMatch(/tep-dinh-kem\.md\n(?:\s+.*\n)*?\s+LỖI \(dòng 6, attachments\[0\]\.file\): không tìm thấy tệp "\.\/khong-co\.pdf"/);
      expect(out).toMatch(/LỖI \(dòng 6, attachments\[1\]\.file\): tệp "\.\/chay\.exe" không đính kèm được/);
      expect(out).toContain('Gợi ý: Đặt tệp cạnh bài viết; mỗi tệp: - { file: ./ke-hoach.pdf, title: Kế hoạch số 12-KH/ĐTN }');
      expect(out).toMatch(/dia-chi-cu\.md\n\s+LỖI \(previousSlugs\): "tin-so-01" là địa chỉ hiện tại của .*tin-so-01\.md/);
      expect(out).not.toContain('/tin-tuc/ten-cu/ trỏ tới trang không tồn tại');
      expect(out).toMatch(/cong-cu\.md\n\s+LỖI \(previousUrls\): "\/tin-tuc\/2024\/6\/KHO-BAC\.html" cũng là địa chỉ cũ của .*kho-bac-so-hoa\.md/);
      expect(out).toMatch(/\n\d+ lỗi, \d+ cảnh báo\.$/m);
    } finally {
      content.cleanup();
    }
  });

  it('warns without failing on long titles and leads, big images and attachments, and repeated titles', () => {
    const long = 'Đoàn viên '.repeat(20);
    const content = contentWith({
      'news/tieu-de-dai.md': `---\ntitle: ${long}\ndescription: ${long.repeat(4)}\npubDate: 2024-01-01\ncategory: tin-tuc-su-kien\n---\n\nx\n`,
      'news/trung-tieu-de.md':
        '---\ntitle: Tin hoạt động số 01 của Đoàn Khối\ndescription: x\npubDate: 2024-01-01\ncategory: tin-tuc-su-kien\ncover: ./anh-lon.jpg\ncoverAlt: Ảnh lớn\nattachments:\n  - { file: ./ban-quet.pdf, title: Bản quét }\n---\n\nx\n',
      // The fixture's report of this unit gives "Lượt hiến máu" in "lượt".
      'reports/bao-cao-2023.md': '---\ntitle: Báo cáo năm 2023\ndescription: x\npubDate: 2023-12-20\nunit: chi-doan-so-tttt\nperiod: { from: 2023, to: 2023 }\nmetrics:\n  - { label: lượt hiến máu, value: 20, unit: người }\n---\n\nx\n',
    });
    try {
      writeFileSync(path.join(content.dir, 'news/anh-lon.jpg'), Buffer.alloc(1.5 * 1024 * 1024));
      writeFileSync(path.join(content.dir, 'news/ban-quet.pdf'), Buffer.alloc(7.5 * 1024 * 1024));
      const run = script('check-content.ts', [], content.dir);
      expect(run.status, run.stdout).toBe(0);
      expect(run.stdout).toContain('CẢNH BÁO (dòng 2, title): tiêu đề dài');
      expect(run.stdout).toContain('CẢNH BÁO (dòng 3, description): phần tóm tắt dài');
      expect(run.stdout).toContain('ảnh ./anh-lon.jpg nặng 1,5 MB (nên dưới 1 MB)');
      expect(run.stdout).toContain('CẢNH BÁO (dòng 8, attachments[0].file): tệp ./ban-quet.pdf nặng 7,5 MB (nên dưới 5 MB: bạn đọc mở trên điện thoại)');
      expect(run.stdout).toContain('có thể một bài được đăng hai lần');
      expect(run.stdout).toContain('chỉ tiêu "lượt hiến máu" có đơn vị tính "người" nhưng "lượt" trong');
      // The fixture's 2030 event has no pubDate; the 2022 one, over, needs none.
      expect(run.stdout).toMatch(/ngay-hoi-hien-mau-2030\.md\n.*CẢNH BÁO \(dòng \d+, start\): sự kiện chưa diễn ra, không có pubDate, được xếp theo ngày bắt đầu \(20\/12\/2030\)/);
      expect(run.stdout).not.toContain('hoi-thi-2022');
      expect(run.stdout).toMatch(/0 lỗi, 7 cảnh báo\./);
    } finally {
      content.cleanup();
    }
  });

  it("stops when the portal's own details are missing", () => {
    const content = contentWith({ 'site.yaml': null });
    try {
      const run = script('check-content.ts', [], content.dir);
      expect(run.status).toBe(1);
      expect(run.stdout).toMatch(/site\.yaml\n\s+LỖI: không có tệp này: cổng cần tên \(name\)/);
    } finally {
      content.cleanup();
    }
  });

  it('passes the sample content', () => {
    const run = script('check-content.ts', [], path.join(ROOT, 'content'));
    expect(run.status, run.stdout).toBe(0);
  });
});

describe('pre-commit hook', () => {
  it('checks only the staged content files', () => {
    const content = contentWith({});
    const repo = path.dirname(content.dir);
    const git = (...args: string[]) => spawnSync('git', args, { cwd: repo, encoding: 'utf8' });
    const hook = () =>
      spawnSync('bash', [path.join(ROOT, 'scripts/hooks/pre-commit')], { cwd: repo, encoding: 'utf8', env: { ...process.env, BAN_TIN_CONTENT: content.dir } });
    try {
      git('init', '-q');
      git('-c', 'user.email=a@b', '-c', 'user.name=a', 'add', '.');
      git('-c', 'user.email=a@b', '-c', 'user.name=a', 'commit', '-qm', 'init');
      expect(hook().status).toBe(0);
      writeFileSync(path.join(content.dir, 'news/moi.md'), '---\ntitle: Mới\npubDate: 2024-13-01\ncategory: tin-tuc-su-kien\n---\n\nx\n');
      writeFileSync(path.join(content.dir, 'news/chua-add.md'), '---\ntitle: Chưa add\n---\n');
      git('add', 'content/news/moi.md');
      const failed = hook();
      expect(failed.status).toBe(1);
      expect(failed.stdout).toContain('moi.md');
      expect(failed.stdout).toContain('"2024-13-01" không phải ngày hợp lệ');
      expect(failed.stdout).not.toContain('chua-add.md');
      expect(failed.stderr).toContain('Commit dừng lại');
      writeFileSync(path.join(content.dir, 'news/moi.md'), '---\ntitle: Mới\ndescription: Tóm tắt.\npubDate: 2024-12-01\ncategory: tin-tuc-su-kien\n---\n\nx\n');
      git('add', 'content/news/moi.md');
      expect(hook().status).toBe(0);
      expect(existsSync(path.join(ROOT, 'scripts/hooks/pre-commit'))).toBe(true);
    } finally {
      content.cleanup();
    }
  });
});
