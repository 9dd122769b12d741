#include "services/mail/catalog.h"

// Portuguese mail: the keys and placeholders of templates_en.cpp.
namespace citygrants::mail {
namespace {

// clang-format off
constexpr Entry kEntries[] = {
  {"proposal_submitted.subject", "{reference}: nova {stage} de {city}"},
  {"proposal_submitted.body",
   "Prezado(a) {name},\n\n"
   "{city} submeteu a {stage} {reference}, “{title}”, com um valor solicitado de "
   "{amount}.\n\n"
   "Ela aguarda a triagem no console:\n{link}"},

  {"submission_received.subject", "{reference}: recebemos a sua {stage}"},
  {"submission_received.body",
   "Prezado(a) {name},\n\n"
   "Obrigado: o fundo recebeu a {stage} {reference}, “{title}”. Os gestores do fundo vão "
   "examiná-la e mantê-lo(a) informado(a) de cada etapa.\n\n"
   "Pode acompanhá-la no console:\n{link}"},

  {"revision_requested.subject", "{reference}: o fundo pede uma revisão"},
  {"revision_requested.body",
   "Prezado(a) {name},\n\n"
   "Os gestores do fundo devolveram a proposta {reference}, “{title}”, para revisão. O "
   "motivo:\n\n{reason}\n\n"
   "Reveja a proposta e submeta-a novamente no console:\n{link}"},

  {"review_assigned.subject", "{reference}: uma proposta de {city} para avaliar"},
  {"review_assigned.body",
   "Prezado(a) {name},\n\n"
   "O fundo pede à sua organização que avalie a proposta {reference}, “{title}”, de {city}, "
   "com um valor solicitado de {amount}.\n\n"
   "Declare qualquer conflito de interesses e, em seguida, aceite ou recuse a avaliação no "
   "console:\n{link}"},

  {"concept_invited.subject", "{reference}: convite para submeter uma proposta completa"},
  {"concept_invited.body",
   "Prezado(a) {name},\n\n"
   "Boas notícias: os gestores do fundo examinaram a nota conceitual {reference}, “{title}”, "
   "e convidam-nos a submeter uma proposta completa. Os comentários:\n\n{reason}\n\n"
   "O rascunho da proposta completa, que retoma a sua nota conceitual, aguarda-o(a) no "
   "console:\n{link}"},

  {"concept_declined.subject", "{reference}: decisão sobre a sua nota conceitual"},
  {"concept_declined.body",
   "Prezado(a) {name},\n\n"
   "Os gestores do fundo examinaram a nota conceitual {reference}, “{title}”, e lamentam não "
   "poder convidar uma proposta completa nesta rodada. Os comentários:\n\n{reason}\n\n"
   "{future}\n\n"
   "A nota conceitual continua disponível no console:\n{link}"},

  {"proposal_approved.subject", "{reference}: a sua proposta foi aprovada"},
  {"proposal_approved.body",
   "Prezado(a) {name},\n\n"
   "Temos o prazer de informar que o fundo aprovou a proposta {reference}, “{title}”, com "
   "uma subvenção de {amount}.\n\n"
   "O acordo da subvenção {grant} aguarda a sua assinatura no console:\n{link}"},

  {"proposal_rejected.subject", "{reference}: decisão sobre a sua proposta"},
  {"proposal_rejected.body",
   "Prezado(a) {name},\n\n"
   "Os gestores do fundo examinaram a proposta {reference}, “{title}”, e lamentam não poder "
   "financiá-la. O motivo:\n\n{reason}\n\n"
   "A proposta continua disponível no console:\n{link}"},

  {"tranche_requested.subject", "{tranche}: {city} solicita {amount}"},
  {"tranche_requested.body",
   "Prezado(a) {name},\n\n"
   "{city} solicitou a parcela {tranche} da subvenção {grant}: {amount}.\n\n"
   "O parceiro de acompanhamento verifica o pedido; depois, os gestores do fundo aprovam-no e "
   "desembolsam-no. A subvenção está no console:\n{link}"},

  {"tranche_verified.subject", "{tranche}: verificada, pronta para aprovação"},
  {"tranche_verified.body",
   "Prezado(a) {name},\n\n"
   "O parceiro de acompanhamento verificou o pedido de {city} para a parcela {tranche} da "
   "subvenção {grant}: {amount}.\n\n"
   "Ela está pronta para aprovação e desembolso, por dois gestores diferentes, no "
   "console:\n{link}"},

  {"tranche_disbursed.subject", "{tranche}: {amount} desembolsados"},
  {"tranche_disbursed.body",
   "Prezado(a) {name},\n\n"
   "O fundo desembolsou a parcela {tranche} da subvenção {grant}: {amount}, referência de "
   "pagamento {payment_reference}.\n\n"
   "O calendário da subvenção está no console:\n{link}"},

  {"message_received.subject", "{reference}: uma mensagem de {sender}"},
  {"message_received.body",
   "Prezado(a) {name},\n\n"
   "{sender} escreveu sobre {reference}, “{title}”:\n\n"
   "{message}\n\n"
   "{files}Leia e responda no console:\n{link}"},

  {"internal_message_received.subject", "{reference}: uma mensagem interna de {sender}"},
  {"internal_message_received.body",
   "Prezado(a) {name},\n\n"
   "{sender} escreveu uma mensagem interna sobre {reference}, “{title}” ({city}). A cidade não "
   "a vê.\n\n"
   "{message}\n\n"
   "{files}Leia e responda no console:\n{link}"},

  {"report_due.subject", "{grant}: {report} com prazo em {due_date}"},
  {"report_due.body",
   "Prezado(a) {name},\n\n"
   "O {report} da subvenção {grant} tem prazo em {due_date}. Enquanto um relatório estiver "
   "atrasado, a parcela seguinte da subvenção não pode ser solicitada.\n\n"
   "Pode redigi-lo e submetê-lo no console:\n{link}"},

  {"report_overdue.subject", "{grant}: {report} atrasado desde {due_date}"},
  {"report_overdue.body",
   "Prezado(a) {name},\n\n"
   "O {report} da subvenção {grant} ({city}) tinha prazo em {due_date} e ainda não foi "
   "submetido. Enquanto um relatório estiver atrasado, a parcela seguinte da subvenção não "
   "pode ser solicitada.\n\n"
   "O relatório está no console:\n{link}"},

  {"review_due.subject", "{reference}: sua avaliação tem prazo em {due_date}"},
  {"review_due.body",
   "Prezado(a) {name},\n\n"
   "A avaliação da sua organização da proposta {reference} de {city} tem prazo em "
   "{due_date}.\n\n"
   "Complete-a e submeta-a no console:\n{link}"},

  {"review_overdue.subject", "{reference}: sua avaliação tinha prazo em {due_date}"},
  {"review_overdue.body",
   "Prezado(a) {name},\n\n"
   "A avaliação da sua organização da proposta {reference} de {city} tinha prazo em "
   "{due_date} e ainda não foi submetida. Se não puder concluí-la, recuse-a para que o fundo "
   "possa pedi-la a outro parceiro.\n\n"
   "A avaliação está no console:\n{link}"},

  {"award_waiting.subject", "{reference}: uma concessão aguarda um segundo gestor"},
  {"award_waiting.body",
   "Prezado(a) {name},\n\n"
   "Uma concessão de {amount} a {city} para a proposta {reference} foi proposta em "
   "{since_date} e ainda aguarda a aprovação de um segundo gestor do fundo.\n\n"
   "Pode aprová-la ou retirá-la no console:\n{link}"},

  {"call_closing.subject", "{call}: a chamada encerra em {closes_date}"},
  {"call_closing.body",
   "Prezado(a) {name},\n\n"
   "A chamada {call}, «{title}», encerra em {closes_date}, e {city} tem nela um rascunho ainda "
   "não submetido. Um rascunho não submetido até lá não poderá ser considerado.\n\n"
   "A chamada e os seus rascunhos estão no console:\n{link}"},

  {"team_invitation.subject", "{inviter} convida você para {organisation} no citygrants"},
  {"team_invitation.body",
   "Olá, {name},\n\n"
   "{inviter} convida você para fazer parte de {organisation} no citygrants, a ferramenta de "
   "acompanhamento de subvenções do Global Cities Fund, como {role}. Para aceitar, abra este "
   "link em até {days} dias e escolha seu nome e uma senha; ele funciona uma única vez:\n"
   "{link}\n\n"
   "Se você não conhece {inviter} ou não esperava esta mensagem, ignore-a: nenhuma conta é "
   "criada."},
  {"role.applicant", "candidato da cidade"},
  {"role.partner", "avaliador parceiro"},
  {"role.fund_manager", "gestor do fundo"},
  {"role.admin", "administrador"},
  {"role.auditor", "auditor (somente leitura)"},

  {"password_reset.subject", "Redefinir sua senha do citygrants"},
  {"password_reset.body",
   "Prezado(a) {name},\n\n"
   "Alguém, esperamos que você, pediu para redefinir a senha da sua conta no citygrants. Para "
   "escolher uma nova senha, abra este link nos próximos {minutes} minutos; ele só funciona "
   "uma vez:\n{link}\n\n"
   "Escolher uma nova senha encerra suas sessões em todos os dispositivos. Se você não pediu "
   "isso, ignore esta mensagem: sua senha continua a mesma."},

  {"amendment_requested.subject", "{grant}: é pedida uma alteração"},
  {"amendment_requested.body",
   "Caro(a) {name},\n\n"
   "É pedida uma alteração da subvenção {grant} de {city}: {kinds}.\n\n"
   "Motivo: {reason}\n\n"
   "Compare as condições anteriores e as novas na consola:\n{link}"},

  {"amendment_reviewed.subject", "{grant}: o parceiro analisou uma alteração"},
  {"amendment_reviewed.body",
   "Caro(a) {name},\n\n"
   "O parceiro de apoio analisou a alteração pedida para a subvenção {grant} de {city}:\n\n"
   "{reason}\n\n"
   "Aguarda a decisão de um gestor do fundo na consola:\n{link}"},

  {"amendment_approved.subject", "{grant}: a alteração foi aprovada"},
  {"amendment_approved.body",
   "Caro(a) {name},\n\n"
   "O fundo aprovou a alteração da subvenção {grant}: {kinds}. As novas condições aplicam-se "
   "quando um gestor do fundo as aplicar.\n\n"
   "Na consola:\n{link}"},

  {"amendment_rejected.subject", "{grant}: a alteração não foi aprovada"},
  {"amendment_rejected.body",
   "Caro(a) {name},\n\n"
   "O fundo não aprovou a alteração da subvenção {grant}: {kinds}.\n\n"
   "Motivo: {reason}\n\n"
   "Na consola:\n{link}"},

  {"amendment_applied.subject", "{grant}: aplicam-se novas condições"},
  {"amendment_applied.body",
   "Caro(a) {name},\n\n"
   "A subvenção {grant} segue agora novas condições: {amount}, até {end_date}. As condições "
   "anteriores ficam guardadas para comparação.\n\n"
   "O calendário da subvenção está na consola:\n{link}"},

  {"kind.extension", "uma data de fim posterior"},
  {"kind.amount", "um novo montante"},
  {"kind.reallocation", "uma realocação entre linhas orçamentais"},
  {"kind.replan", "um novo plano de parcelas"},

  {"footer",
   "--\ncitygrants, Global Cities Fund for Migrants and Refugees\n"
   "Esta mensagem foi enviada automaticamente; as respostas não são lidas."},
  {"no_reason", "(nenhum motivo indicado)"},
  {"message.files", "Arquivos anexados: {count}.\n\n"},
  {"sender.partner", "um parceiro estratégico"},
  {"future_round",
   "Os gestores do fundo registaram a sua cidade como elegível para uma próxima rodada."},
  {"stage.concept", "nota conceitual"},
  {"stage.full", "proposta completa"},
  {"report.progress", "relatório de progresso"},
  {"report.financial", "relatório financeiro"},
  {"report.final", "relatório final"},
  {"money.pattern", "{amount} {currency}"},
  {"money.group", "."},
  {"money.decimal", ","},
  {"date.pattern", "{day} de {month} de {year}"},
  {"month.1", "janeiro"}, {"month.2", "fevereiro"}, {"month.3", "março"},
  {"month.4", "abril"}, {"month.5", "maio"}, {"month.6", "junho"},
  {"month.7", "julho"}, {"month.8", "agosto"}, {"month.9", "setembro"},
  {"month.10", "outubro"}, {"month.11", "novembro"}, {"month.12", "dezembro"},
};
// clang-format on

}  // namespace

std::span<const Entry> portugueseCatalog() { return kEntries; }

}  // namespace citygrants::mail
