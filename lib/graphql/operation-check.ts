/**
 * Parses, validates and resolves an operation sent over a transport Apollo Server does not handle
 * (graphql-ws, SSE), with the codes Apollo gives over HTTP, so that a client's mistake comes back as such
 * (not as an internal error, nor as a closed socket).
 */
import {
  getOperationAST,
  getVariableValues,
  GraphQLError,
  parse,
  specifiedRules,
  validate,
  type DocumentNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import { DomainError } from '../errors/domain-error';
import { checkOperationInputs, inputRuleError, labelLiteralArguments, type InputRules } from './input';

/** A copy of `error` with another `extensions.code`. */
export function withCode(error: GraphQLError, code: string): GraphQLError {
  return new GraphQLError(error.message, {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    path: error.path,
    originalError: error.originalError,
    extensions: { ...error.extensions, code },
  });
}

export type CheckedOperation = { document: DocumentNode; operation: OperationDefinitionNode };

/** GRAPHQL_PARSE_FAILED, GRAPHQL_VALIDATION_FAILED or OPERATION_RESOLUTION_FAILURE, or the operation. */
export function checkOperation(
  schema: GraphQLSchema,
  query: string,
  operationName: string | null | undefined,
): CheckedOperation | readonly GraphQLError[] {
  let document: DocumentNode;
  try {
    document = parse(query);
  } catch (error) {
    if (error instanceof GraphQLError) return [withCode(error, 'GRAPHQL_PARSE_FAILED')];
    throw error;
  }
  const invalid = validate(schema, document, [...specifiedRules, labelLiteralArguments]);
  if (invalid.length > 0) return invalid.map((error) => withCode(error, 'GRAPHQL_VALIDATION_FAILED'));
  const operation = getOperationAST(document, operationName);
  if (!operation) return [unresolvedOperation(operationName)];
  return { document, operation };
}

/** OPERATION_RESOLUTION_FAILURE: the document has no operation by that name, or several and no name. */
export function unresolvedOperation(
  operationName: string | null | undefined,
  http?: { status: number },
): GraphQLError {
  const message = operationName
    ? `The document has no operation named "${operationName}": send the name of one of its operations.`
    : 'The document holds several operations: name the one to run in operationName.';
  return new GraphQLError(message, {
    extensions: { code: 'OPERATION_RESOLUTION_FAILURE', ...(http && { http }) },
  });
}

/**
 * BAD_USER_INPUT errors for arguments the input rules refuse (lib/graphql/input) and for variables that do
 * not fit the operation, or none.
 */
export function inputErrors(
  { document, operation }: CheckedOperation,
  schema: GraphQLSchema,
  variables: Record<string, unknown>,
  rules: InputRules,
): readonly GraphQLError[] {
  try {
    checkOperationInputs(schema, document, operation, variables, rules);
  } catch (error) {
    if (error instanceof DomainError) return [inputRuleError(error)];
    throw error;
  }
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables, {
    maxErrors: 50,
  });
  return coerced.errors?.map((error) => withCode(error, 'BAD_USER_INPUT')) ?? [];
}
