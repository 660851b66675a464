/**
 * The content contract: the schema of every collection editors write. Used by the build
 * (`src/content.config.ts`), by `npm run check:content` and by the web editor before it saves (`entry-check.ts`),
 * so all apply the same rules: no file system here, the categories and units are given (`knownSlugs`).
 * Error messages are Vietnamese because editors read them.
 */
import { z } from 'astro/zod';
import { closest, distance } from 'fastest-levenshtein';
import { attachmentExtension, ATTACHMENT_TYPES_HINT } from './attachments';
import { endOfVietnamDay, formatLongDate, parsePortalDate, type PortalDate } from './dates';
import { OLD_ADDRESS_HINT, oldAddressKey } from './old-addresses';
import { deadlinePassesAt, eventOverAt } from './stream';
import { isSlug, slugify } from './slug';
import { portalText } from './text-form';

/** A photo read from the file (`photo-field.ts`) in the build; a checked path in the content check. */
type ImageField = (options?: { vector?: boolean }) => z.ZodType;

export const DATE_HINT = 'dạng YYYY-MM-DD (ví dụ 2024-04-14) hoặc ngày giờ ISO (ví dụ 2024-04-14T08:30:00+07:00)';

/** A day (that day in Viet Nam) or an ISO date-time; `31/02/2021` and `2021-02-31` are rejected. */
const portalDate = z
  .string({ error: `phải là ngày ${DATE_HINT}` })
  .transform((value, ctx) => {
    const parsed = parsePortalDate(value);
    if (!parsed) {
      ctx.addIssue({ code: 'custom', message: `"${value}" không phải ngày hợp lệ; cần ${DATE_HINT}` });
      return z.NEVER;
    }
    return parsed;
  });

const slugOf = (kind: string, known: ReadonlySet<string>, folder: string) =>
  z.string({ error: `phải là mã ${kind} (chuỗi)` }).refine((slug) => known.has(slug), {
    error: (issue) =>
      `${kind} "${String(issue.input)}" không tồn tại; có: ${[...known].sort().join(', ') || '(chưa có)'} (tệp trong content/${folder}/)`,
  });

const requiredText = (what: string) =>
  z
    .string({ error: `thiếu ${what} (bắt buộc, là chuỗi chữ)` })
    .trim()
    .min(1, { error: `${what} không được để trống` })
    // Pages, slugs and search need one form of text (`portalText`).
    .transform(portalText);

/** Optional text, in the portal's one form. */
const text = () => z.string().transform(portalText);

/**
 * What to tell an editor of a field the schema does not have: the one meant when it is close ("galery" for
 * "gallery", "pub_date" for "pubDate"), the fields there are otherwise.
 */
export function unknownFieldMessage(field: string, names: readonly string[]): string {
  const bare = (name: string) => name.toLowerCase().replace(/[-_\s]/g, '');
  const nearest = closest(bare(field), names.map(bare));
  const meant = names.find((name) => bare(name) === nearest);
  if (meant && distance(nearest, bare(field)) <= (field.length > 4 ? 2 : 1)) return `không có trường "${field}": có phải "${meant}"?`;
  return `không có trường "${field}"; các trường: ${names.join(', ')}`;
}

/**
 * An object of these fields only. zod drops a field it does not know, so a misspelt `galery:` would publish the
 * article without its photos, in silence; here it stops the build, naming the field and the one meant.
 */
function fieldsOnly<T extends z.ZodRawShape>(shape: T, params?: { error: string }): z.ZodObject<T> {
  const names = Object.keys(shape);
  const unknownField = z.custom(() => false, { error: (issue) => unknownFieldMessage(String(issue.path?.at(-1)), names) });
  // Parsed, the object holds the known fields only (any other fails), as the plain object's type says.
  return z.object(shape, params).catchall(unknownField) as unknown as z.ZodObject<T>;
}

/**
 * A web page's address: http or https only. zod's `z.url()` alone takes any scheme, `javascript:` too, which would
 * run a script in a reader's browser from a link.
 */
const webAddress = (field: string, example: string) =>
  z.url({ protocol: /^https?$/, error: `${field} phải là địa chỉ trang web đầy đủ, bắt đầu bằng https://, ví dụ ${example}` });

/** `cover` needs `coverAlt`: a photo without a description is invisible to screen readers. */
function requireCoverAlt(data: { cover?: unknown; coverAlt?: string }, ctx: z.RefinementCtx) {
  if (data.cover && !data.coverAlt) {
    ctx.addIssue({ code: 'custom', path: ['coverAlt'], message: 'có ảnh bìa (cover) thì phải có mô tả ảnh (coverAlt)' });
  }
}

/**
 * Dates that contradict the publishing date: an item that expires when or before it is published is never on the
 * portal; an update cannot come before it (a day without time counts to its end, the day of publishing included).
 */
function requireDatesAfterPublishing(data: { pubDate?: PortalDate; updatedDate?: PortalDate; expiryDate?: PortalDate }, ctx: z.RefinementCtx) {
  const { pubDate, updatedDate, expiryDate } = data;
  if (!pubDate) return;
  const published = formatLongDate(pubDate.date, pubDate.hasTime);
  if (expiryDate && expiryDate.date <= pubDate.date) {
    ctx.addIssue({
      code: 'custom', path: ['expiryDate'],
      message: `ngày hết hạn (expiryDate) phải sau ngày đăng (pubDate, ${published}): bài hết hạn trước khi đăng không bao giờ hiện trên cổng`,
    });
  }
  const updated = updatedDate && (updatedDate.hasTime ? updatedDate.date : endOfVietnamDay(updatedDate.date));
  if (updated && updated < pubDate.date) {
    ctx.addIssue({ code: 'custom', path: ['updatedDate'], message: `ngày cập nhật (updatedDate) phải từ ngày đăng (pubDate, ${published}) trở đi` });
  }
}

const year = z.number({ error: 'năm phải là số, ví dụ 2019' }).int().min(1900).max(2200);

/** The slugs of the categories and units there are (their files' names in `content/categories/`, `content/units/`). */
export interface KnownSlugs {
  categories: ReadonlySet<string>;
  units: ReadonlySet<string>;
}

/** Category and unit references, checked against those there are. */
function references(known: KnownSlugs) {
  return {
    category: slugOf('chuyên mục', known.categories, 'categories'),
    unit: slugOf('đơn vị', known.units, 'units'),
  };
}

/** Fields every published item shares. */
function publishingFields() {
  return {
    /** Title of the item. */
    title: requiredText('tiêu đề (title)'),
    /** Lead paragraph (sapo) shown under the title and in listings. */
    description: requiredText('phần tóm tắt (description)'),
    /** Keywords; each gets a tag page. */
    tags: z.array(z.string().trim().min(1).transform(portalText), { error: 'tags phải là danh sách, ví dụ [hiến máu, tình nguyện]' }).default([]),
    /** Description of the cover photo; required with `cover`. */
    coverAlt: z.string().trim().min(1, { error: 'mô tả ảnh bìa (coverAlt) không được để trống' }).transform(portalText).optional(),
    /** Never published while true. */
    draft: z.boolean({ error: 'draft phải là true hoặc false' }).default(false),
    /** Unpublished from this date on. */
    expiryDate: portalDate.optional(),
    /** Slugs the item had before its file was renamed: their URLs lead to it (`previous-slugs.ts`). */
    previousSlugs: z
      .array(
        z.string({ error: 'mỗi địa chỉ cũ là một chuỗi, ví dụ hien-mau-2024' }).refine(isSlug, {
          error: (issue) => `địa chỉ cũ "${String(issue.input)}" không phải đường dẫn: chỉ dùng chữ thường không dấu, số và dấu gạch ngang, ví dụ "${slugify(String(issue.input)) || 'bai-viet-cu'}"`,
        }),
        { error: 'previousSlugs phải là danh sách tên tệp cũ, ví dụ [hien-mau-2024]' },
      )
      .default([]),
    /** Its addresses on the portal the publication left: the not-found page leads them here (`old-addresses.ts`). */
    previousUrls: z
      .array(
        z.string({ error: `mỗi địa chỉ trên cổng cũ là một chuỗi: ${OLD_ADDRESS_HINT}` }).refine((address) => oldAddressKey(address) !== undefined, {
          error: (issue) => `địa chỉ trên cổng cũ "${String(issue.input)}" không dùng được: cần ${OLD_ADDRESS_HINT}`,
        }),
        { error: `previousUrls phải là danh sách địa chỉ trên cổng cũ, ví dụ ["/Pages/tong-ket.aspx?ItemID=12"]` },
      )
      .default([]),
    /** Files published with the item, kept next to its file: plans, forms, decisions (`attachments.ts`). */
    attachments: z
      .array(
        fieldsOnly({
          file: z
            .string({ error: 'file phải là đường dẫn tệp cạnh bài viết, ví dụ ./ke-hoach.pdf' })
            .refine((src) => !/^[a-z]+:/i.test(src), {
              abort: true,
              error: (issue) => `"${String(issue.input)}" là địa chỉ trang web: đính kèm tệp nằm cạnh bài viết (./ten-tep.pdf); tệp ở nơi khác thì dẫn liên kết trong thân bài bằng <Attachment>`,
            })
            .refine((src) => attachmentExtension(src) !== undefined, {
              error: (issue) => `tệp "${String(issue.input)}" không đính kèm được: chỉ nhận ${ATTACHMENT_TYPES_HINT}`,
            }),
          title: requiredText('tên tệp đính kèm (title)'),
        }),
        { error: 'attachments phải là danh sách, mỗi mục có file và title, ví dụ - file: ./ke-hoach.pdf' },
      )
      .default([]),
  };
}

function newsFields<I extends ImageField>(image: I, known: KnownSlugs) {
  const { category, unit } = references(known);
  return {
    ...publishingFields(),
    /** Publication date; in the future = scheduled. */
    pubDate: portalDate,
    /** Last significant update, shown as "Cập nhật lúc …". */
    updatedDate: portalDate.optional(),
    /** What changed in the update. */
    changeNote: text().optional(),
    /** Category slug (file name in `content/categories/`). */
    category,
    /** Publishing unit slug (file name in `content/units/`). */
    unit: unit.optional(),
    /** Byline, e.g. "Nguyễn Văn A – Đoàn Khối". */
    author: text().optional(),
    /** Source, when the item comes from elsewhere. */
    source: text().optional(),
    /** Cover photo next to the file, e.g. `./anh-bia.jpg`. */
    cover: image().optional() as z.ZodOptional<ReturnType<I>>,
    /** Photos shown as a gallery, next to the file. */
    gallery: z
      .array(fieldsOnly({ src: image() as ReturnType<I>, alt: requiredText('mô tả ảnh (alt)'), caption: text().optional() }))
      .default([]),
    /** Shown in "Tin nổi bật" on the home page. */
    featured: z.boolean({ error: 'featured phải là true hoặc false' }).default(false),
  };
}

export function newsSchema<I extends ImageField>(image: I, known: KnownSlugs) {
  return fieldsOnly(newsFields(image, known)).superRefine(requireCoverAlt).superRefine(requireDatesAfterPublishing);
}

export function reportSchema<I extends ImageField>(image: I, known: KnownSlugs) {
  const { category, unit } = references(known);
  return fieldsOnly({
    ...newsFields(image, known),
    category: category.default('tin-tuc-su-kien'),
    /** The reporting unit. */
    unit,
    /** The term (2017–2019) or one year (`from` = `to`). */
    period: fieldsOnly({ from: year, to: year }, { error: 'period phải có dạng { from: 2017, to: 2019 }' })
      .refine((p) => p.from <= p.to, { error: 'period: năm bắt đầu (from) phải trước hoặc bằng năm kết thúc (to)' }),
    /** Figures of the report, shown as a table. */
    metrics: z
      .array(
        fieldsOnly({
          label: requiredText('tên chỉ tiêu (label)'),
          value: z.number({ error: 'value phải là số, không có dấu chấm ngăn cách, ví dụ 15000000' }),
          unit: text().optional(),
        }),
      )
      .default([]),
  })
    .superRefine(requireCoverAlt)
    .superRefine(requireDatesAfterPublishing);
}

export function eventSchema<I extends ImageField>(image: I, known: KnownSlugs) {
  const { category, unit } = references(known);
  return fieldsOnly({
    ...publishingFields(),
    /** Start of the event. */
    start: portalDate,
    end: portalDate.optional(),
    /** Where it takes place. */
    location: requiredText('địa điểm (location)'),
    /** The place on a map (a Google Maps or OpenStreetMap link): the page links it beside the place. */
    mapUrl: webAddress('mapUrl', 'https://maps.app.goo.gl/…').optional(),
    /** Where readers sign up (a form): the page offers it until the event is over. */
    registrationUrl: webAddress('registrationUrl', 'https://forms.gle/…').optional(),
    /** The last moment to sign up (a day: to its end); the page gives it, and offers the sign-up until then. */
    registrationDeadline: portalDate.optional(),
    /** The organising unit. */
    unit: unit.optional(),
    category: category.default('su-kien'),
    /** Date the announcement is published; defaults to publishing at once. */
    pubDate: portalDate.optional(),
    cover: image().optional() as z.ZodOptional<ReturnType<I>>,
    featured: z.boolean().default(false),
  })
    .superRefine(requireCoverAlt)
    .superRefine(requireDatesAfterPublishing)
    .superRefine((data, ctx) => {
      if (data.end && data.end.date < data.start.date) {
        ctx.addIssue({ code: 'custom', path: ['end'], message: 'thời gian kết thúc (end) phải sau thời gian bắt đầu (start)' });
      }
      if (data.registrationDeadline && deadlinePassesAt(data.registrationDeadline) > eventOverAt(data.start, data.end)) {
        ctx.addIssue({
          code: 'custom', path: ['registrationDeadline'],
          message: 'hạn đăng ký (registrationDeadline) phải trước khi sự kiện kết thúc; không có hạn riêng thì bỏ trường này',
        });
      }
    });
}

/** Schemas of news, reports and events, by collection name. */
export function articleSchemas<I extends ImageField>(image: I, known: KnownSlugs) {
  return { news: newsSchema(image, known), reports: reportSchema(image, known), events: eventSchema(image, known) };
}

/** Contact details: a unit's, shown on its page, and the portal's own, in its footer. */
const contactFields = {
  address: z.string().trim().min(1).transform(portalText).optional(),
  phone: z
    .string({ error: 'phone phải là chuỗi, ví dụ "0226 3 812 345"' })
    .regex(/^\+?[\d\s.()-]{6,24}$/, { error: 'phone phải là số điện thoại (chữ số, dấu cách, dấu chấm, dấu gạch), ví dụ "0226 3 812 345"' })
    .optional(),
  email: z.email({ error: 'email phải là địa chỉ thư điện tử, ví dụ doankhoi@example.gov.vn' }).optional(),
};

/** The longest name a browser gives a site's search in its address bar (OpenSearch's `ShortName`). */
export const SHORT_NAME_MAX = 16;

/**
 * The portal's own details (`content/site.yaml`): its name and emblem on every page, its name in feeds and
 * calendars, the body that publishes it and its contacts in the footer, and the websites it links to.
 */
export function siteSchema<I extends ImageField>(image: I) {
  return z.preprocess(
    // An empty file is read as nothing: its fields are then said to be missing, one by one.
    (data) => data ?? {},
    fieldsOnly({
      /** "Bản tin Đoàn Khối". */
      name: requiredText('tên cổng (name)'),
      /** What browsers call the portal's search; the name when that is short enough. */
      shortName: z
        .string({ error: 'shortName phải là chuỗi chữ' })
        .trim()
        .min(1)
        .max(SHORT_NAME_MAX, { error: `shortName tối đa ${SHORT_NAME_MAX} ký tự (tên trình duyệt đặt cho ô tìm kiếm của cổng)` })
        .optional(),
      /**
       * The emblem beside the name in the header, and the browsers' icon of the portal: a file beside `site.yaml`,
       * a photo or an SVG drawing (an emblem is often drawn).
       */
      logo: image({ vector: true }).optional() as z.ZodOptional<ReturnType<I>>,
      /** Under the name in the header: "Tin tức - Sự kiện của …". */
      tagline: z.string().trim().min(1).transform(portalText).optional(),
      /** For search engines and feeds: a sentence on what the portal publishes. */
      description: requiredText('mô tả cổng (description)'),
      /** The body that publishes the portal (cơ quan chủ quản), in the footer. */
      owner: requiredText('cơ quan chủ quản (owner)'),
      ...contactFields,
      /** The terms of reuse, in the footer: "Ghi rõ nguồn khi phát hành lại…". */
      license: z.string().trim().min(1).transform(portalText).optional(),
      /** Websites the footer links to ("Liên kết"): the provincial portal, the Youth Union's central site… */
      links: z
        .array(fieldsOnly({ title: requiredText('tên liên kết (title)'), url: webAddress('url', 'https://tinhdoan.example.gov.vn') }))
        .default([]),
    }).superRefine((data, ctx) => {
      if (!data.shortName && data.name.length > SHORT_NAME_MAX) {
        ctx.addIssue({
          code: 'custom', path: ['shortName'],
          message: `tên cổng (name) dài ${data.name.length} ký tự: cần thêm tên ngắn (shortName) tối đa ${SHORT_NAME_MAX} ký tự, tên trình duyệt đặt cho ô tìm kiếm của cổng`,
        });
      }
    }),
  );
}

/** Schemas of units and categories. */
export function dataSchemas(known: KnownSlugs) {
  const { unit } = references(known);
  const units = fieldsOnly({
    /** Full name: "Đoàn Khối các cơ quan tỉnh". */
    name: requiredText('tên đơn vị (name)'),
    shortName: text().optional(),
    /** Slug of the unit above this one. */
    parent: unit.optional(),
    description: text().optional(),
    website: webAddress('website', 'https://example.gov.vn').optional(),
    /** The unit's secretary (Bí thư), shown on its page. */
    secretary: z.string().trim().min(1).transform(portalText).optional(),
    /** Contact details, shown on the unit's page. */
    ...contactFields,
  });

  const categories = fieldsOnly({
    /** Display name: "Tin tức - Sự kiện". */
    name: requiredText('tên chuyên mục (name)'),
    description: text().optional(),
    /** Position in the main navigation; omitted = not in the menu. */
    menuOrder: z.number().int().optional(),
  });

  return { units, categories };
}
