/** The input layer every subgraph and the gateway share: text rules, `@length`, Pulse's scalars. */
import type { DocumentNode } from 'graphql';
import { PULSE_SCALARS } from '../scalars';
import type { InputRules } from './check-inputs';
import { lengthLimitsOf } from './length-directive';

export { checkOperationInputs, type InputRules } from './check-inputs';
export {
  inputRuleError,
  inputRulesPlugin,
  labelLiteralArguments,
  literalFieldOf,
} from './input-rules-plugin';
export { LENGTH_DIRECTIVE } from './length-directive';
export { checkText, textProblem } from './text-rules';

/** The rules of a schema written in SDL (a subgraph's, or a supergraph): its `@length`s and Pulse's scalars. */
export function inputRulesOf(sdl: DocumentNode): InputRules {
  return { lengths: lengthLimitsOf(sdl), scalars: PULSE_SCALARS };
}
