/**
 * The portal's own picture for the previews that social networks and messaging apps (Zalo, Facebook) show of a page
 * with no photo of its own: `public/anh-chia-se.png` (1,200 × 630), which a portal may replace with its own.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { imageSize } from 'image-size';

export const SHARE_IMAGE_PATH = '/anh-chia-se.png';

export interface ShareImage {
  src: string;
  width: number;
  height: number;
}

let cached: ShareImage | null | undefined;

/** The picture and its size, read from its header once per build; undefined when the portal has none. */
export function defaultShareImage(): ShareImage | undefined {
  if (cached === undefined) {
    const file = path.resolve('public', SHARE_IMAGE_PATH.slice(1));
    const size = existsSync(file) ? imageSize(readFileSync(file)) : undefined;
    cached = size?.width && size.height ? { src: SHARE_IMAGE_PATH, width: size.width, height: size.height } : null;
  }
  return cached ?? undefined;
}
