export { SPIN_ORDER, isSpinStage, stageIndex, type Language, type SpinStage } from "./types";
export { normalizeBase, normalizeText, normalizeTokens } from "./normalize";
export { detectLanguage } from "./language";
export { classifySpinStage, type SpinClassification } from "./classify";
export {
  evaluateClassifier,
  formatEvaluation,
  type Evaluation,
  type LabelledSample,
  type StageKey,
  type StageTally,
} from "./evaluate";
export {
  ADVANCE_MIN_CONFIDENCE,
  BACKWARD_MIN_CONFIDENCE,
  SKIP_MIN_CONFIDENCE,
  nextStage,
  questionStage,
  type StageEvidence,
  type StageTransition,
} from "./stage";
export { planReply, type PlanInput, type PlannedReply } from "./planner";
export type { ChatAuthor, ChatTurn, ModelRequest } from "./model-prompt";
export {
  ModelProviderError,
  createModelProvider,
  type ModelAnswer,
  type ModelErrorKind,
  type ModelProvider,
  type ModelProviderOptions,
} from "./model";
export {
  decideByRules,
  decideReply,
  modelProviderFromEnv,
  type DecideOptions,
  type ReplyDecision,
  type ReplyInput,
} from "./engine";
