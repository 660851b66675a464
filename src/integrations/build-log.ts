/**
 * Astro's console output, with the lines of pages written in batches. A build logs a line for every page it renders,
 * in two pieces (the page, then its time), and writing each piece as it comes is a system call on the rendering thread
 * (to a terminal or a pipe, both written synchronously by Node on Linux). Those lines are written in order at most
 * every `FLUSH_MS`; any other line (a step of the build, an integration's message, a warning or an error) is written
 * at once, after what is pending, and so is everything when the process ends. Loaded by Astro itself (`logger` in
 * `astro.config.mjs`), in plain Node.
 */
import type { AstroLoggerDestination, AstroLoggerLevel, AstroLoggerMessage } from 'astro';
import { matchesLevel } from 'astro/logger';
import { styleText } from 'node:util';

const FLUSH_MS = 100;
/** Written at once past this many characters, so that a burst of lines is not held in memory. */
const FLUSH_CHARACTERS = 64 * 1024;

/** Where the lines go: the process's stdout and stderr, or a test's. */
export interface LogStreams {
  out: { write: (text: string) => unknown };
  err: { write: (text: string) => unknown };
  /** Whether a stream's text may be coloured. */
  colours: (stream: 'out' | 'err') => boolean;
}

/** The flush of every destination made here, for the end of the process: one listener, however many loggers. */
const flushAtExit = new Set<() => void>();
process.once('exit', () => flushAtExit.forEach((flush) => flush()));

const clock = new Intl.DateTimeFormat([], { hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false });

/** Astro's own line prefix: the time, a level for warnings and errors, and the label. */
function prefix(message: AstroLoggerMessage, time: string, colours: boolean): string {
  const paint = (format: Parameters<typeof styleText>[0], text: string) => (colours ? styleText(format, text, { validateStream: false }) : text);
  const level = message.level === 'error' || message.level === 'warn' ? ` [${message.level.toUpperCase()}]` : '';
  const label = message.label ? ` [${message.label}]` : '';
  if (message.level === 'error') return paint('red', `${paint('bold', time)}${level}${label}`);
  if (message.level === 'warn') return paint('yellow', `${paint('bold', time)}${level}${label}`);
  return label ? `${paint('dim', time)} ${paint('blue', label.trimStart())}` : paint('dim', time);
}

export function batchedDestination(level: AstroLoggerLevel, streams: LogStreams, now: () => number = Date.now): AstroLoggerDestination {
  let pending = '';
  /** A page's line was begun and waits for its end. */
  let pageLineOpen = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const colours = { out: streams.colours('out'), err: streams.colours('err') };
  // The time of day changes once a second: formatted once a second, not once a line.
  let second = NaN;
  let time = '';
  const timeOfDay = () => {
    const at = Math.floor(now() / 1000);
    if (at !== second) {
      second = at;
      time = clock.format(new Date(at * 1000));
    }
    return time;
  };
  const flush = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    if (pending === '') return;
    const text = pending;
    pending = '';
    streams.out.write(text);
  };
  flushAtExit.add(flush);
  return {
    write(message) {
      if (!matchesLevel(message.level, level)) return;
      const toErr = message.level === 'error';
      const stream = toErr ? 'err' : 'out';
      const line = (message.label === 'SKIP_FORMAT' ? message.message : `${prefix(message, timeOfDay(), colours[stream])} ${message.message}`) + (message.newLine ? '\n' : '');
      if (toErr) {
        flush();
        streams.err.write(line);
        return;
      }
      pending += line;
      // Astro begins a page's line without a label and ends it with its time, unformatted.
      const pageLine = message.level === 'info' && (message.label === null ? !message.newLine : message.label === 'SKIP_FORMAT' && pageLineOpen);
      pageLineOpen = pageLine && !message.newLine;
      if (!pageLine || pending.length > FLUSH_CHARACTERS) flush();
      else timer ??= setTimeout(flush, FLUSH_MS).unref();
    },
    flush,
    close() {
      flush();
      flushAtExit.delete(flush);
    },
  };
}

export default function buildLog(config: { level?: AstroLoggerLevel } = {}): AstroLoggerDestination {
  return batchedDestination(config.level ?? 'info', {
    out: process.stdout,
    err: process.stderr,
    // Node's own rule for a stream (a terminal, FORCE_COLOR, NO_COLOR), as Astro's logger follows.
    colours: (stream) => styleText('dim', '.', { stream: stream === 'out' ? process.stdout : process.stderr }) !== '.',
  });
}
