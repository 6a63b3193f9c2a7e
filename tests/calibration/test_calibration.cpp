// Tests of the calibration: the observed data, the US share, the loss, the optimizer on known
// optima, the calibrated scenario text, and the determinism of the simulated loss.
#include <catch2/catch.hpp>

#include <cmath>
#include <filesystem>
#include <fstream>

#include "netadopt/calibration/calibration.hpp"
#include "netadopt/calibration/calibration_loss.hpp"
#include "netadopt/scenario/loader.hpp"

using namespace netadopt;
using run::linkedin_us_share;

namespace {
scenario::Date date(const char* text) { return *scenario::parse_date(text); }

const char* kGoodCsv =
    "# Registered members, as reported.\n"
    "# Columns: platform,geography,date,members,source,confidence\n"
    "platform,geography,date,members,source,confidence\n"
    "linkedin,world,2004-08-31,1000000,thevirtualhandshake.com (200k Europe; 150k Asia),reported\n"
    "viaduc,france,2005-08-15,62900,essay,inferred\n";

std::filesystem::path write_file(const std::string& name, const std::string& text) {
  const auto path = std::filesystem::temp_directory_path() / name;
  std::ofstream(path) << text;
  return path;
}
}  // namespace

TEST_CASE("the membership data keep their notes and each row's source") {
  const auto data = run::parse_membership(kGoodCsv, "m.csv");
  REQUIRE(data.notes.size() == 2);
  CHECK(data.notes[0] == "Registered members, as reported.");
  REQUIRE(data.rows.size() == 2);
  CHECK(data.rows[0].source == "thevirtualhandshake.com (200k Europe; 150k Asia)");
  CHECK(data.rows[1].members == 62900);
  CHECK(data.rows[1].date == date("2005-08-15"));
  CHECK(data.rows[1].line == 5);
}

TEST_CASE("the shipped membership data load, with their sources") {
  const auto data = run::load_membership(NETADOPT_SOURCE_DIR "/scenarios/data/membership.csv");
  CHECK(data.rows.size() >= 20);
  for (const auto& row : data.rows) CHECK_FALSE(row.source.empty());
}

TEST_CASE("a malformed data line is refused naming the file and the line") {
  const std::string text = std::string(kGoodCsv) + "linkedin,world,2005-13-01,5,x,reported\n" +
                           "linkedin,world,2006-01-01,-3,x,reported\n" + "linkedin,world\n";
  try {
    run::parse_membership(text, "bad.csv");
    FAIL("expected a ScenarioError");
  } catch (const scenario::ScenarioError& e) {
    REQUIRE(e.problems().size() == 3);
    CHECK(e.problems()[0].to_string().find("bad.csv:6") != std::string::npos);
    CHECK(e.problems()[0].message == "expected a date YYYY-MM-DD, found '2005-13-01'");
    CHECK(e.problems()[1].line == 7);
    CHECK(e.problems()[2].message.find("found 2") != std::string::npos);
    CHECK_FALSE(e.missing_file());
  }
}

TEST_CASE("a missing data file is reported as unreadable") {
  try {
    run::load_membership("/no/such/membership.csv");
    FAIL("expected a ScenarioError");
  } catch (const scenario::ScenarioError& e) {
    CHECK(e.missing_file());
    CHECK(e.problems()[0].message == "cannot read data file: No such file or directory");
  }
}

TEST_CASE("the US share of LinkedIn: the anchors, linear between, constant outside") {
  CHECK(linkedin_us_share(date("2004-08-31")) == Approx(0.65));
  CHECK(linkedin_us_share(date("2010-05-05")) == Approx(32.99 / 66.27));
  CHECK(linkedin_us_share(date("2003-06-30")) == Approx(0.65));
  CHECK(linkedin_us_share(date("2012-01-01")) == Approx(32.99 / 66.27));
  const int early = date("2004-08-31").days, late = date("2010-05-05").days;
  const scenario::Date middle{(early + late) / 2};
  const double fraction = static_cast<double>(middle.days - early) / (late - early);
  CHECK(linkedin_us_share(middle) == Approx(0.65 + fraction * (32.99 / 66.27 - 0.65)));
}

TEST_CASE("the loss: zero when the model equals the data, symmetric in log, floored") {
  CHECK(run::squared_log_error(14.0, 14.0, 0.01) == 0.0);
  CHECK(run::squared_log_error(2.0, 1.0, 0.01) == Approx(std::log(2.0) * std::log(2.0)));
  CHECK(run::squared_log_error(0.5, 1.0, 0.01) == Approx(run::squared_log_error(2.0, 1.0, 0.01)));
  CHECK(run::squared_log_error(0.0, 1.0, 0.01) == Approx(std::log(0.01) * std::log(0.01)));
  CHECK(run::rms_log_error({1, 4}, {1, 4}, 0.01) == 0.0);
  CHECK(run::rms_log_error({2, 2}, {1, 4}, 0.01) == Approx(std::log(2.0)));
}

TEST_CASE("model values between reporting times are linear interpolations") {
  const std::vector<double> times{0, 30, 60}, values{0, 3, 9};
  CHECK(run::curve_value_at(times, values, 15) == Approx(1.5));
  CHECK(run::curve_value_at(times, values, 45) == Approx(6));
  CHECK(run::curve_value_at(times, values, 60) == Approx(9));
}

TEST_CASE("the optimizer recovers a known optimum of a stand-in objective") {
  const std::string algorithm = GENERATE("LN_NELDERMEAD", "LN_SBPLX", "LN_BOBYQA");
  // A deterministic stand-in for the simulated loss: minimum 0.25 at (1.3, -0.4).
  const run::Objective bowl = [](const std::vector<double>& x) {
    return 0.25 + std::pow(x[0] - 1.3, 2) + 3 * std::pow(x[1] + 0.4, 2);
  };
  run::OptimizerSettings settings{algorithm, {-2, -2}, {3, 2}, {0, 0}, 400, 1e-8};
  const auto result = run::minimize(bowl, settings);
  CHECK(result.best.values[0] == Approx(1.3).margin(1e-3));
  CHECK(result.best.values[1] == Approx(-0.4).margin(1e-3));
  CHECK(result.best.loss == Approx(0.25).margin(1e-6));
  CHECK(result.trace.size() <= 400);
  CHECK(result.trace.front().values == std::vector<double>{0, 0});
}

TEST_CASE("the optimizer stops at max_evaluations and keeps the best point") {
  const run::Objective line = [](const std::vector<double>& x) { return std::abs(x[0] - 0.7); };
  const auto result = run::minimize(line, {"LN_SBPLX", {0}, {1}, {0.1}, 7, 0});
  CHECK(result.trace.size() == 7);
  CHECK(result.stop_reason == "max_evaluations reached");
  for (const auto& e : result.trace) CHECK(result.best.loss <= e.loss);
}

TEST_CASE("the optimizer refuses an unknown algorithm and a start outside the bounds") {
  const run::Objective zero = [](const std::vector<double>&) { return 0.0; };
  CHECK_THROWS_WITH(run::minimize(zero, {"LN_COBYLA", {0}, {1}, {0.5}, 5, 0}),
                    Catch::Contains("found 'LN_COBYLA'"));
  CHECK_THROWS_AS(run::minimize(zero, {"LN_SBPLX", {0}, {1}, {2}, 5, 0}), std::invalid_argument);
}

TEST_CASE("a calibrated scenario keeps the original text and sets the fitted keys") {
  const std::string original = "# US\n[run]\nseed = 3\n\n[adoption]\nbeta = 3  # note\n";
  const std::vector<run::FittedKey> keys{{"adoption.beta", 0, 9, 1, "fit1"},
                                         {"run.replications", 1, 9, 2, "fit2"},
                                         {"utility.w_net", 0, 3, 1, "fit3"}};
  const auto text = run::calibrated_scenario_text(original, keys, {2.5, 4, 0.125}, "loss 0.1");
  CHECK(text.rfind("# loss 0.1\n# US\n[run]\nreplications = 4  # calibrated\nseed = 3\n", 0) == 0);
  CHECK(text.find("beta = 2.5  # calibrated\n") != std::string::npos);
  CHECK(text.find("beta = 3") == std::string::npos);
  CHECK(text.find("\n[utility]\nw_net = 0.125  # calibrated\n") != std::string::npos);
  CHECK(run::exact_text(0.1 + 0.2) == "0.30000000000000004");
}

TEST_CASE("an unknown key in a calibration file is refused naming the file and the key") {
  const auto file = write_file("netadopt_calibration_bad.ini",
                               "[calibration]\nmax_evals = 3\n[fit1]\nkey = adoption.bta\n");
  try {
    run::load_calibration(file);
    FAIL("expected a ScenarioError");
  } catch (const scenario::ScenarioError& e) {
    REQUIRE(e.problems().size() == 2);
    CHECK(e.problems()[0].to_string().find("netadopt_calibration_bad.ini:2: key "
                                           "'calibration.max_evals': unknown key") !=
          std::string::npos);
    CHECK(e.problems()[1].key == "fit1.key");
    CHECK(e.problems()[1].message ==
          "expected a scenario key (netadopt describe), found "
          "'adoption.bta'");
  }
}

TEST_CASE("the simulated loss is deterministic and the same on 1 and 2 threads") {
  const auto file =
      write_file("netadopt_calibration_tiny.ini",
                 "[calibration]\ndata = " NETADOPT_SOURCE_DIR
                 "/scenarios/data/membership.csv\n"
                 "population_size = 600\nreplications = 2\nend = 2005-01-01\n"
                 "[scenario1]\nname = us\nfile = " NETADOPT_SOURCE_DIR
                 "/scenarios/us.ini\n"
                 "[series1]\nname = us_linkedin\nscenario = us\nmodel_platform = linkedin\n"
                 "world_to_us = 1\nworkforce = 142500000\n"
                 "[fit1]\nkey = adoption.threshold_base\nmin = 0\nmax = 2\nstart = 0.5\n");
  const auto spec = run::load_calibration(file);
  const auto data = run::load_membership(spec.data);
  const run::CalibrationProblem one(spec, data, 1), two(spec, data, 2);
  const double loss = one.loss({0.7});
  CHECK(std::isfinite(loss));
  CHECK(loss > 0);
  CHECK(two.loss({0.7}) == loss);
  CHECK(one.loss({0.7}) == loss);
  CHECK(one.observed()[0].points.size() == 4);  // 2003-06-30 .. 2004-08-31
  CHECK(one.observed()[0].left_out > 0);
}
