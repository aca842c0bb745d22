import type { Phrasebook } from "./phrasings";

export const PT_PHRASES: Phrasebook = {
  questions: {
    situation: [
      "Como vocês cuidam hoje do atendimento aos clientes pelo WhatsApp?",
      "Quantas pessoas atendem os clientes aí na equipe hoje?",
      "Que ferramenta vocês usam hoje para organizar contatos e pedidos?",
      "Me conta um pouco: como funciona hoje o processo de vendas de vocês?",
      "Mais ou menos quantas conversas com clientes vocês recebem por dia?",
      "Para eu entender se {product} faz sentido para vocês: como vocês trabalham hoje nessa parte?",
    ],
    problem: [
      "O que mais dá trabalho hoje nesse processo?",
      "Vocês têm alguma dificuldade para responder todo mundo a tempo?",
      "Tem alguma parte disso que não funciona tão bem quanto vocês gostariam?",
      "Os clientes já reclamaram de demora ou de falta de retorno?",
      "Vocês ficam satisfeitos com o jeito que isso funciona hoje?",
      "Pensando no que {product} resolve, qual é a maior dor de cabeça de vocês hoje?",
    ],
    implication: [
      "E quando isso acontece, o que costuma acontecer com a venda?",
      "Quanto vocês acham que isso custa por mês para a empresa?",
      "Isso acaba afetando a meta da equipe ou a experiência dos clientes?",
      "Vocês já perderam clientes por causa disso?",
      "Que impacto isso tem no faturamento no fim do mês?",
      "E isso gera retrabalho ou sobrecarga para a equipe?",
    ],
    need_payoff: [
      "Se isso estivesse resolvido, o que mudaria para vocês?",
      "Quanto tempo vocês economizariam se isso funcionasse sozinho?",
      "Seria útil ter {product} cuidando disso para vocês?",
      "Isso ajudaria a equipe a bater a meta?",
      "Que diferença faria responder todo cliente na hora?",
      "Na sua visão, como {product} ajudaria vocês no dia a dia?",
    ],
  },
  handoffs: [
    "Posso chamar um especialista da nossa equipe para conversar com você sobre isso?",
    "Se quiser, passo a conversa para um especialista humano que te mostra como funciona.",
    "Quer que eu chame um dos nossos especialistas para seguir com você?",
  ],
  openers: {
    casual: ["Entendi!", "Boa, obrigado por contar.", "Faz sentido.", "Anotado!", "Legal, isso ajuda bastante.", "Certo."],
    formal: [
      "Compreendo.",
      "Muito obrigado pela informação.",
      "Perfeito, anotado.",
      "Agradeço o retorno.",
      "Entendido.",
      "Certo, obrigado.",
    ],
  },
  intro: {
    casual: { named: "Oi{customer}! Aqui é {name}.", anonymous: "Oi{customer}, tudo bem?" },
    formal: { named: "Olá{customer}, aqui é {name}.", anonymous: "Olá{customer}, como vai?" },
  },
};
