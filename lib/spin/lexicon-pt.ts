import type { LexiconSource } from "./lexicon";

// Brazilian Portuguese cues, accent-free and with chat shorthand already expanded.
export const PT_LEXICON: LexiconSource = {
  situation: {
    strong: [
      "quantos", "quantas", "usamos", "utilizamos", "atualmente", "hoje em dia", "hoje a gente",
      "hoje usamos", "voces usam", "voce usa", "voces utilizam", "qual sistema", "que sistema",
      "qual ferramenta", "que ferramenta", "qual programa", "como funciona", "me conta", "me fala como",
      "como e feito", "como voces fazem", "# pessoas", "# funcionarios", "# vendedores", "# atendentes",
      "# lojas", "# clientes", "somos em", "trabalhamos com", "ha quanto tempo", "desde quando",
    ],
    medium: [
      "usa*", "uso", "utiliz*", "temos", "somos", "funcionarios", "atendentes", "recebemos", "recebem",
      "vendemos", "desde", "como voces", "cada vendedor", "nossa empresa", "nossa loja", "nosso time",
      "nossa equipe", "trabalham", "o processo", "fazem hoje", "crm", "tamanho da",
    ],
    weak: [
      "planilha", "caderno", "sistema", "equipe", "vendedores", "loja*", "por dia", "por semana",
      "manual", "celular", "whatsapp business", "mais ou menos", "em media", "cerca de", "uns",
    ],
  },
  problem: {
    strong: [
      "problema*", "dificuldade*", "dificil", "dificeis", "reclam*", "complicad*", "dor de cabeca",
      "incomod*", "insatisfeit*", "satisfeit*", "nao consigo", "nao conseguimos", "nao consegue*",
      "nao da conta", "nao damos conta", "sufoco", "chato", "frustr*", "se perde*", "desorganiz*",
    ],
    medium: [
      "bagunca", "demor*", "esquec*", "desatualizad*", "atras*", "falha*", "erro*", "confus*", "ruim",
      "pior", "trava*", "lento", "lentidao", "sem resposta", "dar conta", "ninguem sabe", "nao sabe*",
      "perde*", "perdemos", "deixa a desejar", "o que mais", "preocup*", "muito trabalho", "sobrecarreg*",
    ],
    weak: ["acompanhar", "ninguem", "tanto", "tanta*", "as vezes", "controlar", "tempo de resposta"],
  },
  implication: {
    strong: [
      "faz com que", "acaba gerando", "acaba*", "por causa", "por conta disso", "por isso", "efeito*",
      "impact*", "afeta*", "atrapalha*", "prejuizo*", "isso custa", "custa por", "custa para voce*",
      "deixa* de faturar", "deixa* de vender", "deixa* de ganhar", "perd* venda*", "perd* _ venda*",
      "perd* client*", "perd* _ client*", "consequencia*", "quando isso acontece", "o que acontece",
      "reflet*", "dinheiro na mesa", "resultado",
    ],
    medium: [
      "gera*", "faturamento", "deixa* de", "desist*", "concorren*", "retrabalho", "estress*", "no fim das contas",
      "no final das contas", "nao volta*", "cair*", "cairam", "caiu", "leva a", "significa", "custa*", "ja perd*",
      "vai embora", "vao embora", "compra de outro", "sai da empresa", "vao junto",
    ],
    weak: ["dinheiro", "meta*", "quanto voce acha", "e quando", "ao final"],
  },
  need_payoff: {
    strong: [
      "seria util", "ajudaria*", "se voces tivessem", "se voce tivesse", "se tivesse*", "se desse",
      "economizari*", "quero resolver", "adoraria", "seria otimo", "seria bom", "seria interessante",
      "seria muito", "facilitaria", "faria diferenca", "mudaria", "valeria", "como contrat*",
      "demonstracao", "ganhariam", "ganharia", "o que acha de", "quero uma solucao",
    ],
    medium: [
      "util", "economiz*", "resolver", "solucao", "quero", "queria", "gostaria", "seria*", "ia ser",
      "iria*", "facilit*", "vale a pena", "demo", "contrat*", "qual o valor", "qual o preco",
      "quanto fica", "quanto custa", "preciso de", "precisamos de", "interess*", "beneficio*", "vantage*", "se fosse",
      "centraliz*",
    ],
    weak: ["ajudar*", "preco*", "valor", "automatic*", "automatiz*", "diferenca", "poderia*", "bater a meta"],
  },
  none: {
    strong: [
      "bom dia", "boa tarde", "boa noite", "tudo bem", "tudo certo", "obrigad*", "valeu", "endereco",
      "horario*", "que horas", "chave pix", "pix", "boleto", "frete", "falamos amanha", "ate mais",
      "ate logo", "ate amanha",
    ],
    medium: [
      "oi", "ola", "beleza", "ok", "esta bom", "k", "kk", "haha*", "rs", "rsrs", "verdade", "combinado",
      "abrem", "abre", "fecham", "sabado", "domingo", "entrega*", "onde fica*", "localiza*", "cep",
      "nota fiscal", "falou",
    ],
    weak: ["manda", "mandar", "amanha", "certo", "show", "top"],
  },
};
