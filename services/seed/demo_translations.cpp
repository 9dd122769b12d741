#include "services/seed/demo_translations.h"

#include <string_view>
#include <utility>

namespace citygrants::seed {
namespace {

struct Translated {
  std::string_view title;  // as the city wrote it
  std::string_view english;
};

// clang-format off
constexpr Translated kProposals[] = {
  {"Montevideo acoge: vivienda y empleo para personas migrantes",
   "Montevideo Welcomes: housing and work for migrants\n\n"
   "A municipal programme that combines temporary housing, job placement and psychosocial "
   "support for migrants and refugees."},
  {"Barranquilla sin fronteras: salud y educación",
   "Barranquilla without borders: health and education\n\n"
   "Health and education care pathways for Venezuelan migrants and host communities in the "
   "neighbourhoods of the south-west."},
  {"São Paulo Acolhe: centros de referência para imigrantes",
   "São Paulo Welcomes: reference centres for immigrants\n\n"
   "Expanding the reference centres with services in several languages, legal advice and "
   "Portuguese courses for immigrants and refugees."},
  {"São Paulo: cozinhas comunitárias com refugiados",
   "São Paulo: community kitchens with refugees\n\n"
   "Community kitchens run by refugees as a place of income, social life and food security in "
   "the central neighbourhoods."},
  {"São Paulo: escolas de acolhida para crianças imigrantes",
   "São Paulo: welcoming schools for immigrant children\n\n"
   "School reception, extra Portuguese lessons and support for the families of immigrant and "
   "refugee children in the city's central schools."},
};
// clang-format on

struct CallWords {
  std::string_view code;
  std::string_view language;
  std::string_view title;
  std::string_view description;  // "" when not translated
};

constexpr CallWords kCalls[] = {
    {"GCF-2026", "fr",
     "Global Cities Fund 2026 : des services urbains inclusifs pour les personnes migrantes et "
     "réfugiées",
     "Des subventions directes de 200 000 à 500 000 USD sur 24 mois pour des programmes que les "
     "villes "
     "conçoivent avec les personnes migrantes, réfugiées et déplacées internes."},
    {"GCF-2026", "es",
     "Global Cities Fund 2026: servicios urbanos inclusivos para personas migrantes y refugiadas",
     "Subvenciones directas de 200.000 a 500.000 USD durante 24 meses para programas que las "
     "ciudades "
     "diseñan con personas migrantes, refugiadas y desplazadas internas."},
    {"GCF-2026", "pt",
     "Global Cities Fund 2026: serviços urbanos inclusivos para pessoas migrantes e refugiadas",
     "Subvenções diretas de 200.000 a 500.000 USD ao longo de 24 meses para programas que as "
     "cidades "
     "concebem com pessoas migrantes, refugiadas e deslocadas internas."},
    {"GCF-2027", "fr", "Global Cities Fund 2027 (en préparation)", ""},
};

struct CriterionWords {
  std::string_view code;
  std::string_view guidance_en;
  std::string_view fr_name, fr_guidance, es_name, es_guidance, pt_name, pt_guidance;
};

constexpr CriterionWords kCriteria[] = {
    {"relevance",
     "Does the programme answer needs the city has documented, for the groups it names?",
     "Pertinence au regard des besoins des personnes migrantes, réfugiées et déplacées",
     "Le programme répond-il à des besoins que la ville a documentés, pour les groupes qu’il nomme "
     "?",
     "Pertinencia para las necesidades de personas migrantes, refugiadas y desplazadas",
     "¿Responde el programa a necesidades que la ciudad ha documentado, para los grupos que "
     "nombra?",
     "Relevância para as necessidades de pessoas migrantes, refugiadas e deslocadas",
     "O programa responde a necessidades que a cidade documentou, para os grupos que nomeia?"},
    {"inclusion",
     "Are migrants and refugees part of the design and of the delivery, not only recipients?",
     "Participation des groupes cibles à la conception et à la mise en œuvre",
     "Les personnes migrantes et réfugiées participent-elles à la conception et à la mise en "
     "œuvre, pas seulement comme bénéficiaires ?",
     "Inclusión de los grupos destinatarios en el diseño y la ejecución",
     "¿Participan las personas migrantes y refugiadas en el diseño y la ejecución, y no solo como "
     "beneficiarias?",
     "Inclusão dos grupos-alvo na conceção e na execução",
     "As pessoas migrantes e refugiadas participam da conceção e da execução, e não apenas como "
     "beneficiárias?"},
    {"feasibility", "Can the workplan be delivered in the time and with the partners named?",
     "Faisabilité du plan de travail et des partenariats",
     "Le plan de travail peut-il être mené dans les délais et avec les partenaires nommés ?",
     "Viabilidad del plan de trabajo y de las alianzas",
     "¿Puede ejecutarse el plan de trabajo en el plazo y con los socios indicados?",
     "Viabilidade do plano de trabalho e das parcerias",
     "O plano de trabalho pode ser executado no prazo e com os parceiros indicados?"},
    {"sustainability", "What continues after the grant, and who pays for it?",
     "Pérennité au-delà de la subvention",
     "Que se poursuit après la subvention, et qui le finance ?",
     "Sostenibilidad más allá de la subvención",
     "¿Qué continúa después de la subvención y quién lo financia?",
     "Sustentabilidade além da subvenção",
     "O que continua depois da subvenção, e quem o financia?"},
    {"value_for_money", "Are the costs reasonable for the people reached and the results promised?",
     "Rapport coût-efficacité",
     "Les coûts sont-ils raisonnables au regard des personnes touchées et des résultats promis ?",
     "Relación costo-beneficio",
     "¿Son razonables los costos en relación con las personas alcanzadas y los resultados "
     "prometidos?",
     "Custo-benefício",
     "Os custos são razoáveis em relação às pessoas alcançadas e aos resultados prometidos?"},
};
// clang-format on

}  // namespace

void translateDemoCall(records::Call& call) {
  call.translations.clear();
  for (const auto& w : kCalls) {
    if (w.code != call.code) continue;
    call.translations.push_back({std::string(w.language), "title", std::string(w.title)});
    if (!w.description.empty()) {
      call.translations.push_back(
          {std::string(w.language), "description", std::string(w.description)});
    }
  }
  for (auto& c : call.criteria) {
    c.translations.clear();
    for (const auto& w : kCriteria) {
      if (w.code != c.code) continue;
      c.guidance = std::string(w.guidance_en);
      const std::pair<std::string_view, std::string_view> by[] = {
          {w.fr_name, w.fr_guidance}, {w.es_name, w.es_guidance}, {w.pt_name, w.pt_guidance}};
      const char* languages[] = {"fr", "es", "pt"};
      for (std::size_t i = 0; i < 3; ++i) {
        c.translations.push_back({languages[i], "name", std::string(by[i].first)});
        c.translations.push_back({languages[i], "guidance", std::string(by[i].second)});
      }
    }
  }
}

std::optional<std::string> demoTranslation(const std::string& title) {
  for (const auto& t : kProposals) {
    if (t.title == title) return std::string(t.english);
  }
  return std::nullopt;
}

}  // namespace citygrants::seed
