import type { Phrasebook } from "./phrasings";

export const EN_PHRASES: Phrasebook = {
  questions: {
    situation: [
      "How do you handle customer conversations on WhatsApp today?",
      "How many people on your team talk to customers right now?",
      "Which tool do you use today to keep track of contacts and orders?",
      "Could you walk me through how your sales process works today?",
      "Roughly how many customer chats do you get per day?",
      "To see whether {product} fits: how does your team work on this today?",
    ],
    problem: [
      "What takes the most effort in that process today?",
      "Is it hard to answer everyone in time?",
      "Is there any part of it that doesn't work as well as you'd like?",
      "Have customers ever complained about slow replies or no follow-up?",
      "Are you happy with how that works today?",
      "Thinking about what {product} covers, what's your biggest headache right now?",
    ],
    implication: [
      "And when that happens, what usually happens to the sale?",
      "How much do you think that costs the business each month?",
      "Does that end up affecting your team's targets or your customers' experience?",
      "Have you lost customers because of it?",
      "What impact does that have on revenue by the end of the month?",
      "Does it lead to rework or overload for the team?",
    ],
    need_payoff: [
      "If that were solved, what would change for you?",
      "How much time would you save if that ran on its own?",
      "Would it be useful to have {product} take care of that for you?",
      "Would that help your team hit its targets?",
      "What difference would it make to answer every customer right away?",
      "How do you see {product} helping you day to day?",
    ],
  },
  handoffs: [
    "Shall I bring in one of our specialists to talk this through with you?",
    "If you like, I can pass you to a human specialist who can show you how it works.",
    "Would you like me to call one of our specialists to continue with you?",
  ],
  openers: {
    casual: ["Got it!", "Thanks for sharing.", "Makes sense.", "Noted!", "Cool, that helps a lot.", "Right."],
    formal: [
      "I understand.",
      "Thank you for the information.",
      "Noted, thank you.",
      "I appreciate the detail.",
      "Understood.",
      "Thank you.",
    ],
  },
  intro: {
    casual: { named: "Hi{customer}! {name} here.", anonymous: "Hi{customer}, how are you?" },
    formal: { named: "Hello{customer}, this is {name}.", anonymous: "Hello{customer}, how are you?" },
  },
};
