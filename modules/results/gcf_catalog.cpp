#include "modules/results/indicator.h"

namespace citygrants::results {
namespace {

Indicator make(std::string code, Unit unit, Aggregation aggregation,
               std::vector<std::string> dims, std::array<std::string, 4> names,
               std::array<std::string, 4> definitions) {
  Indicator i;
  i.code = std::move(code);
  i.unit = unit;
  i.aggregation = aggregation;
  i.dimensions = std::move(dims);
  i.names = std::move(names);
  i.definitions = std::move(definitions);
  return i;
}

}  // namespace

std::vector<Indicator> gcfIndicators() {
  const std::vector<std::string> people = {"population_group", "sex", "age_band", "reach"};
  return {
      make("people_reached", Unit::kPeople, Aggregation::kSum, people,
           {"People reached", "Personnes atteintes", "Personas alcanzadas", "Pessoas alcançadas"},
           {"People who received a service or took part in an activity of the programme in the period.",
            "Personnes ayant reçu un service ou participé à une activité du programme pendant la période.",
            "Personas que recibieron un servicio o participaron en una actividad del programa en el período.",
            "Pessoas que receberam um serviço ou participaram de uma atividade do programa no período."}),
      make("households_reached", Unit::kHouseholds, Aggregation::kSum, {"population_group"},
           {"Households reached", "Ménages atteints", "Hogares alcanzados", "Domicílios alcançados"},
           {"Households with at least one member reached in the period.",
            "Ménages dont au moins un membre a été atteint pendant la période.",
            "Hogares con al menos un miembro alcanzado en el período.",
            "Domicílios com pelo menos um membro alcançado no período."}),
      make("services_delivered", Unit::kServices, Aggregation::kSum, {},
           {"Services delivered", "Services fournis", "Servicios prestados", "Serviços prestados"},
           {"Individual services delivered (consultations, referrals, trainings, legal aid sessions).",
            "Services individuels fournis (consultations, orientations, formations, aide juridique).",
            "Servicios individuales prestados (consultas, derivaciones, formaciones, asesoría legal).",
            "Serviços individuais prestados (consultas, encaminhamentos, formações, apoio jurídico)."}),
      make("follow_on_funding", Unit::kCurrency, Aggregation::kSum, {},
           {"Follow-on funding raised", "Financements additionnels mobilisés",
            "Financiamiento adicional movilizado", "Financiamento adicional mobilizado"},
           {"Money the city raised from other sources for the programme (leverage), in the call's currency.",
            "Fonds que la ville a mobilisés auprès d'autres sources pour le programme (effet de levier).",
            "Fondos que la ciudad movilizó de otras fuentes para el programa (apalancamiento).",
            "Recursos que a cidade mobilizou de outras fontes para o programa (alavancagem)."}),
      make("programme_institutionalised", Unit::kYesNo, Aggregation::kLatest, {},
           {"Programme institutionalised", "Programme institutionnalisé",
            "Programa institucionalizado", "Programa institucionalizado"},
           {"The city has adopted the programme in its own budget or policy (yes or no).",
            "La ville a intégré le programme à son budget ou à ses politiques (oui ou non).",
            "La ciudad adoptó el programa en su presupuesto o sus políticas (sí o no).",
            "A cidade incorporou o programa ao seu orçamento ou às suas políticas (sim ou não)."}),
      make("people_placed_in_jobs", Unit::kPeople, Aggregation::kSum, {"population_group", "sex"},
           {"People placed in jobs", "Personnes placées en emploi", "Personas colocadas en empleos",
            "Pessoas colocadas em empregos"},
           {"People who started paid work with the programme's help in the period.",
            "Personnes ayant commencé un emploi rémunéré grâce au programme pendant la période.",
            "Personas que comenzaron un empleo remunerado con ayuda del programa en el período.",
            "Pessoas que começaram um trabalho remunerado com a ajuda do programa no período."}),
      make("children_enrolled", Unit::kPeople, Aggregation::kSum, {"population_group", "sex"},
           {"Children enrolled in school", "Enfants scolarisés", "Niños y niñas matriculados",
            "Crianças matriculadas"},
           {"Children aged 0-17 enrolled in school or early childhood care with the programme's help.",
            "Enfants de 0 à 17 ans inscrits à l'école ou en crèche grâce au programme.",
            "Niños y niñas de 0 a 17 años matriculados en la escuela o en cuidado infantil gracias al programa.",
            "Crianças de 0 a 17 anos matriculadas na escola ou em creche com a ajuda do programa."}),
  };
}

}  // namespace citygrants::results
