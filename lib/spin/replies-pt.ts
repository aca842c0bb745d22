import type { Phrasebook } from "./replies";

// Short WhatsApp Portuguese: "você" to one person, "vocês" when the customer speaks for a team.
export const PT_REPLIES: Phrasebook = {
  questions: {
    situation: [
      ["Me conta: como funciona hoje o seu atendimento aos clientes?", "Me conta: como funciona hoje o atendimento de vocês?"],
      ["Você usa alguma ferramenta para organizar isso hoje?", "Vocês usam alguma ferramenta para organizar isso hoje?"],
      ["Mais ou menos quantos clientes te procuram por dia?", "Mais ou menos quantos clientes procuram vocês por dia?"],
      ["Você cuida disso sozinho ou tem alguém junto?", "Quantas pessoas cuidam disso aí na equipe?"],
      ["Como você faz isso hoje no dia a dia?", "Como vocês fazem isso hoje no dia a dia?"],
      ["Há quanto tempo você trabalha desse jeito?", "Há quanto tempo vocês trabalham desse jeito?"],
    ],
    problem: [
      ["O que mais te dá trabalho nisso hoje?", "O que mais dá trabalho para vocês nisso hoje?"],
      ["Tem alguma parte disso que não funciona como você gostaria?", "Tem alguma parte disso que não funciona como vocês gostariam?"],
      ["Você tem dificuldade para responder todo mundo a tempo?", "Vocês têm dificuldade para responder todo mundo a tempo?"],
      "Os clientes já reclamaram de demora ou de falta de retorno?",
      ["O que mais te incomoda no jeito que funciona hoje?", "O que mais incomoda vocês no jeito que funciona hoje?"],
      ["Se pudesse mudar uma coisa nisso hoje, o que seria?", "Se vocês pudessem mudar uma coisa nisso hoje, o que seria?"],
    ],
    implication: [
      "E quando isso acontece, o que costuma acontecer com a venda?",
      ["Quanto você acha que isso te custa por mês?", "Quanto vocês acham que isso custa por mês?"],
      ["Você já perdeu clientes por causa disso?", "Vocês já perderam clientes por causa disso?"],
      ["Isso acaba tomando o tempo que você usaria para vender?", "Isso acaba tomando o tempo que a equipe usaria para vender?"],
      ["Que impacto isso tem no seu faturamento no fim do mês?", "Que impacto isso tem no faturamento de vocês no fim do mês?"],
      ["Isso já te gerou retrabalho ou estresse?", "Isso já gerou retrabalho ou estresse para a equipe?"],
    ],
    need_payoff: [
      ["Se isso estivesse resolvido, o que mudaria para você?", "Se isso estivesse resolvido, o que mudaria para vocês?"],
      ["Seria útil ter {o_produto} cuidando disso para você?", "Seria útil ter {o_produto} cuidando disso para vocês?"],
      ["Quanto tempo você acha que economizaria se isso funcionasse sozinho?", "Quanto tempo vocês economizariam se isso funcionasse sozinho?"],
      "Que diferença faria ter isso resolvido de vez?",
      ["Como você imagina {o_produto} ajudando no seu dia a dia?", "Como vocês imaginam {o_produto} ajudando no dia a dia?"],
    ],
  },
  offers: [
    ["Quer que eu chame um especialista para te mostrar como {o_produto} resolve isso?", "Querem que eu chame um especialista para mostrar como {o_produto} resolve isso?"],
    ["Posso chamar alguém da equipe para te mostrar {o_produto} funcionando?", "Posso chamar alguém da equipe para mostrar {o_produto} funcionando para vocês?"],
    ["Se quiser, chamo um especialista para conversar com você sobre isso. Pode ser?", "Se quiserem, chamo um especialista para conversar com vocês sobre isso. Pode ser?"],
  ],
  acks: {
    situation: ["Legal, {term}.", "Entendi, {term}.", "Certo, {term}."],
    problem: ["Entendi, {term}…", "Poxa, {term}…", "Sei como é, {term}…"],
    implication: ["Nossa, {term}… isso pesa.", "Poxa, {term}…", "Entendi, {term}… isso custa caro."],
    need_payoff: ["Faz sentido, {term}.", "Boa, {term}!", "Perfeito, {term}."],
  },
  plainAcks: ["Entendi.", "Certo.", "Anotado."],
  declined: ["Sem problema!", "Tranquilo!", "Tudo bem!"],
  intro: { named: "Oi! Aqui é {artigo} {nome}.", anonymous: "Oi, tudo bem?" },
  isBot: {
    named: [
      "Sou {artigo} {nome}, assistente virtual da equipe: sim, um robô 🙂 Se preferir falar com uma pessoa, é só pedir.",
      "Sou {artigo} {nome}, assistente virtual da equipe: sim, um robô 🙂 Se preferirem falar com uma pessoa, é só pedir.",
    ],
    anonymous: [
      "Sou a assistente virtual da equipe: sim, um robô 🙂 Se preferir falar com uma pessoa, é só pedir.",
      "Sou a assistente virtual da equipe: sim, um robô 🙂 Se preferirem falar com uma pessoa, é só pedir.",
    ],
  },
  priceUnknown: [
    "Sobre valores, uma pessoa da equipe vai te mandar os detalhes por aqui.",
    "Sobre valores, uma pessoa da equipe vai mandar os detalhes para vocês por aqui.",
  ],
  faqUnknown: [
    "Boa pergunta! Vou pedir para uma pessoa da equipe te confirmar isso por aqui.",
    "Boa pergunta! Vou pedir para uma pessoa da equipe confirmar isso para vocês por aqui.",
  ],
  handoff: [
    "Combinado! Uma pessoa da nossa equipe vai continuar a conversa com você por aqui.",
    "Combinado! Uma pessoa da nossa equipe vai continuar a conversa com vocês por aqui.",
  ],
  optOut: [
    "Tudo certo, você não vai mais receber mensagens nossas. Desculpe o incômodo.",
    "Tudo certo, vocês não vão mais receber mensagens nossas. Desculpe o incômodo.",
  ],
  audioNotice: [
    "Ainda não consigo ouvir áudios por aqui. Pode me escrever em texto?",
    "Ainda não consigo ouvir áudios por aqui. Vocês podem me escrever em texto?",
  ],
  audioHandoff: [
    "Vou pedir para uma pessoa da equipe ouvir seu áudio e te responder por aqui.",
    "Vou pedir para uma pessoa da equipe ouvir o áudio de vocês e responder por aqui.",
  ],
  visualNotice: [
    "Recebi seu arquivo, mas não consigo abrir imagens nem documentos por aqui. Me conta em texto do que se trata?",
    "Recebi o arquivo de vocês, mas não consigo abrir imagens nem documentos por aqui. Me contam em texto do que se trata?",
  ],
  visualHandoff: [
    "Vou pedir para uma pessoa da equipe dar uma olhada no que você mandou e te responder por aqui.",
    "Vou pedir para uma pessoa da equipe dar uma olhada no que vocês mandaram e responder por aqui.",
  ],
  closings: [
    ["Fico à disposição por aqui!", "Fico à disposição de vocês por aqui!"],
    "Qualquer coisa, é só chamar.",
    "Estou por aqui se precisar de algo.",
  ],
  closedNotice: "Estamos fora do horário de atendimento agora. Voltamos {reopens}.",
  closedHandoff: [
    "Estamos fora do horário de atendimento agora, então a equipe te responde {reopens}.",
    "Estamos fora do horário de atendimento agora, então a equipe responde para vocês {reopens}.",
  ],
};
