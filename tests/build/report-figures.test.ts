/**
 * A unit's page compares the figures its reports share, period by period; a list of reports shows each report's first
 * figures.
 */
import { describe, expect, it } from 'vitest';
import { buildWith } from '../helpers/astro';
import type { Browser } from 'playwright-core';
import { axeViolations, launchChromium } from '../helpers/browser';
import { serveStatic } from '../helpers/server';

/** Serves a built site and runs `check` with a fresh Chromium and the site's address. */
async function inBrowser(dist: string, check: (browser: Browser, url: string) => Promise<void>): Promise<void> {
  const server = await serveStatic(dist);
  const browser = await launchChromium();
  try {
    await check(browser, server.url);
  } finally {
    await browser.close();
    await server.close();
  }
}

/** On a phone, the page's table named `region` scrolls sideways in a region the keyboard reaches; no axe-core violations. */
async function expectTableOnPhone(browser: Browser, url: string, region: string): Promise<void> {
  const phone = await browser.newPage({ viewport: { width: 360, height: 740 } });
  await phone.goto(url);
  expect(await phone.getByRole('region', { name: region }).getAttribute('tabindex')).toBe('0');
  expect(await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
  const violations = await axeViolations(phone);
  expect(violations, JSON.stringify(violations, null, 1)).toEqual([]);
}

const SECOND_REPORT = `---
title: Chi đoàn Sở Thông tin và Truyền thông tổng kết năm 2023
description: Kết quả công tác Đoàn năm 2023.
pubDate: 2023-12-28
unit: chi-doan-so-tttt
period: { from: 2023, to: 2023 }
metrics:
  - { label: "Lượt  hiến máu", value: 21, unit: lượt }
  - { label: Sáng kiến, value: 2, unit: sáng kiến }
  - { label: Kinh phí các hoạt động tình nguyện, value: 12500000, unit: đồng }
  - { label: Công trình thanh niên, value: 4, unit: công trình }
---

Năm 2023, chi đoàn hoàn thành các chỉ tiêu đề ra.
`;

const OTHER_UNIT_REPORT = `---
title: Đoàn Khối tổng kết năm 2023
description: Kết quả công tác Đoàn năm 2023 của Đoàn Khối.
pubDate: 2023-12-20
unit: doan-khoi
period: { from: 2023, to: 2023 }
metrics:
  - { label: Cơ sở Đoàn vững mạnh, value: 30, unit: cơ sở }
  - { label: Lượt hiến máu, value: 40, unit: lượt }
---

Năm 2023, Đoàn Khối hoàn thành các chỉ tiêu.
`;

describe("a unit's figures", () => {
  it('shows the figures its reports share, oldest period first, each period linking its report', async () => {
    const site = buildWith({ 'reports/tong-ket-2023/index.md': SECOND_REPORT, 'reports/doan-khoi-2023.md': OTHER_UNIT_REPORT });
    try {
      expect(site.status, site.output).toBe(0);
      const unit = site.page('don-vi/chi-doan-so-tttt');
      const section = /<section class="figures"[^>]*>(.*?)<\/section>/s.exec(unit)?.[1] ?? '';
      expect(section).toContain('Số liệu qua các kỳ báo cáo');
      const headers = [...section.matchAll(/<th scope="col"[^>]*>(.*?)<\/th>/g)].map((m) => m[1].replace(/<[^>]+>/g, ''));
      expect(headers).toEqual(['Chỉ tiêu', 'Nhiệm kỳ 2017 - 2019', 'Năm 2023']);
      expect(section).toContain('href="/bao-cao/tong-ket-2023/"');
      const rows = [...section.matchAll(/<tr[^>]*><th scope="row"[^>]*>(.*?)<\/th>(.*?)<\/tr>/g)].map((m) => [m[1], ...[...m[2].matchAll(/<td[^>]*>(.*?)<\/td>/g)].map((c) => c[1])]);
      // Figures given by one report only (Kinh phí ủng hộ, Sáng kiến…) are not compared.
      expect(rows).toEqual([['Lượt  hiến máu', '15 lượt', '21 lượt']]);
      // A unit whose reports share nothing has no table.
      expect(site.page('don-vi/doan-khoi')).not.toContain('unit-figures');
      // In the list of reports, a report's card gives its first three figures, as its editor ordered them.
      const cards = site.page('bao-cao').split('<article class="card');
      // (The first part is the page above the list.)
      const card = (slug: string) => cards.slice(1).find((html) => html.includes(`href="/bao-cao/${slug}/"`)) ?? '';
      const cardFigures = (html: string) => [...(/<dl class="figures".*?<\/dl>/s.exec(html)?.[0] ?? '').matchAll(/<dt[^>]*>(.*?)<\/dt>\s*<dd[^>]*>(.*?)<\/dd>/g)].map((m) => `${m[1]}: ${m[2]}`);
      expect(cardFigures(card('tong-ket-2023'))).toEqual(['Lượt  hiến máu: 21 lượt', 'Sáng kiến: 2 sáng kiến', 'Kinh phí các hoạt động tình nguyện: 12.500.000 đồng']);
      expect(cardFigures(card('bao-cao-nhiem-ky-2017-2019'))).toEqual(['Lượt hiến máu: 15 lượt', 'Kinh phí ủng hộ: 15.000.000 đồng']);
      // The list opens with the units that report, each with how many, linking its page's reports.
      const byUnit = /<nav class="units"[^>]*aria-labelledby="reports-by-unit"[^>]*>(.*?)<\/nav>/s.exec(site.page('bao-cao'))?.[1] ?? '';
      expect(byUnit).toMatch(/<h2 id="reports-by-unit"[^>]*>Báo cáo theo đơn vị<\/h2>/);
      const units = [...byUnit.matchAll(/<a href="([^"]+)"[^>]*>([^<]+)<\/a>\s*<span class="count"[^>]*>\(([^)]+)\)<\/span>/g)].map((m) => m.slice(1));
      expect(units).toEqual([
        ['/don-vi/chi-doan-so-tttt/#unit-reports', 'Chi đoàn Sở TT&amp;TT', '2 báo cáo'],
        ['/don-vi/doan-khoi/#unit-reports', 'Đoàn Khối', '1 báo cáo'],
      ]);
      expect(site.page('don-vi/doan-khoi')).toContain('id="unit-reports"');
      // Then the units side by side on the latest year two of them reported on alone, the figures they share.
      const units2023 = /<section class="figures"[^>]*>\s*<h2 id="units-figures"[^>]*>Số liệu các đơn vị năm 2023<\/h2>(.*?)<\/section>/s.exec(site.page('bao-cao'))?.[1] ?? '';
      const unitHeaders = [...units2023.matchAll(/<th scope="col"[^>]*>(.*?)<\/th>/g)].map((m) => m[1].replace(/<[^>]+>/g, ''));
      expect(unitHeaders).toEqual(['Chỉ tiêu', 'Chi đoàn Sở TT&amp;TT', 'Đoàn Khối']);
      expect(units2023).toContain('href="/bao-cao/doan-khoi-2023/"');
      const unitRows = [...units2023.matchAll(/<tr[^>]*><th scope="row"[^>]*>(.*?)<\/th>(.*?)<\/tr>/g)].map((m) => [m[1], ...[...m[2].matchAll(/<td[^>]*>(.*?)<\/td>/g)].map((c) => c[1])]);
      expect(unitRows).toEqual([['Lượt hiến máu', '21 lượt', '40 lượt']]);
      // The same on the page of the unit above: itself beside its sub-units.
      const khoi = /<h2 id="subunits-figures"[^>]*>Số liệu của đơn vị và các đơn vị trực thuộc năm 2023<\/h2>(.*?)<\/section>/s.exec(site.page('don-vi/doan-khoi'))?.[1] ?? '';
      expect([...khoi.matchAll(/<th scope="col"[^>]*>(.*?)<\/th>/g)].map((m) => m[1].replace(/<[^>]+>/g, ''))).toEqual(unitHeaders);
      expect(khoi).toMatch(/<td[^>]*>40 lượt<\/td>/);
      // A unit without sub-units has none.
      expect(site.page('don-vi/chi-doan-so-tttt')).not.toContain('subunits-figures');
      // A news item's card has none.
      const newsCard = site.page('tin-tuc').split('<article class="card').find((html) => html.includes('href="/tin-tuc/'));
      expect(newsCard).toBeDefined();
      expect(newsCard).not.toContain('class="figures"');
      await inBrowser(site.dist, async (browser, url) => {
        await expectTableOnPhone(browser, `${url}/don-vi/chi-doan-so-tttt/`, 'Số liệu qua các kỳ báo cáo');
        const desktop = await browser.newPage({ viewport: { width: 1280, height: 900 } });
        await desktop.goto(`${url}/bao-cao/`);
        await expect(desktop.locator('.figures').first().isVisible()).resolves.toBe(true);
        const listViolations = await axeViolations(desktop);
        expect(listViolations, JSON.stringify(listViolations, null, 1)).toEqual([]);
      });
    } finally {
      site.cleanup();
    }
  });

  it("sets a unit's sub-units side by side when it gave no report of the year, and the table fits a phone", async () => {
    const yearly = (unit: string, value: number) =>
      `---\ntitle: Báo cáo năm 2024 của ${unit}\ndescription: Kết quả năm 2024.\npubDate: 2024-12-20\nunit: ${unit}\nperiod: { from: 2024, to: 2024 }\nmetrics:\n  - { label: Lượt hiến máu, value: ${value}, unit: lượt }\n---\n\nKết quả năm 2024.\n`;
    const site = buildWith({
      'units/chi-doan-b.yaml': 'name: Chi đoàn B\nparent: doan-khoi\n',
      'reports/b-2024.md': yearly('chi-doan-b', 10),
      'reports/tttt-2024.md': yearly('chi-doan-so-tttt', 12),
    });
    try {
      expect(site.status, site.output).toBe(0);
      /** The title and body of the figures' table headed by `id`. */
      const table = (html: string, id: string) => new RegExp(`<h2 id="${id}"[^>]*>([^<]*)</h2>(.*?)</section>`, 's').exec(html)?.slice(1) ?? [];
      const [title, body] = table(site.page('don-vi/doan-khoi'), 'subunits-figures');
      expect(title).toBe('Số liệu các đơn vị trực thuộc năm 2024');
      expect([...body.matchAll(/<th scope="col"[^>]*>(.*?)<\/th>/g)].map((m) => m[1].replace(/<[^>]+>/g, ''))).toEqual(['Chỉ tiêu', 'Chi đoàn B', 'Chi đoàn Sở TT&amp;TT']);
      expect(table(site.page('bao-cao'), 'units-figures')[0]).toBe('Số liệu các đơn vị năm 2024');
      await inBrowser(site.dist, (browser, url) => expectTableOnPhone(browser, `${url}/bao-cao/`, 'Số liệu các đơn vị năm 2024'));
    } finally {
      site.cleanup();
    }
  });
});
