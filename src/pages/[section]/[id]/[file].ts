/**
 * `/tin-tuc/<slug>/<file>`: a file attached to an item (`attachments.ts`), beside its page, as the editor gave it.
 * (`astro dev` reaches it through `src/integrations/attachments.ts`.)
 */
import { readFileSync } from 'node:fs';
import type { APIRoute, GetStaticPaths } from 'astro';
import type { Attachment } from '../../../lib/attachments';
import { getPortal } from '../../../lib/content';
import { attachmentKey } from '../../../lib/page-keys';
import { KIND_PATHS } from '../../../lib/urls';

export const getStaticPaths = (async () => {
  const portal = await getPortal();
  // At a renamed item's old addresses too: a file cannot send the browser on, and its address may have been printed.
  const published = portal.items.map((item) => ({ item, slugs: [item.id, ...item.entry.data.previousSlugs] }));
  // Previews (in `astro dev`) show their attachments too.
  const previews = portal.previews.map((item) => ({ item, slugs: [item.id] }));
  return [...published, ...previews].flatMap(({ item, slugs }) =>
    slugs.flatMap((id) =>
      item.attachments.map((attachment) => ({
        params: { section: KIND_PATHS[item.kind], id, file: attachment.name },
        props: { attachment },
        cacheKey: attachmentKey(attachment),
      })),
    ),
  );
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => {
  const { attachment } = props as { attachment: Attachment };
  return new Response(readFileSync(attachment.file), { headers: { 'Content-Type': attachment.mime } });
};
