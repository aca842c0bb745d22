export {
  INTENTS,
  SPIN_ORDER,
  furthestStage,
  isSpinStage,
  stageAfter,
  stageIndex,
  type ChatAuthor,
  type ChatTurn,
  type Intent,
  type Language,
  type SpinStage,
} from "./types";
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
export { defaultKnowledge, knowledgeProblems, KNOWLEDGE_LIMITS, type AgentKnowledge, type FaqEntry } from "./knowledge";
export { readPersona, shortProductName, type PersonaTraits } from "./persona";
export { stagesShown, type StageShown } from "./evidence";
export { detectIntent, type IntentFound } from "./intents";
export { decideBurst, mediaTurn, wordsOf, type IncomingMessage, type MediaPolicy, type MediaTurn } from "./media";
export { closedReply, knowledgeWithHours, type ClosedReply, type OpeningHours } from "./opening";
export { decideTurn, type StagePassed, type TurnDecision, type TurnInput } from "./turn";
export { stageReason } from "./timeline";
export { runConversation, type ConversationOptions, type ConversationStep } from "./conversation";
export { ratio, scoreConversations, type ConversationScore, type ExpectedTurn, type ScoredConversation, type Tally } from "./scoring";
export type { ModelRequest } from "./model-prompt";
export {
  ModelProviderError,
  createModelProvider,
  modelAnswerSchema,
  type ModelAnswer,
  type ModelErrorKind,
  type ModelProvider,
  type ModelProviderOptions,
} from "./model";
export { decideReply, modelProviderFromEnv, ModelRuleError, type DecideOptions, type ReplyDecision } from "./engine";
