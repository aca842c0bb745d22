import type { StageCueSource } from "./stage-cues";

// What a Brazilian customer's own words show about each SPIN stage, accent-free with chat
// shorthand expanded. Written for precision: a stage once shown is never taken back.
// Losses of business (a verb of losing + what the business lives on) are built in stage-cues.ts.
export const PT_STAGE_CUES: StageCueSource = {
  situation: {
    strong: [
      "uso", "usamos", "utilizamos", "utilizo", "hoje usa*", "a gente usa", "trabalho com", "trabalhamos com",
      "somos #", "somos em", "somos uma", "somos um", "tenho uma", "tenho um", "temos uma", "temos um",
      "temos #", "tenho #", "# vendedor*", "# atendente*", "# pessoas", "# funcionari*", "# lojas", "# clientes",
      "# corretor*", "# recepcionista*", "# unidades", "# representante*", "# alunos", "# pacientes",
      "cada vendedor", "cada corretor", "cada um usa", "atendo", "atendemos", "vendo", "vendemos", "recebo",
      "recebemos", "trabalho sozinh*", "sou eu", "moro", "nosso time", "nossa equipe", "minha equipe",
    ],
    medium: [
      "planilha", "caderno", "pelo whatsapp", "no whatsapp", "pelo instagram", "whatsapp business", "crm",
      "sistema", "celular", "por dia", "por semana", "mais ou menos", "tenho", "temos", "a gente tem",
      "sou", "manual*", "pipedrive", "excel", "anoto", "anotamos",
    ],
  },
  problem: {
    strong: [
      "problema*", "dificuldade*", "dificil", "complicad*", "bagunca", "baguncad*", "confus*", "desorganiz*",
      "nao consigo", "nao conseguimos", "nao consegue*", "nao da conta", "nao damos conta", "nao dou conta",
      "dar conta", "esquec*", "se perde*", "se perdem", "fico perdido", "fico perdida", "ficamos perdidos",
      "estou perdido", "estou perdida", "demor*", "reclam*", "chato", "dor de cabeca", "sufoco",
      "ninguem sabe", "ninguem responde", "ninguem se entende", "ninguem confirma", "nao sei o que",
      "nao sei quem", "nao sei mais", "nao da para saber", "nao da para", "espalhad*", "misturad*",
      "desencontrad*", "desatualizad*", "atrasad*", "muito trabalho", "trabalhoso", "sobrecarreg*", "caos",
      "caotico", "apertad*", "nao cabe", "muito alt*", "muito car*", "insatisfeit*", "incomod*", "lento",
      "lentidao", "trava*", "sem resposta", "sem retorno", "correria", "nao ve*", "repetir",
      "leva horas", "nao tenho tempo", "falta de tempo", "tanta mensage*", "muita mensage*", "tanto cliente",
    ],
    medium: ["ninguem", "o pior", "ruim", "pessimo", "erro*", "errad*", "falha*", "frustr*", "cansativ*"],
    weak: ["tanta*", "tanto", "as vezes", "tem dia"],
  },
  implication: {
    strong: [
      "concorren*", "outro lugar", "compra* de outro", "compra* com outro", "fecha* com outro", "outra loja", "outra empresa", "desist*",
      "cancel* _ pedido*", "pedidos cancelad*", "prejuizo*", "multa*", "faturamento", "se continuar",
      "vai embora", "vao embora", "levam os clientes", "leva os clientes", "sai da empresa", "deix* de vender",
      "deix* de faturar", "deix* de ganhar", "deix* de fechar", "isso custa", "nos custa", "me custa",
      "custou", "custa caro", "dinheiro jogado", "hora extra", "horas extras", "estress*",
      "avaliac* ruim", "nota baixa", "avaliac* cairam", "avaliac* caindo", "apertando o orcamento", "falta de paciente*", "faltam", "no show",
      "vendas cair*", "vendas cairam", "caiu as vendas", "cairam as vendas", "queda", "nao volta*",
      "compra* em outro", "fecha com", "fechou com", "deixam de comprar", "somem", "sumiu", "sumir",
    ],
    medium: ["cairam", "caindo", "por causa disso", "por conta disso", "tive que", "tivemos que", "gastando"],
    weak: ["por causa", "por isso", "cortar", "dinheiro", "pagando", "mes passado", "acab*", "gasto*"],
  },
  need_payoff: {
    strong: [
      "seria otimo", "seria bom", "seria top", "seria perfeito", "seria util", "seria muito", "seria incrivel",
      "seria ideal", "seria legal", "seria excelente", "seria uma mao", "ia ser bom", "ia ser otimo",
      "ia ser top", "ia ser muito", "ia ajudar", "iria ajudar", "ajudaria*", "vai ajudar", "ajudar muito",
      "facilitaria", "ia facilitar", "economizari*", "ganharia*", "resolveria", "mudaria", "faria diferenca",
      "quero resolver", "queria resolver", "quero organizar", "queria organizar", "quero automatizar",
      "queria automatizar", "quero um jeito", "queria um jeito", "quero uma forma", "quero uma ferramenta",
      "quero um sistema", "quero uma solucao", "quero algo", "queria algo", "preciso de algo",
      "preciso de uma", "preciso de um", "precisamos de", "gostaria de ter", "gostaria de resolver",
      "demonstracao", "uma demo", "tenho interesse", "adoraria", "amaria", "sonho", "seria bom automatizar", "queria aproveitar",
      "quero aproveitar", "quero melhorar", "queria melhorar", "quero parar de", "seria show", "vai ser otimo",
      "vai ser bom", "vai ser top", "vai ser perfeito", "seria maravilh*", "ia ser maravilh*",
    ],
    medium: ["automatiz*", "seria*", "centraliz*", "tudo num lugar", "tudo em um lugar", "num lugar so", "resolver"],
  },
};
