import { describe, expect, it } from 'vitest';
import { resultFacts } from '../../src/lib/search-client';

describe("a search result's facts", () => {
  const meta = { date: '2026-11-16T00:00:00+07:00', category: 'Thông báo', unit: 'Đoàn cơ sở Sở Y tế' };

  it('gives the date, category and unit', () => {
    expect(resultFacts(meta, 'diễn ra {date}')).toBe('16/11/2026 · Thông báo · Đoàn cơ sở Sở Y tế');
    expect(resultFacts({ date: meta.date }, 'diễn ra {date}')).toBe('16/11/2026');
  });

  it('gives the day an event takes place when it was announced on another', () => {
    expect(resultFacts({ ...meta, start: '2026-12-20T07:30:00+07:00' }, 'diễn ra {date}')).toBe('16/11/2026 · diễn ra 20/12/2026 · Thông báo · Đoàn cơ sở Sở Y tế');
    // Listed at its start: the date says it already.
    expect(resultFacts({ ...meta, date: '2026-12-20T07:30:00+07:00', start: '2026-12-20T07:30:00+07:00' }, 'diễn ra {date}')).toBe('20/12/2026 · Thông báo · Đoàn cơ sở Sở Y tế');
  });
});
