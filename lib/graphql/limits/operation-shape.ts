/**
 * Measures an operation's shape: nesting depth and alias count with graphql-armor's visitors (used as
 * meters: their limit is infinite and the measured value is collected), root fields with our own count
 * (armor has no such rule).
 */
import { ApolloArmor } from '@escape.tech/graphql-armor';
import {
  Kind,
  validate,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';

export interface OperationShape {
  depth: number;
  aliases: number;
}

// validate() is synchronous: the visitors report into the measurement being taken.
let measuring: OperationShape | null = null;
const record = (what: keyof OperationShape) => (_context: unknown, details: { n: number }) => {
  if (measuring) measuring[what] = Math.max(measuring[what], details.n);
};

const meters = new ApolloArmor({
  blockFieldSuggestion: { enabled: false },
  costLimit: { enabled: false },
  maxDirectives: { enabled: false },
  maxTokens: { enabled: false },
  // Fragments count as the fields they contain (not as a level of their own); introspection is free.
  maxDepth: { n: Infinity, flattenFragments: true, ignoreIntrospection: true, onAccept: [record('depth')] },
  maxAliases: { n: Infinity, onAccept: [record('aliases')] },
}).protect().validationRules;

/** The largest depth and alias count among the document's operations. */
export function measureShape(schema: GraphQLSchema, document: DocumentNode): OperationShape {
  measuring = { depth: 0, aliases: 0 };
  try {
    validate(schema, document, meters);
    return measuring;
  } finally {
    measuring = null;
  }
}

/** Top-level fields of an operation, through fragments; `__typename` is free. */
export function countRootFields(
  operation: OperationDefinitionNode,
  fragments: Record<string, FragmentDefinitionNode>,
): number {
  const count = (set: SelectionSetNode, seen: Set<string>): number =>
    set.selections.reduce((total, selection) => {
      if (selection.kind === Kind.FIELD) return total + (selection.name.value === '__typename' ? 0 : 1);
      if (selection.kind === Kind.INLINE_FRAGMENT) return total + count(selection.selectionSet, seen);
      const fragment = fragments[selection.name.value];
      if (!fragment || seen.has(fragment.name.value)) return total;
      return total + count(fragment.selectionSet, new Set([...seen, fragment.name.value]));
    }, 0);
  return count(operation.selectionSet, new Set());
}
