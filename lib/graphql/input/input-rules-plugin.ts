/**
 * Where the input rules run: an Apollo Server plugin for HTTP (subgraphs and gateway), the same check for
 * operations over graphql-ws and SSE (lib/graphql/operation-check.ts), and a validation rule that lets the
 * error formatter name the field of a literal argument that GraphQL's own validation refused.
 */
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { GraphQLError, Kind, type ASTNode, type ASTVisitor, type ValidationContext } from 'graphql';
import { DomainError } from '../../errors/domain-error';
import { checkOperationInputs, type InputRules } from './check-inputs';

/** A refusal of the input rules as a GraphQL error: BAD_USER_INPUT with `field`, HTTP 400. */
export function inputRuleError(error: DomainError): GraphQLError {
  return new GraphQLError(error.message, {
    extensions: { ...error.details, code: error.code, http: { status: 400 } },
  });
}

/** Checks every argument of an operation once it is resolved, before anything executes. */
export function inputRulesPlugin<C extends BaseContext>(rules: () => InputRules): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request }) {
          if (!operation) return;
          try {
            checkOperationInputs(schema, document, operation, request.variables, rules());
          } catch (error) {
            throw error instanceof DomainError ? inputRuleError(error) : error;
          }
        },
      };
    },
  };
}

// The field each literal value of a validated document stands for (`input.purchaseDate`). Kept beside the
// document's own nodes, so it goes when the document goes.
const literalFields = new WeakMap<ASTNode, string>();

/** The argument path of a literal value GraphQL's validation refused (`error.nodes[0]`), if it is one. */
export function literalFieldOf(node: ASTNode | undefined): string | undefined {
  return node ? literalFields.get(node) : undefined;
}

/**
 * A validation rule that refuses nothing: it labels each literal argument value with its path, so that
 * "Expected value of type DateTime, found …" becomes BAD_USER_INPUT with `field`, like a bad variable.
 */
export function labelLiteralArguments(_context: ValidationContext): ASTVisitor {
  const path: string[] = [];
  const label = (node: ASTNode) => {
    if (path.length > 0) literalFields.set(node, path.join('.'));
  };
  return {
    Argument: {
      enter: (node) => void path.push(node.name.value),
      leave: () => void path.pop(),
    },
    ObjectField: {
      enter: (node) => void path.push(node.name.value),
      leave: () => void path.pop(),
    },
    [Kind.STRING]: label,
    [Kind.INT]: label,
    [Kind.FLOAT]: label,
    [Kind.BOOLEAN]: label,
    [Kind.ENUM]: label,
    [Kind.NULL]: label,
    [Kind.LIST]: label,
    [Kind.OBJECT]: label,
  };
}
