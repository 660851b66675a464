/**
 * The search page's browser code: reads the query from the URL, searches every d/đ spelling with
 * pagefind (loaded only here, on demand), and renders accessible results.
 */
import { formatDay } from './dates';
import { mergeByScore, newestFirstByYear, normaliseQuery, querySpellings } from './search-query';

interface PagefindResult {
  id: string;
  score: number;
  data: () => Promise<PagefindData>;
}
interface PagefindData {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
}
interface Pagefind {
  options: (options: Record<string, unknown>) => Promise<void>;
  search: (query: string, options?: Record<string, unknown>) => Promise<{ results: PagefindResult[] } | null>;
  mergeIndex: (path: string, options?: Record<string, unknown>) => Promise<void>;
}

export interface SearchTexts {
  noIndex: string;
  empty: string;
  suggestions: string;
  count: string;
  loading: string;
  more: string;
}

const PAGE = 10;
const FILTERS = ['kind', 'category', 'unit', 'year'] as const;

function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? ''));
}

interface Loaded {
  pagefind: Pagefind;
  /** The indexes (shards of years) and the years, newest first. */
  shards: string[];
  years: string[];
}

let loading: Promise<Loaded> | undefined;
/** Pagefind with every shard of the index merged into it (see `src/lib/search-shards.ts`). */
function loadPagefind(): Promise<Loaded> {
  loading ??= (async () => {
    const response = await fetch('/pagefind/shards.json');
    if (!response.ok) throw new Error(`/pagefind/shards.json: ${response.status}`);
    const { shards, years } = (await response.json()) as { shards: string[]; years: string[] };
    if (shards.length === 0) throw new Error('no search index');
    // A variable keeps the bundler from resolving a file that exists only after the build.
    const url = `/pagefind/${shards[0]}/pagefind.js`;
    const pagefind = (await import(/* @vite-ignore */ url)) as Pagefind;
    await pagefind.options({ excerptLength: 30 });
    await Promise.all(shards.slice(1).map((shard) => pagefind.mergeIndex(`/pagefind/${shard}/`, { excerptLength: 30 })));
    return { pagefind, shards, years };
  })();
  return loading;
}

export function startSearch(form: HTMLFormElement, output: HTMLElement, status: HTMLElement, texts: SearchTexts) {
  const input = form.querySelector<HTMLInputElement>('input[name="q"]')!;
  let shown: PagefindResult[] = [];
  /** How many results the current search has, and the first `n` of them in order. */
  let total = 0;
  let take: (n: number) => Promise<PagefindResult[]> = async () => [];
  let run = 0;

  function readUrl() {
    const params = new URL(location.href).searchParams;
    input.value = params.get('q') ?? '';
    for (const name of [...FILTERS, 'sort']) {
      const select = form.elements.namedItem(name) as HTMLSelectElement | null;
      if (select) select.value = params.get(name) ?? '';
    }
  }

  function renderResult(data: PagefindData): HTMLLIElement {
    const li = document.createElement('li');
    li.className = 'result';
    const image = data.meta.image;
    const date = data.meta.date ? formatDay(new Date(data.meta.date)) : '';
    const facts = [date, data.meta.category, data.meta.unit].filter(Boolean).join(' · ');
    li.innerHTML = `${image ? '<img alt="" loading="lazy" width="160" height="107">' : ''}<div><h2><a></a></h2><p class="facts"></p><p class="excerpt"></p></div>`;
    if (image) li.querySelector('img')!.src = image;
    const link = li.querySelector('a')!;
    link.href = data.url;
    link.textContent = data.meta.title ?? data.url;
    li.querySelector('.facts')!.textContent = facts;
    // pagefind's excerpt is escaped text with <mark> around matches.
    li.querySelector('.excerpt')!.innerHTML = data.excerpt;
    return li;
  }

  async function showMore(list: HTMLOListElement, moreButton: HTMLButtonElement) {
    const next = (await take(shown.length + PAGE)).slice(shown.length);
    const rendered = await Promise.all(next.map((r) => r.data()));
    const first = rendered.map(renderResult);
    list.append(...first);
    shown = shown.concat(next);
    moreButton.hidden = shown.length >= total;
    return first[0];
  }

  async function search() {
    const current = ++run;
    const params = new URL(location.href).searchParams;
    const query = normaliseQuery(params.get('q') ?? '');
    output.replaceChildren();
    if (!query) {
      status.textContent = '';
      return;
    }
    status.textContent = texts.loading;
    let loaded: Loaded;
    try {
      loaded = await loadPagefind();
    } catch {
      status.textContent = texts.noIndex;
      return;
    }
    const { pagefind, years: allYears } = loaded;
    const filters: Record<string, string> = {};
    for (const name of FILTERS) {
      const value = params.get(name);
      if (value) filters[name] = value;
    }
    const spellings = querySpellings(query);
    if (params.get('sort') === 'newest') {
      // Pagefind sorts each index on its own and merges indexes by score: search year by year, newest first.
      const years = filters.year ? [filters.year] : allYears;
      const perYear = await Promise.all(
        years.map((year) =>
          Promise.all(
            spellings.map(async (spelling) => (await pagefind.search(spelling, { filters: { ...filters, year }, sort: { date: 'desc' } }))?.results ?? []),
          ),
        ),
      );
      if (current !== run) return;
      const dates = new Map<string, Promise<string>>();
      const dateOf = (r: PagefindResult) => {
        if (!dates.has(r.id)) dates.set(r.id, r.data().then((d) => d.meta.date ?? ''));
        return dates.get(r.id)!;
      };
      total = new Set(perYear.flat(2).map((r) => r.id)).size;
      take = (n) => newestFirstByYear(perYear, dateOf, n);
    } else {
      const lists = await Promise.all(spellings.map(async (spelling) => (await pagefind.search(spelling, { filters }))?.results ?? []));
      if (current !== run) return;
      const all = mergeByScore(lists);
      total = all.length;
      take = async (n) => all.slice(0, n);
    }
    shown = [];
    if (total === 0) {
      status.textContent = fill(texts.empty, { q: query });
      const hint = document.createElement('p');
      hint.textContent = texts.suggestions;
      output.append(hint);
      return;
    }
    const list = document.createElement('ol');
    list.className = 'results';
    const more = document.createElement('button');
    more.type = 'button';
    more.textContent = texts.more;
    more.className = 'more';
    more.addEventListener('click', async () => {
      const firstNew = await showMore(list, more);
      firstNew?.querySelector('a')?.focus();
    });
    output.append(list, more);
    await showMore(list, more);
    // Announced once the first results are on the page.
    if (current === run) status.textContent = fill(texts.count, { n: total, q: query });
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const params = new URLSearchParams();
    for (const [name, value] of new FormData(form)) {
      if (typeof value === 'string' && value.trim()) params.set(name, name === 'q' ? normaliseQuery(value) : value);
    }
    history.pushState(null, '', `${location.pathname}?${params}`);
    void search();
  });
  for (const select of form.querySelectorAll('select')) {
    select.addEventListener('change', () => form.requestSubmit());
  }
  window.addEventListener('popstate', () => {
    readUrl();
    void search();
  });
  readUrl();
  void search();
}
