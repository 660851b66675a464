/**
 * A short fingerprint of a schema's fields (names, types, defaults, limits; not its messages): the content loader
 * parses an entry kept from the last build again when it changes, as the entry holds its data as the schema of that
 * build parsed it (a field added since, with its default, would be missing).
 */
import { createHash } from 'node:crypto';
import { z } from 'astro/zod';
import { articleSchemas } from './schema';

export function schemaFingerprint(schema: z.ZodType): string {
  const fields = JSON.stringify(z.toJSONSchema(schema, { unrepresentable: 'any', io: 'input' }));
  return createHash('sha1').update(fields).digest('base64url').slice(0, 12);
}

/** The fingerprint of an article collection's schema, photo fields as paths. */
export function articleSchemaFingerprint(collection: string): string {
  // Which categories and units there are is a check, not a field: it leaves the fingerprint as it is.
  const schemas = articleSchemas(() => z.string(), { categories: new Set(), units: new Set() });
  return collection in schemas ? schemaFingerprint(schemas[collection as keyof typeof schemas]) : '';
}
