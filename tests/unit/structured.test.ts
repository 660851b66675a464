import { describe, expect, it } from 'vitest';
import { readYaml, splitFrontmatter } from '../../src/lib/frontmatter';
import { eventJsonLd, newsArticleJsonLd } from '../../src/lib/structured-data';

describe('JSON-LD', () => {
  it('describes a news article with Viet Nam dates', () => {
    const data = newsArticleJsonLd({
      url: 'https://x/tin-tuc/a/', title: 'Tiêu đề', description: 'Tóm tắt', publisher: 'Bản tin',
      published: new Date('2024-04-14T01:30:00Z'), author: 'Nguyễn Văn A', keywords: ['hiến máu'],
    });
    expect(data).toMatchObject({
      '@type': 'NewsArticle', headline: 'Tiêu đề', datePublished: '2024-04-14T08:30:00+07:00',
      dateModified: '2024-04-14T08:30:00+07:00', author: { name: 'Nguyễn Văn A' }, keywords: 'hiến máu',
    });
    expect(data.publisher).toEqual({ '@type': 'Organization', name: 'Bản tin' });
    const withLogo = newsArticleJsonLd({ url: 'u', title: 't', description: 'd', publisher: 'Bản tin', publisherLogo: 'https://x/logo.png', published: new Date() });
    expect(withLogo.publisher).toEqual({ '@type': 'Organization', name: 'Bản tin', logo: { '@type': 'ImageObject', url: 'https://x/logo.png' } });
  });

  it('describes an event with its place', () => {
    const data = eventJsonLd({ url: 'u', title: 'Ngày hội', description: 'd', start: new Date('2026-12-20T00:30:00Z'), location: 'Nhà văn hóa' });
    expect(data).toMatchObject({ '@type': 'Event', startDate: '2026-12-20T07:30:00+07:00', location: { name: 'Nhà văn hóa' } });
    expect(data).not.toHaveProperty('endDate');
  });
});

describe('frontmatter', () => {
  it('keeps dates as written so impossible days can be rejected', () => {
    const { data, body, bodyStartLine } = splitFrontmatter('---\ntitle: A\npubDate: 2021-02-31\n---\n\nThân bài');
    expect(data).toEqual({ title: 'A', pubDate: '2021-02-31' });
    expect(body.trim()).toBe('Thân bài');
    expect(bodyStartLine).toBe(5);
  });

  it('reads a file of comments only as nothing, and refuses two documents in one', () => {
    expect(readYaml('# Chưa ghi gì\n\n')).toBeUndefined();
    expect(splitFrontmatter('---\n# tạm\n---\n\nThân bài').data).toEqual({});
    expect(readYaml('name: A\nyes: no\n')).toEqual({ name: 'A', yes: 'no' });
    expect(() => readYaml('name: A\n---\nname: B\n')).toThrow('tệp có nhiều phần YAML');
  });
});
