/**
 * The components article bodies may use, built as HTML trees when the body is rendered.
 * They receive only literal values (see `safe-mdx.ts`), so nothing an editor writes runs as code.
 */
import type { Element, ElementContent } from 'hast';
import { h } from 'hastscript';
import { t } from '../i18n/ui.ts';
import { formatQuantity } from './numbers.ts';

export interface Figure {
  label: string;
  value: number;
  unit?: string;
}

type Props = Record<string, unknown>;
const text = (value: unknown) => (typeof value === 'string' ? value : '');

/** A table of report figures: "Lượt hiến máu | 152 lượt", values in Vietnamese number format. */
export function figuresTable(figures: readonly Figure[], caption: string): Element {
  return h('table.metrics', [
    h('caption', { dataPagefindIgnore: '' }, caption),
    h('thead', { dataPagefindIgnore: '' }, [h('tr', [h('th', { scope: 'col' }, t('report.metric')), h('th', { scope: 'col' }, t('report.value'))])]),
    h(
      'tbody',
      figures.map((figure) => h('tr', [h('th', { scope: 'row' }, figure.label), h('td', formatQuantity(figure.value, figure.unit))])),
    ),
  ]);
}

function isFigure(value: unknown): value is Figure {
  const figure = value as Figure;
  return typeof figure?.label === 'string' && typeof figure.value === 'number' && (figure.unit === undefined || typeof figure.unit === 'string');
}

export const bodyComponents: Record<string, (props: Props, children: ElementContent[]) => Element> = {
  /** `<Callout type="note|important|warning" title="…">…</Callout>` */
  Callout: (props, children) => {
    const type = ['note', 'important', 'warning'].includes(text(props.type)) ? text(props.type) : 'note';
    return h(`aside.callout.${type}`, [...(props.title ? [h('p.callout-title', text(props.title))] : []), ...children]);
  },
  /** `<Video youtube="id" title="…" />`: only the id reaches the page, so editors cannot embed other sites. */
  Video: (props) => {
    const id = text(props.youtube);
    if (!/^[\w-]{6,20}$/.test(id)) throw new Error(`<Video>: mã YouTube "${id}" không hợp lệ`);
    return h('figure.video', [
      h('iframe', {
        src: `https://www.youtube-nocookie.com/embed/${id}`,
        title: text(props.title) || t('article.video'),
        loading: 'lazy',
        allow: 'encrypted-media; picture-in-picture',
        allowFullScreen: true,
        referrerPolicy: 'strict-origin-when-cross-origin',
      }),
      ...(props.title ? [h('figcaption', text(props.title))] : []),
    ]);
  },
  /** `<Attachment href="…" title="…" size="245 KB" />` */
  Attachment: (props) => {
    const href = text(props.href);
    if (!/^(https?:\/\/|\/)/.test(href)) throw new Error(`<Attachment>: đường dẫn "${href}" phải bắt đầu bằng https:// hoặc /`);
    const extension = href.split('?')[0].split('.').pop()?.toUpperCase();
    const details = [extension, text(props.size)].filter(Boolean).join(', ');
    return h('p.attachment', [h('a', { href, download: true }, text(props.title) || href), ...(details ? [` (${details})`] : [])]);
  },
  /** `<Figures items={[{ label: "…", value: 15, unit: "lượt" }]} caption="…" />` */
  Figures: (props) => {
    const items = Array.isArray(props.items) ? props.items : [];
    if (!items.every(isFigure)) throw new Error('<Figures>: mỗi mục cần label (chữ), value (số) và unit (chữ, không bắt buộc)');
    return figuresTable(items, text(props.caption) || t('report.metrics'));
  },
};
