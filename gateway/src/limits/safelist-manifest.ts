/**
 * Builds a safelist from GraphQL files: one entry per operation, its text being the operation and the
 * fragments it uses, printed by graphql-js's `print` (the text a client must send, or hash, exactly).
 */
import { Kind, parse, print, visit, type DefinitionNode, type FragmentDefinitionNode } from 'graphql';
import { sha256 } from './safelist';

export function safelistOf(sources: string[]): Record<string, string> {
  const definitions = sources.flatMap((source) => parse(source).definitions);
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const used = (node: DefinitionNode, into: Map<string, FragmentDefinitionNode>) => {
    visit(node, {
      FragmentSpread(spread) {
        const fragment = fragments.get(spread.name.value);
        if (!fragment) throw new Error(`The fragment ${spread.name.value} is used but defined nowhere.`);
        if (into.has(fragment.name.value)) return;
        into.set(fragment.name.value, fragment);
        used(fragment, into);
      },
    });
    return into;
  };
  const manifest: Record<string, string> = {};
  for (const definition of definitions) {
    if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
    const text = print({
      kind: Kind.DOCUMENT,
      definitions: [definition, ...used(definition, new Map()).values()],
    });
    manifest[sha256(text)] = text;
  }
  return manifest;
}
