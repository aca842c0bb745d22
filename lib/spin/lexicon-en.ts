import type { LexiconSource } from "./lexicon";

// English cues, with apostrophes dropped and chat shorthand expanded ("i'd" -> "i would").
export const EN_LEXICON: LexiconSource = {
  situation: {
    strong: [
      "how many", "how long have", "what tool*", "what system*", "which tool*", "which system*",
      "which crm", "what crm", "what do you use", "do you use", "are you using", "you guys use",
      "we use", "we currently", "currently use", "walk me through", "tell me about", "# employees",
      "# people", "# reps", "# salespeople", "# agents", "# clients", "# customers", "# stores",
      "# orders", "there are # of", "theres # of", "how does your", "how do you currently",
    ],
    medium: [
      "currently", "right now", "at the moment", "these days", "how do you", "how your team", "we have",
      "weve got", "we got", "were a", "we are a", "our team", "employees", "staff", "handle*", "use for",
      "use to", "been selling", "per week", "per day", "per month", "a day", "a week", "crm",
    ],
    weak: [
      "use", "using", "today", "spreadsheet", "excel", "sheet", "roughly", "approximately", "mostly",
      "shifts", "manager", "team", "all in", "manually", "which",
    ],
  },
  problem: {
    strong: [
      "problem*", "difficult*", "struggl*", "complain*", "frustrat*", "annoy*", "headache*",
      "challeng*", "trouble", "is it hard", "hard to", "losing track", "lose track", "lost track",
      "not working", "does not work", "can not keep up", "overwhelm*", "dissatisf*", "pain point*",
      "drowning", "biggest issue", "unhappy",
    ],
    medium: [
      "issue*", "hard", "mess", "messy", "chaos", "chaotic", "slow", "forever", "forget*", "forgot",
      "out of date", "outdated", "buried", "happy with", "satisf*", "too many", "not enough", "keep up",
      "nobody knows", "no one knows", "worr*", "concern*", "tough", "fall through", "tedious",
      "time consuming", "stuck",
    ],
    weak: ["wrong", "delay*", "manual work", "pain", "missed", "nobody"],
  },
  implication: {
    strong: [
      "leads to", "lead to", "as a result", "result in*", "because of", "end up", "ends up", "ended up",
      "cost you", "cost us", "costs you", "costs us", "costing", "affect*", "impact*", "effect*",
      "consequen*", "what happens", "los* deal*", "los* sale*", "los* customer*", "los* client*",
      "lost our", "somewhere else", "elsewhere", "which means", "knock on", "slip away", "you lose",
      "do you lose", "miss* sales", "miss* deals", "money on the table",
    ],
    medium: [
      "due to", "so we", "revenue", "money", "morale", "burn* out", "burnout", "quit", "churn*",
      "competitor*", "it means", "bad review*", "drop*", "fortune", "hurt*", "damag*", "we lose",
      "cost", "costs", "and then", "miss out", "missing out", "turnover",
    ],
    weak: ["lose", "losing", "lost", "angry", "means", "growth", "conversion", "refund*", "every single"],
  },
  need_payoff: {
    strong: [
      "would it help", "would that help", "how valuable", "would love", "love to", "would be great",
      "be great", "would be helpful", "would be useful", "would it be worth", "worth to you",
      "would save", "make it easier", "make life easier", "if you could", "if you had", "if we had",
      "what would that mean", "benefit*", "useful", "helpful", "get started", "sign up", "demo",
      "need a solution", "want a solution", "sort this out", "fix this", "solve this", "interested",
    ],
    medium: [
      "valuable", "worth", "fix", "solve", "solution", "pricing", "price", "book a", "save*", "easier",
      "would be", "want to", "wish", "ideal*", "never miss", "how much would", "would make",
      "can you send pricing", "quote", "trial",
    ],
    weak: ["would", "help*", "automat*", "need a", "we need"],
  },
  none: {
    strong: [
      "good morning", "good afternoon", "good evening", "thanks", "thank you", "thank", "bye",
      "see you", "talk tomorrow", "talk later", "sounds good", "got it", "what time", "where are you",
      "address", "located", "pix", "invoice", "opening hours", "are you open",
    ],
    medium: [
      "hi", "hello", "hey", "ok", "okay", "cool", "nice", "haha*", "lol", "open", "location",
      "delivery", "deliver", "shipping", "sunday*", "saturday*", "email", "key", "tomorrow",
    ],
    weak: ["send me", "great", "perfect", "sure", "alright"],
  },
};
