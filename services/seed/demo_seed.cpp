#include "services/seed/demo_seed.h"

#include <algorithm>

#include "modules/core/problem.h"
#include "services/seed/demo_amendment.h"
#include "services/seed/demo_open_data.h"
#include "services/seed/demo_pipeline.h"
#include "services/seed/demo_results.h"
#include "services/seed/demo_translations.h"
#include "services/audit/audit_log.h"
#include "services/stores/directory_store.h"
#include "services/stores/second_factor_store.h"
#include "services/usecases/call_service.h"
#include "services/usecases/directory_service.h"
#include "services/usecases/team_service.h"
#include "services/usecases/funding_service.h"
#include "services/usecases/grant_service.h"
#include "services/usecases/proposal_service.h"

namespace citygrants::seed {
namespace {

using access::OrgKind;
using access::Role;

struct OrgSeed {
  const char* name;
  OrgKind kind;
  const char* country;
  const char* region;
  const char* language;
  const char* login;  // local part of the demo login's domain
};

// The fund, its five strategic partners, and cities on four continents.
constexpr OrgSeed kOrgs[] = {
    {"Mayors Migration Council", OrgKind::kFund, "", "Global", "en", "mmc"},
    {"C40 Cities", OrgKind::kPartner, "", "Global", "en", "c40"},
    {"IOM", OrgKind::kPartner, "", "Global", "en", "iom"},
    {"UCLG", OrgKind::kPartner, "", "Global", "fr", "uclg"},
    {"UN-Habitat", OrgKind::kPartner, "", "Global", "en", "unhabitat"},
    {"UNHCR", OrgKind::kPartner, "", "Global", "en", "unhcr"},
    {"Kampala", OrgKind::kCity, "UG", "Africa", "en", "kampala"},
    {"Montevideo", OrgKind::kCity, "UY", "Latin America", "es", "montevideo"},
    {"Barranquilla", OrgKind::kCity, "CO", "Latin America", "es", "barranquilla"},
    {"São Paulo", OrgKind::kCity, "BR", "Latin America", "pt", "saopaulo"},
    {"Abidjan", OrgKind::kCity, "CI", "Africa", "fr", "abidjan"},
    {"Amman", OrgKind::kCity, "JO", "Middle East", "en", "amman"},
    {"Athens", OrgKind::kCity, "GR", "Europe", "en", "athens"},
    {"Dhaka North", OrgKind::kCity, "BD", "Asia", "en", "dhakanorth"},
};

proposals::ProposalContent content(const std::string& language, const std::string& title,
                                   const std::string& summary, std::vector<std::string> groups,
                                   std::int64_t beneficiaries, std::int64_t amount) {
  proposals::ProposalContent c;
  c.language = language;
  c.title = title;
  c.summary = summary;
  c.target_groups = std::move(groups);
  c.beneficiaries = beneficiaries;
  c.duration_months = 24;
  c.amount_minor = amount;
  const std::int64_t personnel = amount * 45 / 100;
  const std::int64_t me = amount * 10 / 100;
  c.budget = {{"personnel", "Case workers and coordinators", personnel},
              {"activities", "Services, trainings and outreach", amount - personnel - me},
              {"monitoring_evaluation", "Baseline, mid-term and final evaluation", me}};
  const bool displaced = std::find(c.target_groups.begin(), c.target_groups.end(),
                                   "internally_displaced") != c.target_groups.end();
  c.indicators = demoPlans(beneficiaries, displaced);
  return c;
}

DemoPeople addPeople(usecases::Context ctx, const std::string& password,
                     std::vector<DemoLogin>& logins) {
  usecases::DirectoryService directory(ctx);
  DemoPeople people;
  for (const auto& o : kOrgs) {
    stores::Organisation org;
    org.name = o.name;
    org.kind = o.kind;
    org.country = o.country;
    org.region = o.region;
    org.language = o.language;
    people.org_ids[o.name] = directory.addOrganisation(std::nullopt, org).id;
  }
  auto add = [&](const std::string& email, const std::string& name, const std::string& org,
                 Role role, const std::string& language, const std::string& what) {
    const auto u = directory.addUser(std::nullopt, {email, name, org, {role}, password, language});
    // The seed is the operator building a demo fund, not a person at a console: cleared for
    // the payments its story makes.
    people.by_email[email] = access::Actor{u.id, u.org_id, u.roles, true};
    logins.push_back({email, what});
    return u.id;
  };
  usecases::TeamService teams(ctx);
  add("fm1@mmc.demo", "Amina Diallo", "Mayors Migration Council", Role::kFundManager, "en", "fund manager, MMC");
  add("fm2@mmc.demo", "Lucas Moreau", "Mayors Migration Council", Role::kFundManager, "fr", "second fund manager, MMC");
  add("admin@mmc.demo", "Priya Raman", "Mayors Migration Council", Role::kAdmin, "en", "admin, MMC");
  add("auditor@mmc.demo", "Jonas Berg", "Mayors Migration Council", Role::kAuditor, "en", "auditor");
  for (const auto& o : kOrgs) {
    const std::string email = std::string(o.kind == OrgKind::kCity ? "applicant@" : "reviewer@") + o.login + ".demo";
    if (o.kind == OrgKind::kPartner) {
      // Each partner's and city's demo login leads its team (TeamService).
      teams.setOrgLead(std::nullopt,
                       add(email, std::string("Reviewer, ") + o.name, o.name, Role::kPartner,
                           o.language, std::string("partner reviewer and team lead, ") + o.name),
                       true);
    } else if (o.kind == OrgKind::kCity) {
      teams.setOrgLead(std::nullopt,
                       add(email, std::string("Programme lead, ") + o.name, o.name,
                           Role::kApplicant, o.language,
                           std::string("city applicant and team lead, ") + o.name),
                       true);
    }
  }
  return people;
}

stores::Call openRound(usecases::Context ctx, const DemoPeople& people, std::int64_t closes_at,
                       const DemoChapters& chapters) {
  usecases::CallService calls(ctx);
  stores::Call c;
  c.code = "GCF-2026";
  c.title = "Global Cities Fund 2026: inclusive city services for migrants and refugees";
  c.description = "Direct grants of USD 200,000 to 500,000 over 24 months for programmes that cities "
                  "design with migrants, refugees and internally displaced people.";
  c.two_stage = true;
  c.currency = "USD";
  c.budget_minor = 500'000'000;       // USD 5,000,000.00
  c.min_award_minor = 20'000'000;     // USD 200,000.00
  c.max_award_minor = 50'000'000;     // USD 500,000.00
  c.threshold_minor = 35'000'000;     // above USD 350,000.00 a second fund manager confirms
  c.max_duration_months = 24;
  c.closes_at = closes_at;
  c.criteria = {
      {0, "relevance", "Relevance to the needs of migrants, refugees and IDPs", 30},
      {0, "inclusion", "Inclusion of the target groups in design and delivery", 20},
      {0, "feasibility", "Feasibility of the workplan and partnerships", 20},
      {0, "sustainability", "Sustainability beyond the grant", 15},
      {0, "value_for_money", "Value for money", 15}};
  c.plan = {{0, 4000, "signature"}, {0, 4000, "progress_report"}, {0, 2000, "final_report"}};
  c.indicators = demoCallIndicators();
  c.chapters = chapters.ids;
  translateDemoCall(c);
  const auto& fm = people["fm1@mmc.demo"];
  auto call = calls.create(fm, c);
  call = calls.fire(fm, call.id, {.event = "open"});

  stores::Call next = c;  // next year's round, still being set up by the admin
  next.code = "GCF-2027";
  next.title = "Global Cities Fund 2027 (in preparation)";
  next.closes_at = closes_at + 365 * services::kDayMs;
  translateDemoCall(next);
  calls.create(people["admin@mmc.demo"], next);
  return call;
}

std::vector<DemoProposal> demoProposals() {
  const std::vector<std::string> mig_ref = {"migrants", "refugees"};
  const std::vector<std::string> idp = {"internally_displaced", "host_communities"};
  const std::string en_summary =
      "A one-stop centre where newcomers register, find work and enrol their children, run with "
      "community organisations and the city's social services.";
  // clang-format off
  return {
    {"applicant@kampala.demo", content("en", "Kampala Newcomer Livelihoods Hubs", en_summary, mig_ref, 5200, 30'000'000),
     "approved", {"reviewer@iom.demo", "reviewer@c40.demo"}, "IOM", {{5, 4, 4, 4, 4}, {4, 4, 5, 3, 4}}},
    {"applicant@montevideo.demo", content("es", "Montevideo acoge: vivienda y empleo para personas migrantes",
     "Un programa municipal que combina vivienda temporal, intermediación laboral y acompañamiento psicosocial para personas migrantes y refugiadas.", mig_ref, 3100, 45'000'000),
     "award_proposed", {"reviewer@unhcr.demo", "reviewer@uclg.demo"}, "UNHCR", {{5, 5, 4, 4, 4}, {4, 5, 4, 4, 5}}},
    {"applicant@barranquilla.demo", content("es", "Barranquilla sin fronteras: salud y educación",
     "Rutas de atención en salud y educación para población migrante venezolana y comunidades de acogida en los barrios del suroccidente.", mig_ref, 8000, 40'000'000),
     "reviewed", {"reviewer@iom.demo", "reviewer@unhcr.demo"}, "IOM", {{5, 5, 5, 4, 5}, {3, 2, 3, 3, 3}}},
    {"applicant@saopaulo.demo", content("pt", "São Paulo Acolhe: centros de referência para imigrantes",
     "Ampliação dos centros de referência com atendimento em várias línguas, orientação jurídica e cursos de português para imigrantes e refugiados.", mig_ref, 6500, 38'000'000),
     "in_review", {"reviewer@iom.demo", "reviewer@unhcr.demo"}, "IOM", {{4, 4, 4, 3, 4}, {}}},
    {"applicant@abidjan.demo", content("fr", "Abidjan inclusive : accès aux services pour les déplacés",
     "Des guichets uniques dans trois communes pour l'état civil, la santé et l'emploi des personnes déplacées internes et des communautés d'accueil.", idp, 4200, 25'000'000),
     "screening", {}, "", {}},
    {"applicant@amman.demo", content("en", "Amman Together: municipal services for refugee families", en_summary, mig_ref, 3900, 27'500'000),
     "submitted", {}, "", {}},
    {"applicant@athens.demo", content("en", "Athens Welcomes: housing and work pathways", en_summary, mig_ref, 1800, 22'000'000),
     "revision_requested", {}, "", {}},
    {"applicant@dhakanorth.demo", content("en", "Dhaka North climate-displaced families support", en_summary, idp, 9000, 33'000'000),
     "draft", {}, "", {}},
    {"applicant@kampala.demo", content("en", "Kampala urban refugee youth apprenticeships", en_summary, mig_ref, 900, 20'000'000),
     "concept_draft", {}, "", {}},
    {"applicant@montevideo.demo", content("es", "Montevideo: red de cuidados para niñez migrante",
     "Una red barrial de cuidados para niñas y niños migrantes que articula centros CAIF, escuelas y organizaciones de la sociedad civil.", mig_ref, 1200, 21'000'000),
     "concept_submitted", {}, "", {}},
    {"applicant@barranquilla.demo", content("es", "Barranquilla: vivienda para familias desplazadas por el clima",
     "Soluciones de vivienda temporal para familias desplazadas por inundaciones, con enfoque de género y participación comunitaria.", idp, 700, 26'000'000),
     "concept_declined", {}, "", {}},
    {"applicant@saopaulo.demo", content("pt", "São Paulo: cozinhas comunitárias com refugiados",
     "Cozinhas comunitárias geridas por refugiados como espaço de renda, convivência e segurança alimentar nos bairros centrais.", mig_ref, 1500, 24'000'000),
     "rejected", {"reviewer@c40.demo"}, "C40 Cities", {{2, 2, 3, 2, 2}}},
    {"applicant@abidjan.demo", content("fr", "Abidjan : transport solidaire pour les nouveaux arrivants",
     "Un service de transport solidaire reliant les quartiers d'accueil aux services municipaux, aux marchés et aux écoles.", mig_ref, 2500, 20'500'000),
     "withdrawn", {}, "", {}},
    {"applicant@amman.demo", content("en", "Amman: learning and care for refugee children",
     "Catch-up classes, early childhood care and caregiver support for refugee and migrant children in three districts, run with UNHCR and local schools.", mig_ref, 2400, 30'000'000),
     "approved", {"reviewer@unhcr.demo", "reviewer@uclg.demo"}, "UNHCR", {{5, 4, 5, 4, 4}, {4, 5, 4, 4, 4}}},
    {"applicant@saopaulo.demo", content("pt", "São Paulo: escolas de acolhida para crianças imigrantes",
     "Acolhida escolar, reforço em português e apoio às famílias de crianças imigrantes e refugiadas nas escolas municipais do centro.", mig_ref, 2000, 32'000'000),
     "approved", {"reviewer@iom.demo", "reviewer@c40.demo"}, "IOM", {{4, 5, 4, 5, 4}, {5, 4, 4, 4, 4}}},
  };
  // clang-format on
}

// Enrols the demo's fund managers and admin with the one TOTP key of `secret` (Base32), as if
// each had scanned it: one transaction, audited as the system's doing.
void enrolDemoFactors(usecases::Context ctx, const DemoPeople& people, const std::string& secret) {
  const auto now = ctx.clock.nowMs();
  ctx.db.write([&](db::Tx& tx) {
    for (const char* email : kDemoFactorLogins) {
      const auto user_id = people.by_email.at(email).user_id;
      stores::SecondFactorStore::startEnrolment(tx, user_id, secret, now);
      stores::SecondFactorStore::confirm(tx, user_id, 0, now);
      audit::appendAudit(tx, {std::nullopt, "user", user_id, "enrol_second_factor", "", "",
                              usecases::Detail().flag("demo", true).json(), now});
    }
    tx.commit();
  });
}

}  // namespace

void requireEmpty(db::Database& database) {
  auto tx = database.read();
  const auto users = stores::DirectoryStore::countUsers(tx);
  tx.commit();
  if (users > 0) {
    throw core::Problem(core::ProblemKind::kConflict,
                        core::Message::verbatim("the database already has users: seed-demo "
                                                "fills only an empty database"));
  }
}

std::vector<DemoLogin> seedDemo(usecases::Context ctx, const DemoOptions& options) {
  requireEmpty(ctx.db);
  // The history starts 120 days ago and moves forward step by step; the round closes in 60 days.
  const std::int64_t real_now = ctx.clock.nowMs();
  services::ManualClock clock(real_now - 120 * services::kDayMs);
  usecases::Context seeded{ctx.db, clock};
  std::vector<DemoLogin> logins;
  auto people = addPeople(seeded, options.password, logins);
  const auto chapters = addFunding(seeded, people);
  const auto call = openRound(seeded, people, real_now + 60 * services::kDayMs, chapters);

  DemoPipeline pipeline(seeded, clock, people, call);
  std::vector<std::int64_t> approved;  // Kampala's, Amman's, São Paulo's
  for (const auto& p : demoProposals()) {
    const auto id = pipeline.drive(p);
    if (p.target_state == "approved") approved.push_back(id);
  }
  // Kampala's mid-term report is written but not sent; Amman's and São Paulo's were verified.
  pipeline.runGrant(approved.at(0), "applicant@kampala.demo", "reviewer@iom.demo", 95, false);
  amendDemoGrant(seeded, clock, people, approved.at(0));  // Kampala's: a no-cost extension
  pipeline.runGrant(approved.at(1), "applicant@amman.demo", "reviewer@unhcr.demo", 110, true);
  // Amman's second tranche is requested and verified: a fund manager's approval (with a fresh
  // second factor) is the next step, so the demo shows the step-up at once.
  pipeline.verifyNextTranche(approved.at(1), "applicant@amman.demo", "reviewer@unhcr.demo");
  {
    // São Paulo's award is paid by two chapters: children and caregivers, and livelihoods.
    const auto& fm1 = people["fm1@mmc.demo"];
    const auto grant = usecases::GrantService(seeded).ofProposal(fm1, approved.at(2));
    usecases::FundingService(seeded).allocate(fm1, grant.id, grant.version,
                                              {{chapters.ids.at(0), 20'000'000},
                                               {chapters.ids.at(2), grant.amount_minor - 20'000'000}});
  }
  pipeline.runGrant(approved.at(2), "applicant@saopaulo.demo", "reviewer@iom.demo", 85, true);
  publishDemo(seeded, people, approved);
  enrolDemoFactors(seeded, people, options.totp_secret);

  const auto proposals = demoProposals();
  for (int i = 0; i < options.extra_proposals; ++i) {
    static constexpr const char* kStates[] = {"concept_draft", "concept_submitted", "draft",
                                              "submitted",     "screening",         "revision_requested",
                                              "withdrawn",     "concept_declined"};
    auto p = proposals[static_cast<std::size_t>(i) % proposals.size()];
    p.target_state = kStates[static_cast<std::size_t>(i) % std::size(kStates)];
    p.content.amount_minor = 20'000'000 + (static_cast<std::int64_t>(i) * 7'919'137) % 30'000'000;
    p.content = content(p.content.language, p.content.title, p.content.summary, p.content.target_groups,
                        p.content.beneficiaries, p.content.amount_minor);
    clock.set(real_now - 100 * services::kDayMs + i * 1000);
    pipeline.drive(p);
  }
  return logins;
}

}  // namespace citygrants::seed
