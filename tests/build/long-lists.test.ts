/**
 * Long lists stay short pages: the events page lists every upcoming event, then the past ones a page at a time; a
 * unit's page names its newest reports and events, the rest being in its listing.
 */
import { describe, expect, it } from 'vitest';
import { buildWith } from '../helpers/astro';

/** 21 past events of one unit in January 2020, besides the fixture's own (one past, one in 2030). */
const PAST_EVENTS = Object.fromEntries(
  Array.from({ length: 21 }, (_, i) => {
    const day = String(i + 1).padStart(2, '0');
    return [`events/2020/su-kien-${day}.md`, `---\ntitle: Sự kiện ngày ${day}/01/2020\ndescription: Sự kiện thử.\nstart: 2020-01-${day}\nlocation: Nhà văn hóa tỉnh\nunit: chi-doan-so-tttt\n---\n\nNội dung.\n`];
  }),
);

describe('long lists', () => {
  it('show the upcoming events first, then the past ones 20 to a page, and a unit\'s newest events', () => {
    const site = buildWith(PAST_EVENTS);
    try {
      expect(site.status, site.output).toBe(0);
      const read = site.page;
      const links = (html: string) => [...html.matchAll(/<h3[^>]*><a href="(\/su-kien\/[^"]+)"/g)].map((m) => m[1]);

      const first = read('su-kien');
      const [upcoming, past] = first.split('id="past"');
      expect(links(upcoming)).toEqual(['/su-kien/ngay-hoi-hien-mau-2030/']);
      // The newest past events first: the fixture's 2022 event, then January 2020 from the 21st back.
      expect(links(past)).toHaveLength(20);
      expect(links(past).slice(0, 3)).toEqual(['/su-kien/hoi-thi-2022/', '/su-kien/su-kien-21/', '/su-kien/su-kien-20/']);
      expect(past).toContain('Trang 1/2');
      expect(past).toContain('href="/su-kien/trang/2/" rel="next"');

      const second = read('su-kien/trang/2');
      expect(second).toContain('<title>Sự kiện – Trang 2/2 – Bản tin Đoàn Khối</title>');
      expect(second).not.toContain('id="upcoming"');
      expect(links(second)).toEqual(['/su-kien/su-kien-02/', '/su-kien/su-kien-01/']);
      expect(second).toContain('href="/su-kien/" rel="prev"');

      // The unit's 22 events (the fixture's 2022 one and these): the 10 newest, and a word on the others.
      const unit = read('don-vi/chi-doan-so-tttt');
      const unitEvents = /<section aria-labelledby="unit-events"[^>]*>(.*?)<\/section>/s.exec(unit)?.[1] ?? '';
      expect([...unitEvents.matchAll(/<li[^>]*><a href="([^"]+)"/g)].map((m) => m[1]).slice(0, 2)).toEqual(['/su-kien/hoi-thi-2022/', '/su-kien/su-kien-21/']);
      expect(unitEvents.match(/<li/g)).toHaveLength(10);
      expect(unitEvents).toContain('Và 12 sự kiện khác, trong danh sách tin bài của đơn vị bên dưới.');
    } finally {
      site.cleanup();
    }
  });
});
