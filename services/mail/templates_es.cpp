#include "services/mail/catalog.h"

// Spanish mail: the keys and placeholders of templates_en.cpp.
namespace citygrants::mail {
namespace {

// clang-format off
constexpr Entry kEntries[] = {
  {"proposal_submitted.subject", "{reference}: nueva {stage} de {city}"},
  {"proposal_submitted.body",
   "Estimado/a {name}:\n\n"
   "{city} ha presentado la {stage} {reference}, «{title}», por un importe solicitado de "
   "{amount}.\n\n"
   "Está a la espera de la preselección en la consola:\n{link}"},

  {"submission_received.subject", "{reference}: hemos recibido su {stage}"},
  {"submission_received.body",
   "Estimado/a {name}:\n\n"
   "Gracias: el fondo ha recibido la {stage} {reference}, «{title}». Los gestores del fondo la "
   "examinarán y le informarán de cada paso.\n\n"
   "Puede seguirla en la consola:\n{link}"},

  {"revision_requested.subject", "{reference}: el fondo solicita una revisión"},
  {"revision_requested.body",
   "Estimado/a {name}:\n\n"
   "Los gestores del fondo le devuelven la propuesta {reference}, «{title}», para su "
   "revisión. Su motivo:\n\n{reason}\n\n"
   "Revise la propuesta y preséntela de nuevo en la consola:\n{link}"},

  {"review_assigned.subject", "{reference}: una propuesta de {city} para evaluar"},
  {"review_assigned.body",
   "Estimado/a {name}:\n\n"
   "El fondo pide a su organización que evalúe la propuesta {reference}, «{title}», de "
   "{city}, por un importe solicitado de {amount}.\n\n"
   "Declare cualquier conflicto de intereses y, después, acepte o rechace la evaluación en la "
   "consola:\n{link}"},

  {"concept_invited.subject", "{reference}: les invitamos a presentar una propuesta completa"},
  {"concept_invited.body",
   "Estimado/a {name}:\n\n"
   "Buenas noticias: los gestores del fondo han examinado la nota conceptual {reference}, "
   "«{title}», y les invitan a presentar una propuesta completa. Sus comentarios:\n\n"
   "{reason}\n\n"
   "El borrador de la propuesta completa, que retoma su nota conceptual, le espera en la "
   "consola:\n{link}"},

  {"concept_declined.subject", "{reference}: decisión sobre su nota conceptual"},
  {"concept_declined.body",
   "Estimado/a {name}:\n\n"
   "Los gestores del fondo han examinado la nota conceptual {reference}, «{title}», y "
   "lamentan no poder invitar una propuesta completa en esta convocatoria. Sus "
   "comentarios:\n\n{reason}\n\n"
   "{future}\n\n"
   "La nota conceptual sigue disponible en la consola:\n{link}"},

  {"proposal_approved.subject", "{reference}: su propuesta ha sido aprobada"},
  {"proposal_approved.body",
   "Estimado/a {name}:\n\n"
   "Nos complace comunicarle que el fondo ha aprobado la propuesta {reference}, «{title}», "
   "con una subvención de {amount}.\n\n"
   "El convenio de la subvención {grant} espera su firma en la consola:\n{link}"},

  {"proposal_rejected.subject", "{reference}: decisión sobre su propuesta"},
  {"proposal_rejected.body",
   "Estimado/a {name}:\n\n"
   "Los gestores del fondo han examinado la propuesta {reference}, «{title}», y lamentan no "
   "poder financiarla. Su motivo:\n\n{reason}\n\n"
   "La propuesta sigue disponible en la consola:\n{link}"},

  {"tranche_requested.subject", "{tranche}: {city} solicita {amount}"},
  {"tranche_requested.body",
   "Estimado/a {name}:\n\n"
   "{city} ha solicitado el tramo {tranche} de la subvención {grant}: {amount}.\n\n"
   "El socio de acompañamiento verifica la solicitud; después, los gestores del fondo la "
   "aprueban y la desembolsan. La subvención está en la consola:\n{link}"},

  {"tranche_verified.subject", "{tranche}: verificado, listo para su aprobación"},
  {"tranche_verified.body",
   "Estimado/a {name}:\n\n"
   "El socio de acompañamiento ha verificado la solicitud de {city} para el tramo {tranche} "
   "de la subvención {grant}: {amount}.\n\n"
   "Está listo para su aprobación y desembolso, por dos gestores distintos, en la "
   "consola:\n{link}"},

  {"tranche_disbursed.subject", "{tranche}: {amount} desembolsados"},
  {"tranche_disbursed.body",
   "Estimado/a {name}:\n\n"
   "El fondo ha desembolsado el tramo {tranche} de la subvención {grant}: {amount}, "
   "referencia de pago {payment_reference}.\n\n"
   "El calendario de la subvención está en la consola:\n{link}"},

  {"message_received.subject", "{reference}: un mensaje de {sender}"},
  {"message_received.body",
   "Estimado/a {name}:\n\n"
   "{sender} ha escrito sobre {reference}, «{title}»:\n\n"
   "{message}\n\n"
   "{files}Léalo y responda en la consola:\n{link}"},

  {"internal_message_received.subject", "{reference}: un mensaje interno de {sender}"},
  {"internal_message_received.body",
   "Estimado/a {name}:\n\n"
   "{sender} ha escrito un mensaje interno sobre {reference}, «{title}» ({city}). La ciudad no "
   "lo ve.\n\n"
   "{message}\n\n"
   "{files}Léalo y responda en la consola:\n{link}"},

  {"report_due.subject", "{grant}: {report} con vencimiento el {due_date}"},
  {"report_due.body",
   "Estimado/a {name}:\n\n"
   "El {report} de la subvención {grant} vence el {due_date}. Mientras un informe esté "
   "vencido, no se puede solicitar el siguiente tramo de la subvención.\n\n"
   "Puede redactarlo y presentarlo en la consola:\n{link}"},

  {"report_overdue.subject", "{grant}: {report} vencido desde el {due_date}"},
  {"report_overdue.body",
   "Estimado/a {name}:\n\n"
   "El {report} de la subvención {grant} ({city}) vencía el {due_date} y aún no se ha "
   "presentado. Mientras un informe esté vencido, no se puede solicitar el siguiente tramo de "
   "la subvención.\n\n"
   "El informe está en la consola:\n{link}"},

  {"review_due.subject", "{reference}: su evaluación vence el {due_date}"},
  {"review_due.body",
   "Estimado/a {name}:\n\n"
   "La evaluación de su organización de la propuesta {reference} de {city} vence el "
   "{due_date}.\n\n"
   "Complétela y preséntela en la consola:\n{link}"},

  {"review_overdue.subject", "{reference}: su evaluación vencía el {due_date}"},
  {"review_overdue.body",
   "Estimado/a {name}:\n\n"
   "La evaluación de su organización de la propuesta {reference} de {city} vencía el "
   "{due_date} y aún no se ha presentado. Si no puede completarla, rechácela para que el fondo "
   "pueda pedírsela a otro socio.\n\n"
   "La evaluación está en la consola:\n{link}"},

  {"award_waiting.subject", "{reference}: una adjudicación espera a un segundo gestor"},
  {"award_waiting.body",
   "Estimado/a {name}:\n\n"
   "Una adjudicación de {amount} a {city} para la propuesta {reference} se propuso el "
   "{since_date} y sigue esperando la aprobación de un segundo gestor del fondo.\n\n"
   "Puede aprobarla o retirarla en la consola:\n{link}"},

  {"call_closing.subject", "{call}: la convocatoria cierra el {closes_date}"},
  {"call_closing.body",
   "Estimado/a {name}:\n\n"
   "La convocatoria {call}, «{title}», cierra el {closes_date}, y {city} tiene en ella un "
   "borrador aún no presentado. Un borrador no presentado para entonces no podrá ser "
   "considerado.\n\n"
   "La convocatoria y sus borradores están en la consola:\n{link}"},

  {"team_invitation.subject", "{inviter} le invita a unirse a {organisation} en citygrants"},
  {"team_invitation.body",
   "Hola, {name}:\n\n"
   "{inviter} le invita a unirse a {organisation} en citygrants, la herramienta de seguimiento "
   "de subvenciones del Global Cities Fund, como {role}. Para aceptar, abra este enlace dentro "
   "de {days} días y elija su nombre y una contraseña; funciona una sola vez:\n{link}\n\n"
   "Si no conoce a {inviter} o no esperaba este mensaje, ignórelo: no se crea ninguna cuenta."},
  {"role.applicant", "solicitante de la ciudad"},
  {"role.partner", "evaluador socio"},
  {"role.fund_manager", "gestor del fondo"},
  {"role.admin", "administrador"},
  {"role.auditor", "auditor (solo lectura)"},

  {"password_reset.subject", "Restablecer su contraseña de citygrants"},
  {"password_reset.body",
   "Estimado/a {name}:\n\n"
   "Alguien, esperamos que usted, ha pedido restablecer la contraseña de su cuenta de "
   "citygrants. Para elegir una contraseña nueva, abra este enlace en los próximos {minutes} "
   "minutos; solo sirve una vez:\n{link}\n\n"
   "Elegir una contraseña nueva cierra su sesión en todas partes. Si no lo ha pedido, ignore "
   "este mensaje: su contraseña sigue igual."},

  {"amendment_requested.subject", "{grant}: se pide un cambio"},
  {"amendment_requested.body",
   "Estimado/a {name}:\n\n"
   "Se pide un cambio de la subvención {grant} de {city}: {kinds}.\n\n"
   "Motivo: {reason}\n\n"
   "Compare las condiciones anteriores y las nuevas en la consola:\n{link}"},

  {"amendment_reviewed.subject", "{grant}: el socio ha revisado un cambio"},
  {"amendment_reviewed.body",
   "Estimado/a {name}:\n\n"
   "El socio de apoyo ha revisado el cambio pedido para la subvención {grant} de {city}:\n\n"
   "{reason}\n\n"
   "Espera la decisión de un gestor del fondo en la consola:\n{link}"},

  {"amendment_approved.subject", "{grant}: el cambio está aprobado"},
  {"amendment_approved.body",
   "Estimado/a {name}:\n\n"
   "El fondo ha aprobado el cambio de la subvención {grant}: {kinds}. Las nuevas condiciones "
   "rigen cuando un gestor del fondo las aplique.\n\n"
   "En la consola:\n{link}"},

  {"amendment_rejected.subject", "{grant}: el cambio no está aprobado"},
  {"amendment_rejected.body",
   "Estimado/a {name}:\n\n"
   "El fondo no ha aprobado el cambio de la subvención {grant}: {kinds}.\n\n"
   "Motivo: {reason}\n\n"
   "En la consola:\n{link}"},

  {"amendment_applied.subject", "{grant}: rigen nuevas condiciones"},
  {"amendment_applied.body",
   "Estimado/a {name}:\n\n"
   "La subvención {grant} sigue ahora nuevas condiciones: {amount}, hasta el {end_date}. Las "
   "condiciones anteriores se conservan para compararlas.\n\n"
   "El calendario de la subvención está en la consola:\n{link}"},

  {"kind.extension", "una fecha de fin más tardía"},
  {"kind.amount", "un nuevo importe"},
  {"kind.reallocation", "una reasignación entre líneas presupuestarias"},
  {"kind.replan", "un nuevo plan de tramos"},

  {"footer",
   "--\ncitygrants, Global Cities Fund for Migrants and Refugees\n"
   "Este mensaje se ha enviado automáticamente; las respuestas no se leen."},
  {"no_reason", "(sin motivo indicado)"},
  {"message.files", "Archivos adjuntos: {count}.\n\n"},
  {"sender.partner", "un socio estratégico"},
  {"future_round",
   "Los gestores del fondo han registrado a su ciudad como elegible para una próxima "
   "convocatoria."},
  {"stage.concept", "nota conceptual"},
  {"stage.full", "propuesta completa"},
  {"report.progress", "informe de progreso"},
  {"report.financial", "informe financiero"},
  {"report.final", "informe final"},
  {"money.pattern", "{amount} {currency}"},
  {"money.group", "."},
  {"money.decimal", ","},
  {"date.pattern", "{day} de {month} de {year}"},
  {"month.1", "enero"}, {"month.2", "febrero"}, {"month.3", "marzo"},
  {"month.4", "abril"}, {"month.5", "mayo"}, {"month.6", "junio"},
  {"month.7", "julio"}, {"month.8", "agosto"}, {"month.9", "septiembre"},
  {"month.10", "octubre"}, {"month.11", "noviembre"}, {"month.12", "diciembre"},
};
// clang-format on

}  // namespace

std::span<const Entry> spanishCatalog() { return kEntries; }

}  // namespace citygrants::mail
