import type { StageCueSource } from "./stage-cues";

// What an English-writing customer's own words show about each SPIN stage, apostrophes dropped
// and chat shorthand expanded ("im" -> "i am", "bc" -> "because").
export const EN_STAGE_CUES: StageCueSource = {
  situation: {
    strong: [
      "we use", "we are using", "i use", "using", "we have", "i have", "we run", "i run", "we sell", "i sell",
      "we are a", "we are an", "were a", "were an", "i am a", "we currently", "currently use", "team of #",
      "# reps", "# people", "# stores", "# clients", "# customers", "# employees", "# agents", "# locations",
      "# salespeople", "# of us", "we take", "i take", "we get", "our team", "our sales",
    ],
    medium: [
      "spreadsheet*", "sheets", "excel", "crm", "hubspot", "shopify", "instagram", "whatsapp", "currently",
      "per day", "per week", "a day", "a week", "myself", "manually",
    ],
  },
  problem: {
    strong: [
      "mess", "messy", "chaos", "chaotic", "hard to", "difficult*", "struggl*", "nobody knows", "no one knows",
      "forget*", "forgot*", "keep missing", "miss* messages", "miss* chats", "missing messages", "out of date",
      "outdated", "takes me hours", "takes us hours", "take* forever", "takes hours", "hours every day",
      "slow", "overwhelm*", "can not keep up", "too many", "buried", "lose track", "losing track", "lost track",
      "fall through", "falls through", "tedious", "annoy*", "frustrat*", "complain*", "problem*", "issue*",
      "headache*", "time consuming", "waste* time", "wasting time", "pain", "nightmare", "confus*",
      "get forgotten", "disorganized", "not working", "does not work", "never know", "drop* the ball",
      "nobody follows", "no one follows", "drowning", "swamped", "trouble", "stuck", "annoyed", "waiting", "fall behind", "falling behind",
    ],
    medium: ["manual work", "delay*"],
    weak: ["hard", "always", "every time", "late", "behind"],
  },
  implication: {
    strong: [
      "someone else", "somewhere else", "elsewhere", "competitor*", "cancel*", "end up", "ends up", "ended up",
      "costs us", "costing", "cost us", "because of it", "because of this", "because of that", "unprofessional",
      "bad review*", "churn*", "refund*", "quit", "burn* out", "burnout", "burning out", "stress*", "dropped",
      "went down", "fell", "revenue", "money on the table", "lose business", "penalt*", "never come back",
      "walk away", "give up", "gave up", "go elsewhere", "a fortune", "costing us",
    ],
    medium: ["money", "which means", "means we"],
    weak: ["because"],
  },
  need_payoff: {
    strong: [
      "would be great", "would be nice", "would be awesome", "would be helpful", "would be useful",
      "would be amazing", "would be perfect", "would help", "would save", "would love", "would make",
      "would mean", "love to", "save us", "save me", "save time", "save hours",
      "help a lot", "helps a lot", "need something", "need a tool", "need a way", "need a solution",
      "need help", "looking for a", "looking for something", "want to automate", "want to fix", "want to solve",
      "demo", "interested in", "sounds useful", "if we could", "if i could", "if replies", "if we had",
      "if i had", "if it could", "automate", "would it help", "would that help", "wish we had", "wish i had",
    ],
    medium: ["interested", "easier", "solution", "fix this", "solve this", "spread the load"],
    weak: ["would", "that would", "it would"],
  },
};
