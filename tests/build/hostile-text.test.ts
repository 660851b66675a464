/** Text that looks like HTML stays text on every page that shows it, inside scripts too (JSON-LD). */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { buildWith } from '../helpers/astro';

const TITLE = 'Tin </script><script>alert(1)</script> <b>đậm</b>';

describe('text that looks like HTML', () => {
  it('stays text in the page, its structured data and its feed', () => {
    const site = buildWith({
      'news/tieu-de-la.md': `---\ntitle: "${TITLE}"\ndescription: "Tóm tắt </script><!-- x"\npubDate: 2024-05-01\ncategory: tin-tuc-su-kien\n---\n\nNội dung.\n`,
    });
    try {
      expect(site.status, site.output).toBe(0);
      const html = site.page('tin-tuc/tieu-de-la');
      // Parsed as a browser does: no script or bold element made of the title (in attributes, "<" is only text).
      const made: string[] = [];
      visit(fromHtml(html), 'element', (element) => {
        const text = element.children.map((child) => (child.type === 'text' ? child.value : '')).join('');
        if (['script', 'b', 'h1'].includes(element.tagName)) made.push(`${element.tagName}:${text}`);
      });
      expect(made).not.toContain('script:alert(1)');
      expect(made).not.toContain('b:đậm');
      // The structured data is whole and reads back the title as written.
      const jsonLd = /<script type="application\/ld\+json">(.*?)<\/script>/s.exec(html)?.[1] ?? '';
      expect(JSON.parse(jsonLd)).toMatchObject({ headline: TITLE, description: 'Tóm tắt </script><!-- x' });
      expect(made).toContain(`h1:${TITLE}`);
      expect(readFileSync(path.join(site.dist, 'rss.xml'), 'utf8')).not.toContain('<script>alert(1)');
    } finally {
      site.cleanup();
    }
  });
});
