import type { Phrasebook } from "./replies";

export const EN_REPLIES: Phrasebook = {
  questions: {
    situation: [
      "How do you handle customer conversations today?",
      "Do you use any tool to keep this organized today?",
      "Roughly how many customers reach out to you per day?",
      "Do you handle this yourself, or is there a team?",
      "How does this work for you day to day?",
      "How long have you been working this way?",
    ],
    problem: [
      "What takes the most effort in that today?",
      "Is there any part of it that doesn't work as well as you'd like?",
      "Is it hard to answer everyone in time?",
      "Have customers ever complained about slow replies or no follow-up?",
      "What bothers you most about how it works today?",
      "If you could change one thing about it, what would it be?",
    ],
    implication: [
      "And when that happens, what usually happens to the sale?",
      "How much do you think that costs you each month?",
      "Have you lost customers because of it?",
      "Does it eat into the time you'd spend selling?",
      "What impact does that have on revenue by the end of the month?",
      "Has it caused rework or stress for you?",
    ],
    need_payoff: [
      "If that were solved, what would change for you?",
      "Would it be useful to have {produto} take care of that for you?",
      "How much time do you think you'd save if that ran on its own?",
      "What difference would it make to have that solved for good?",
      "How do you picture {produto} helping you day to day?",
    ],
  },
  offers: [
    "Would you like me to bring in a specialist to show you how {produto} handles this?",
    "Shall I ask someone from the team to show you {produto} in action?",
    "If you like, I can have a specialist talk this through with you. Sound good?",
  ],
  acks: {
    situation: ["Nice, {term}.", "Got it, {term}.", "Right, {term}."],
    problem: ["Got it, {term}…", "Oh, {term}…", "I hear you, {term}…"],
    implication: ["Ouch, {term}… that adds up.", "Oh no, {term}…", "I see, {term}… that's costly."],
    need_payoff: ["Makes sense, {term}.", "Great, {term}!", "Perfect, {term}."],
  },
  plainAcks: ["Got it.", "Right.", "Noted."],
  declined: ["No problem!", "Sure, no rush!", "All good!"],
  intro: { named: "Hi! {nome} here.", anonymous: "Hi, how are you?" },
  isBot: {
    named: "I'm {nome}, the team's virtual assistant: yes, a bot 🙂 If you'd rather talk to a person, just ask.",
    anonymous: "I'm the team's virtual assistant: yes, a bot 🙂 If you'd rather talk to a person, just ask.",
  },
  priceUnknown: "A person from our team will send you the pricing details here.",
  faqUnknown: "Good question! I'll have someone from the team confirm that for you here.",
  handoff: "Sure! A person from our team will pick up the conversation with you here.",
  optOut: "Understood, you won't get any more messages from us. Sorry for the bother.",
  audioNotice: "I can't listen to voice messages here yet. Could you type it for me?",
  audioHandoff: "I'll ask someone from our team to listen to your voice message and reply here.",
  visualNotice: "Thanks for the file! I can't open images or documents here. Could you tell me in a few words what it's about?",
  visualHandoff: "I'll ask someone from our team to take a look at what you sent and reply here.",
  closings: ["I'm here if you need anything.", "Just message me if anything comes up.", "Happy to help whenever you need."],
};
