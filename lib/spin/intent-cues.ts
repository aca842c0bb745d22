import type { Intent } from "./types";

/**
 * Phrases that carry an intent, accent-free with chat shorthand expanded (cue syntax of cues.ts),
 * in both languages: customers mix them. `whole` phrases count only as the entire message
 * ("para", "STOP"), where elsewhere they are ordinary words.
 */
export interface IntentCueSource {
  phrases: string[];
  whole?: string[];
  /** Count only in a question or a request: "preço diferente" is no price question, "e o preço?" is. */
  asked?: string[];
}

export const INTENT_CUES: Record<Exclude<Intent, "faq">, IntentCueSource> = {
  opt_out: {
    phrases: [
      "pare", "parem", "para de mandar", "para de me mandar", "para de enviar", "para de me enviar", "parar de mandar",
      "parar de receber", "para de me chamar", "para de encher", "nao tenho interesse", "nao tenho mais interesse",
      "sem interesse", "nao me interessa", "nao quero mais receber", "nao quero receber", "nao quero mais mensage*",
      "nao quero mais nada", "nao quero mais contato", "me tira* da", "me tira* dessa", "me tira* desta",
      "tira* meu numero", "tira* meu contato", "me remove*", "me remova", "remove* meu numero", "remova meu numero",
      "descadastr*", "sair da lista", "sair dessa lista", "nao me mande*", "nao me manda*", "nao mande* mais",
      "nao manda mais", "nao me chama*", "nao me chame*", "cancelar as mensage*", "cancelar mensage*",
      "chega de mensage*", "nao entre* mais em contato", "me deixa em paz", "me deixe em paz",
      "vou denunciar", "vou bloquear", "spam", "please stop", "unsubscrib*", "opt out", "remove me", "take me off",
      "not interested", "no interest", "do not message me", "do not text me", "do not contact me", "do not write",
      "leave me alone", "remove my number", "remove my contact", "delete my number", "stop messaging", "stop texting", "stop sending", "stop contacting", "never message me",
    ],
    whole: ["para", "chega", "sair", "parar", "stop", "para por favor", "stop please", "stop it", "nao quero mais", "sai fora"],
  },
  human: {
    phrases: [
      "falar com uma pessoa", "falar com pessoa", "falar com um humano", "falar com humano", "falar com atendente",
      "falar com um atendente", "falar com uma atendente", "falar com o atendente", "falar com alguem",
      "falar com um vendedor", "falar com uma vendedora", "falar com vendedor", "falar com um consultor",
      "falar com uma consultora", "falar com o gerente", "falar com o dono", "falar com a dona",
      "falar com um especialista", "falar com o responsavel", "falar com gente", "conversar com alguem",
      "conversar com uma pessoa", "atendimento humano", "atendente humano", "quero um atendente", "quero uma pessoa",
      "quero um humano", "tem alguem ai", "alguem ai", "alguem me responde", "ninguem vai me responder",
      "ninguem me responde", "me liga", "me ligar", "me ligue", "liga para mim", "me chama no telefone",
      "conversar por telefone", "falar por telefone", "passa* para alguem", "passa* para um", "passa* para uma", "me passa* para",
      "transfere", "chama alguem", "chama um especialista", "chama uma pessoa", "chama o especialista",
      "pode chamar", "chama sim", "pode me ligar", "demonstracao com alguem", "talk to a", "talk to someone",
      "talk to somebody", "talk to a human", "talk to a person", "speak to", "speak with", "talk to a real",
      "want a real person", "need a real person", "real person please", "with a human", "to a human", "anyone there", "anybody there", "someone there", "is someone there", "call me",
      "give me a call", "someone call me", "connect me", "put me through", "transfer me",
    ],
    whole: ["alo", "alguem", "ola alguem", "oi alguem", "hello anyone"],
  },
  is_bot: {
    phrases: [
      "robo", "um bot", "e bot", "chatbot", "e automatico", "ou e automatico", "mensagem automatica",
      "inteligencia artificial", "e uma ia", "voce e ia", "voce e uma pessoa", "e humano", "e humana",
      "voce e real", "e de verdade", "e uma pessoa de verdade", "falando com uma pessoa", "falando com um robo", "falando com quem", "quem fala",
      "quem esta falando", "quem e voce", "com quem eu falo", "com quem falo", "quem esta ai",
      "a bot", "robot", "are you human", "are you a human", "are you real", "are you a real", "is this a real", "are you a person", "are you an ai", "is this ai",
      "is this automated", "automated", "who is this", "who are you", "who am i talking", "who is talking",
      "talking to a bot", "talking to a machine",
    ],
    whole: ["quem", "quem e", "who", "bot"],
  },
  price: {
    phrases: [
      "quanto custa", "quanto e", "quanto fica", "quanto sai", "quanto cobra*", "quanto voces cobram",
      "quanto e o", "quanto esta", "quanto que e", "quanto que custa", "qual o valor", "qual valor", "qual e o valor", "qual o preco", "qual preco",
      "qual e o preco", "quais os valores", "tabela de preco*", "qual o investimento", "qual o custo",
      "um orcamento", "how much", "pricing", "what does it cost", "cost per", "a quote",
    ],
    asked: ["valores", "preco*", "desconto*", "mensalidade", "plano*", "price*", "plans", "subscription", "fee", "fees", "quanto _ custa"],
    whole: ["valor", "preco", "price"],
  },
  greeting: {
    phrases: [],
    whole: [],
  },
};

// A greeting opens the message ("oi", "bom dia!", "hello there, we are…").
export const GREETING_OPENERS = [
  "oi", "oie", "ola", "bom dia", "boa tarde", "boa noite", "opa", "salve", "hey", "hi", "hello", "helo",
  "good morning", "good afternoon", "good evening", "howdy", "hiya",
];
// Greetings only as the first clause on its own: "e ai, tudo bem?" greets, "e ai o cliente…" does not;
// "blz." alone greets, "blz, a gente usa…" agrees.
export const GREETING_CLAUSES = ["e ai", "eai", "eae", "e ai tudo bem", "tudo bem", "tudo bom", "tudo certo", "yo", "sup"];
export const GREETING_WHOLE = ["blz", "beleza", "blza", "tranquilo"];
