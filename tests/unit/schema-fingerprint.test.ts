import { z } from 'astro/zod';
import { describe, expect, it } from 'vitest';
import { schemaFingerprint } from '../../src/lib/schema-fingerprint';

describe('schemaFingerprint', () => {
  const base = { title: z.string().min(1), tags: z.array(z.string()).default([]) };

  it('is the same for the same fields, whatever their messages', () => {
    expect(schemaFingerprint(z.object(base))).toBe(schemaFingerprint(z.object({ ...base, title: z.string({ error: 'khác' }).min(1, { error: 'khác' }) })));
  });

  it('changes with a field added, a default or a type', () => {
    const print = schemaFingerprint(z.object(base));
    expect(schemaFingerprint(z.object({ ...base, previousSlugs: z.array(z.string()).default([]) }))).not.toBe(print);
    expect(schemaFingerprint(z.object({ ...base, tags: z.array(z.string()).default(['tin']) }))).not.toBe(print);
    expect(schemaFingerprint(z.object({ ...base, title: z.number() }))).not.toBe(print);
    // A transformed field is described by what editors write.
    expect(schemaFingerprint(z.object({ ...base, day: z.string().transform((text) => new Date(text)) }))).not.toBe(print);
  });
});
