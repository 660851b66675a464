import { describe, expect, it } from 'vitest';
import { previousSlugProblems } from '../../src/lib/previous-slugs';

const file = (id: string, previousSlugs: string[] = []) => ({ id, file: `news/${id}.md`, previousSlugs });

describe('previousSlugProblems', () => {
  it('accepts old addresses that lead to one item each', () => {
    expect(previousSlugProblems([file('hien-mau-2024', ['hien-mau', 'chu-nhat-do']), file('tin-moi', ['tin-cu'])])).toEqual([]);
    // The same old address listed twice by one item still leads to it alone.
    expect(previousSlugProblems([file('a', ['b', 'b'])])).toEqual([]);
  });

  it('refuses an old address that is an item’s current one, or that two items claim', () => {
    expect(previousSlugProblems([file('tin-moi', ['tin-cu']), file('tin-cu')])).toEqual([
      { file: 'news/tin-moi.md', message: '"tin-cu" là địa chỉ hiện tại của news/tin-cu.md; một địa chỉ chỉ dẫn được đến một bài' },
    ]);
    expect(previousSlugProblems([file('a', ['a'])])).toEqual([
      { file: 'news/a.md', message: '"a" là địa chỉ hiện tại của chính bài này; bỏ nó khỏi danh sách' },
    ]);
    expect(previousSlugProblems([file('a', ['cu']), file('b', ['cu'])])).toEqual([
      { file: 'news/b.md', message: '"cu" cũng là địa chỉ cũ của news/a.md; một địa chỉ chỉ dẫn được đến một bài' },
    ]);
  });
});
