import { CORE_SCHEMA, loadAll, YAMLException } from 'js-yaml';

const FRONTMATTER = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---(?:\r?\n|$)/;

export interface SplitFile {
  /** Frontmatter fields; dates stay the strings the editor wrote. */
  data: Record<string, unknown>;
  body: string;
  /** Line of the file where the body starts (1-based). */
  bodyStartLine: number;
}

/**
 * The data of a YAML file or frontmatter as editors write it, read with YAML's core schema (see below); undefined
 * when it holds only comments or blank lines, which js-yaml's `load` refuses ("expected a document").
 */
export function readYaml(text: string): unknown {
  const documents = loadAll(text, { schema: CORE_SCHEMA });
  if (documents.length > 1) throw new YAMLException('tệp có nhiều phần YAML ngăn bởi dòng ---; chỉ được có một');
  return documents[0];
}

/**
 * Splits an article into frontmatter and body. YAML's core schema keeps `2021-02-31` a string instead of
 * silently turning it into 3 March, so our schema can reject it.
 */
export function splitFrontmatter(source: string): SplitFile {
  const match = FRONTMATTER.exec(source);
  if (!match) return { data: {}, body: source, bodyStartLine: 1 };
  const loaded = readYaml(match[1]);
  const data = loaded && typeof loaded === 'object' && !Array.isArray(loaded) ? (loaded as Record<string, unknown>) : {};
  return {
    data,
    body: source.slice(match[0].length),
    bodyStartLine: match[0].split('\n').length,
  };
}
