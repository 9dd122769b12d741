#include "services/mail/catalog.h"

// French mail: the keys and placeholders of templates_en.cpp.
namespace citygrants::mail {
namespace {

// clang-format off
constexpr Entry kEntries[] = {
  {"proposal_submitted.subject", "{reference} : nouvelle {stage} de {city}"},
  {"proposal_submitted.body",
   "Bonjour {name},\n\n"
   "{city} a soumis la {stage} {reference}, « {title} », pour un montant demandé de "
   "{amount}.\n\n"
   "Elle attend la présélection dans la console :\n{link}"},

  {"submission_received.subject", "{reference} : nous avons bien reçu votre {stage}"},
  {"submission_received.body",
   "Bonjour {name},\n\n"
   "Merci : le fonds a bien reçu la {stage} {reference}, « {title} ». Les gestionnaires du "
   "fonds vont l'examiner et vous tiendront informé(e) de chaque étape.\n\n"
   "Vous pouvez la suivre dans la console :\n{link}"},

  {"revision_requested.subject", "{reference} : le fonds demande une révision"},
  {"revision_requested.body",
   "Bonjour {name},\n\n"
   "Les gestionnaires du fonds vous renvoient la proposition {reference}, « {title} », pour "
   "révision. Leur motif :\n\n{reason}\n\n"
   "Veuillez réviser la proposition et la soumettre à nouveau dans la console :\n{link}"},

  {"review_assigned.subject", "{reference} : une proposition de {city} à évaluer"},
  {"review_assigned.body",
   "Bonjour {name},\n\n"
   "Le fonds demande à votre organisation d'évaluer la proposition {reference}, « {title} », "
   "de {city}, pour un montant demandé de {amount}.\n\n"
   "Veuillez déclarer tout conflit d'intérêts, puis accepter ou décliner l'évaluation dans la "
   "console :\n{link}"},

  {"concept_invited.subject", "{reference} : vous êtes invités à soumettre une proposition complète"},
  {"concept_invited.body",
   "Bonjour {name},\n\n"
   "Bonne nouvelle : les gestionnaires du fonds ont examiné la note conceptuelle {reference}, "
   "« {title} », et vous invitent à soumettre une proposition complète. Leurs "
   "commentaires :\n\n{reason}\n\n"
   "Le brouillon de la proposition complète, qui reprend votre note conceptuelle, vous attend "
   "dans la console :\n{link}"},

  {"concept_declined.subject", "{reference} : décision sur votre note conceptuelle"},
  {"concept_declined.body",
   "Bonjour {name},\n\n"
   "Les gestionnaires du fonds ont examiné la note conceptuelle {reference}, « {title} », et "
   "regrettent de ne pas pouvoir inviter de proposition complète pour ce cycle. Leurs "
   "commentaires :\n\n{reason}\n\n"
   "{future}\n\n"
   "La note conceptuelle reste consultable dans la console :\n{link}"},

  {"proposal_approved.subject", "{reference} : votre proposition est approuvée"},
  {"proposal_approved.body",
   "Bonjour {name},\n\n"
   "Nous avons le plaisir de vous annoncer que le fonds a approuvé la proposition "
   "{reference}, « {title} », avec une subvention de {amount}.\n\n"
   "La convention de la subvention {grant} attend votre signature dans la console :\n{link}"},

  {"proposal_rejected.subject", "{reference} : décision sur votre proposition"},
  {"proposal_rejected.body",
   "Bonjour {name},\n\n"
   "Les gestionnaires du fonds ont examiné la proposition {reference}, « {title} », et "
   "regrettent de ne pas pouvoir la financer. Leur motif :\n\n{reason}\n\n"
   "La proposition reste consultable dans la console :\n{link}"},

  {"tranche_requested.subject", "{tranche} : {city} demande {amount}"},
  {"tranche_requested.body",
   "Bonjour {name},\n\n"
   "{city} a demandé la tranche {tranche} de la subvention {grant} : {amount}.\n\n"
   "Le partenaire d'accompagnement vérifie la demande ; les gestionnaires du fonds "
   "l'approuvent puis la versent. La subvention est dans la console :\n{link}"},

  {"tranche_verified.subject", "{tranche} : vérifiée, prête pour approbation"},
  {"tranche_verified.body",
   "Bonjour {name},\n\n"
   "Le partenaire d'accompagnement a vérifié la demande de {city} pour la tranche {tranche} "
   "de la subvention {grant} : {amount}.\n\n"
   "Elle est prête à être approuvée puis versée, par deux gestionnaires différents, dans la "
   "console :\n{link}"},

  {"tranche_disbursed.subject", "{tranche} : {amount} versés"},
  {"tranche_disbursed.body",
   "Bonjour {name},\n\n"
   "Le fonds a versé la tranche {tranche} de la subvention {grant} : {amount}, référence de "
   "paiement {payment_reference}.\n\n"
   "L'échéancier de la subvention est dans la console :\n{link}"},

  {"message_received.subject", "{reference} : un message de {sender}"},
  {"message_received.body",
   "Bonjour {name},\n\n"
   "{sender} a écrit au sujet de {reference}, « {title} » :\n\n"
   "{message}\n\n"
   "{files}Lisez-le et répondez dans la console :\n{link}"},

  {"internal_message_received.subject", "{reference} : un message interne de {sender}"},
  {"internal_message_received.body",
   "Bonjour {name},\n\n"
   "{sender} a écrit un message interne au sujet de {reference}, « {title} » ({city}). La ville "
   "ne le voit pas.\n\n"
   "{message}\n\n"
   "{files}Lisez-le et répondez dans la console :\n{link}"},

  {"report_due.subject", "{grant} : {report} attendu le {due_date}"},
  {"report_due.body",
   "Bonjour {name},\n\n"
   "Le {report} de la subvention {grant} est attendu le {due_date}. Tant qu'un rapport est en "
   "retard, la tranche suivante de la subvention ne peut pas être demandée.\n\n"
   "Vous pouvez le rédiger et le soumettre dans la console :\n{link}"},

  {"report_overdue.subject", "{grant} : {report} en retard depuis le {due_date}"},
  {"report_overdue.body",
   "Bonjour {name},\n\n"
   "Le {report} de la subvention {grant} ({city}) était attendu le {due_date} et n'a pas "
   "encore été soumis. Tant qu'un rapport est en retard, la tranche suivante de la subvention "
   "ne peut pas être demandée.\n\n"
   "Le rapport est dans la console :\n{link}"},

  {"review_due.subject", "{reference} : votre évaluation est attendue le {due_date}"},
  {"review_due.body",
   "Bonjour {name},\n\n"
   "L'évaluation par votre organisation de la proposition {reference} de {city} est attendue "
   "le {due_date}.\n\n"
   "Veuillez la compléter et la soumettre dans la console :\n{link}"},

  {"review_overdue.subject", "{reference} : votre évaluation était attendue le {due_date}"},
  {"review_overdue.body",
   "Bonjour {name},\n\n"
   "L'évaluation par votre organisation de la proposition {reference} de {city} était "
   "attendue le {due_date} et n'a pas encore été soumise. Si vous ne pouvez pas la terminer, "
   "veuillez la décliner afin que le fonds puisse solliciter un autre partenaire.\n\n"
   "L'évaluation est dans la console :\n{link}"},

  {"award_waiting.subject", "{reference} : une attribution attend un second gestionnaire"},
  {"award_waiting.body",
   "Bonjour {name},\n\n"
   "Une attribution de {amount} à {city} pour la proposition {reference} a été proposée le "
   "{since_date} et attend toujours l'approbation d'un second gestionnaire du fonds.\n\n"
   "Vous pouvez l'approuver ou la retirer dans la console :\n{link}"},

  {"call_closing.subject", "{call} : l'appel se clôt le {closes_date}"},
  {"call_closing.body",
   "Bonjour {name},\n\n"
   "L'appel {call}, « {title} », se clôt le {closes_date}, et {city} y a un brouillon qui "
   "n'est pas encore soumis. Un brouillon non soumis à cette date ne pourra pas être "
   "examiné.\n\n"
   "L'appel et vos brouillons sont dans la console :\n{link}"},

  {"team_invitation.subject", "{inviter} vous invite à rejoindre {organisation} sur citygrants"},
  {"team_invitation.body",
   "Bonjour {name},\n\n"
   "{inviter} vous invite à rejoindre {organisation} sur citygrants, l'outil de suivi des "
   "subventions du Global Cities Fund, en tant que {role}. Pour accepter, ouvrez ce lien dans "
   "les {days} jours, puis choisissez votre nom et un mot de passe ; il ne fonctionne qu'une "
   "fois :\n{link}\n\n"
   "Si vous ne connaissez pas {inviter} ou n'attendiez pas ce message, ignorez-le : aucun compte "
   "n'est créé."},
  {"role.applicant", "candidat de la ville"},
  {"role.partner", "évaluateur partenaire"},
  {"role.fund_manager", "gestionnaire du fonds"},
  {"role.admin", "administrateur"},
  {"role.auditor", "auditeur (lecture seule)"},

  {"password_reset.subject", "Réinitialiser votre mot de passe citygrants"},
  {"password_reset.body",
   "Bonjour {name},\n\n"
   "Quelqu'un, vous sans doute, a demandé à réinitialiser le mot de passe de votre compte "
   "citygrants. Pour choisir un nouveau mot de passe, ouvrez ce lien dans les {minutes} "
   "minutes ; il ne sert qu'une fois :\n{link}\n\n"
   "Choisir un nouveau mot de passe vous déconnecte partout. Si vous n'avez rien demandé, "
   "ignorez ce message : votre mot de passe reste inchangé."},

  {"amendment_requested.subject", "{grant} : une modification est demandée"},
  {"amendment_requested.body",
   "Bonjour {name},\n\n"
   "Une modification de la subvention {grant} de {city} est demandée : {kinds}.\n\n"
   "Motif : {reason}\n\n"
   "Comparez les anciennes et les nouvelles conditions dans la console :\n{link}"},

  {"amendment_reviewed.subject", "{grant} : le partenaire a examiné une modification"},
  {"amendment_reviewed.body",
   "Bonjour {name},\n\n"
   "Le partenaire d'appui a examiné la modification demandée pour la subvention {grant} de "
   "{city} :\n\n"
   "{reason}\n\n"
   "Elle attend la décision d'un gestionnaire du fonds dans la console :\n{link}"},

  {"amendment_approved.subject", "{grant} : la modification est approuvée"},
  {"amendment_approved.body",
   "Bonjour {name},\n\n"
   "Le fonds a approuvé la modification de la subvention {grant} : {kinds}. Les nouvelles "
   "conditions s'appliquent dès qu'un gestionnaire du fonds les applique.\n\n"
   "Dans la console :\n{link}"},

  {"amendment_rejected.subject", "{grant} : la modification n'est pas approuvée"},
  {"amendment_rejected.body",
   "Bonjour {name},\n\n"
   "Le fonds n'a pas approuvé la modification de la subvention {grant} : {kinds}.\n\n"
   "Motif : {reason}\n\n"
   "Dans la console :\n{link}"},

  {"amendment_applied.subject", "{grant} : de nouvelles conditions s'appliquent"},
  {"amendment_applied.body",
   "Bonjour {name},\n\n"
   "La subvention {grant} suit désormais de nouvelles conditions : {amount}, jusqu'au "
   "{end_date}. Les conditions précédentes sont conservées pour comparaison.\n\n"
   "Le calendrier de la subvention est dans la console :\n{link}"},

  {"kind.extension", "une date de fin plus tardive"},
  {"kind.amount", "un nouveau montant"},
  {"kind.reallocation", "une réaffectation entre lignes budgétaires"},
  {"kind.replan", "un nouveau plan des tranches"},

  {"footer",
   "--\ncitygrants, Global Cities Fund for Migrants and Refugees\n"
   "Ce message a été envoyé automatiquement ; les réponses ne sont pas lues."},
  {"no_reason", "(aucun motif indiqué)"},
  {"message.files", "Fichiers joints : {count}.\n\n"},
  {"sender.partner", "un partenaire stratégique"},
  {"future_round",
   "Les gestionnaires du fonds ont noté que votre ville est éligible pour un prochain cycle."},
  {"stage.concept", "note conceptuelle"},
  {"stage.full", "proposition complète"},
  {"report.progress", "rapport d'avancement"},
  {"report.financial", "rapport financier"},
  {"report.final", "rapport final"},
  {"money.pattern", "{amount} {currency}"},
  {"money.group", "\u202f"},  // narrow no-break space, as French writes thousands
  {"money.decimal", ","},
  {"date.pattern", "{day} {month} {year}"},
  {"month.1", "janvier"}, {"month.2", "février"}, {"month.3", "mars"},
  {"month.4", "avril"}, {"month.5", "mai"}, {"month.6", "juin"},
  {"month.7", "juillet"}, {"month.8", "août"}, {"month.9", "septembre"},
  {"month.10", "octobre"}, {"month.11", "novembre"}, {"month.12", "décembre"},
};
// clang-format on

}  // namespace

std::span<const Entry> frenchCatalog() { return kEntries; }

}  // namespace citygrants::mail
