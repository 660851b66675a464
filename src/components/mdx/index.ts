import type { PortalComponent } from '../../lib/safe-mdx';
import Attachment from './Attachment.astro';
import Callout from './Callout.astro';
import Figures from './Figures.astro';
import Video from './Video.astro';

/** The components article bodies may use without importing them (see `PORTAL_COMPONENTS`). */
export const mdxComponents: Record<PortalComponent, unknown> = { Callout, Video, Attachment, Figures };
