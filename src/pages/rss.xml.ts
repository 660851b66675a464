import type { APIRoute } from 'astro';
import { t } from '../i18n/ui';
import { getPortal } from '../lib/content';
import { feedResponse } from '../lib/feed';

export const GET: APIRoute = async ({ site }) => feedResponse(site!, t('site.name'), (await getPortal()).items);
