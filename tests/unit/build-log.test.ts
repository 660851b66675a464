import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AstroLoggerMessage } from 'astro';
import { batchedDestination, type LogStreams } from '../../src/integrations/build-log';

function recorder(colours = false) {
  const writes: { stream: 'out' | 'err'; text: string }[] = [];
  const streams: LogStreams = {
    out: { write: (text) => writes.push({ stream: 'out', text }) },
    err: { write: (text) => writes.push({ stream: 'err', text }) },
    colours: () => colours,
  };
  return { writes, streams };
}

const pageLine = (path: string): AstroLoggerMessage[] => [
  { label: null, level: 'info', message: `  ├─ ${path}`, newLine: false },
  { label: 'SKIP_FORMAT', level: 'info', message: ' (+5ms)', newLine: true },
];
const TIME = '\\d\\d:\\d\\d:\\d\\d';

describe('the build log', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("holds the pages' lines and writes them together, in order, after a moment", () => {
    const { writes, streams } = recorder();
    const log = batchedDestination('info', streams);
    for (const message of [...pageLine('/a/index.html'), ...pageLine('/b/index.html')]) log.write(message);
    expect(writes).toEqual([]);
    vi.advanceTimersByTime(100);
    expect(writes).toHaveLength(1);
    expect(writes[0].stream).toBe('out');
    expect(writes[0].text).toMatch(new RegExp(`^${TIME}   ├─ /a/index.html \\(\\+5ms\\)\\n${TIME}   ├─ /b/index.html \\(\\+5ms\\)\\n$`));
  });

  it('writes a step of the build at once, after the lines before it', () => {
    const { writes, streams } = recorder();
    const log = batchedDestination('info', streams);
    for (const message of pageLine('/a/index.html')) log.write(message);
    log.write({ label: 'content', level: 'info', message: 'Syncing content', newLine: true });
    expect(writes).toHaveLength(1);
    expect(writes[0].text).toMatch(new RegExp(`├─ /a/index.html \\(\\+5ms\\)\\n${TIME} \\[content\\] Syncing content\\n$`));
  });

  it("writes Astro's other unformatted and unlabelled lines at once", () => {
    const { writes, streams } = recorder();
    const log = batchedDestination('info', streams);
    log.write({ label: 'SKIP_FORMAT', level: 'info', message: ' generating static routes ', newLine: true });
    expect(writes).toHaveLength(1);
    for (const message of pageLine('/a/index.html')) log.write(message);
    log.write({ label: null, level: 'info', message: '✓ Completed in 6.72s.', newLine: true });
    expect(writes).toHaveLength(2);
    expect(writes[1].text).toMatch(new RegExp(`├─ /a/index.html \\(\\+5ms\\)\\n${TIME} ✓ Completed in 6.72s.\\n$`));
  });

  it('writes warnings at once and errors to stderr, after what is pending', () => {
    const { writes, streams } = recorder();
    const log = batchedDestination('info', streams);
    for (const message of pageLine('/a/index.html')) log.write(message);
    log.write({ label: null, level: 'warn', message: 'chú ý', newLine: true });
    log.write({ label: 'build', level: 'error', message: 'hỏng', newLine: true });
    expect(writes.map(({ stream }) => stream)).toEqual(['out', 'err']);
    expect(writes[0].text).toMatch(new RegExp(`\\(\\+5ms\\)\\n${TIME} \\[WARN\\] chú ý\\n$`));
    expect(writes[1].text).toMatch(new RegExp(`^${TIME} \\[ERROR\\] \\[build\\] hỏng\\n$`));
  });

  it('loses nothing pending when flushed or closed', () => {
    const { writes, streams } = recorder();
    const log = batchedDestination('info', streams);
    for (const message of pageLine('/a/index.html')) log.write(message);
    log.flush?.();
    for (const message of pageLine('/b/index.html')) log.write(message);
    log.close?.();
    expect(writes.map(({ text }) => text.includes('/a/') && !text.includes('/b/'))).toEqual([true, false]);
    expect(writes[1].text).toContain('/b/index.html');
  });

  it('flushes at the end of the process with one listener, however many loggers there are', () => {
    const before = process.listenerCount('exit');
    const { writes, streams } = recorder();
    const logs = Array.from({ length: 12 }, () => batchedDestination('info', streams));
    expect(process.listenerCount('exit')).toBe(before);
    for (const message of pageLine('/a/index.html')) logs[3].write(message);
    // Only the build log's own listener: the test runner has its own.
    const flushAtExit = process.listeners('exit').filter((listener) => String(listener).includes('flushAtExit'));
    expect(flushAtExit).toHaveLength(1);
    (flushAtExit[0] as (code: number) => void)(0);
    expect(writes).toHaveLength(1);
    logs.forEach((log) => log.close?.());
  });

  it('writes a long burst without waiting', () => {
    const { writes, streams } = recorder();
    const log = batchedDestination('info', streams);
    for (let page = 0; writes.length === 0 && page < 10_000; page++) for (const message of pageLine(`/tin-tuc/bai-${page}/index.html`)) log.write(message);
    expect(writes).toHaveLength(1);
    expect(writes[0].text.length).toBeGreaterThan(64 * 1024);
  });

  it('keeps to its level', () => {
    const { writes, streams } = recorder();
    const log = batchedDestination('warn', streams);
    log.write({ label: 'content', level: 'info', message: 'Syncing content', newLine: true });
    log.write({ label: 'content', level: 'warn', message: 'chú ý', newLine: true });
    vi.advanceTimersByTime(100);
    expect(writes).toHaveLength(1);
    expect(writes[0].text).toContain('chú ý');
  });

  it("colours the prefix as Astro's own logger does, when the stream takes colours", () => {
    const { writes, streams } = recorder(true);
    const log = batchedDestination('info', streams);
    log.write({ label: 'content', level: 'info', message: 'Syncing content', newLine: true });
    expect(writes[0].text).toMatch(new RegExp(`^\\x1b\\[2m${TIME}\\x1b\\[22m \\x1b\\[34m\\[content\\]\\x1b\\[39m Syncing content\\n$`));
  });
});
