// pyfao56 v1.4.3 reference cases: every run listed in data/pyfao56/<case>/case.toml is run by
// egin from its own pyfao56 files (.par, .wth, .irr, .upd) and compared with pyfao56's daily
// output (.out, every column egin computes) and seasonal summary (.sum). Adding a case is adding
// a folder with a case.toml. The test prints the largest absolute difference of each column.
#include <gtest/gtest.h>

#include <toml++/toml.h>
#include <algorithm>
#include <cmath>
#include <filesystem>
#include <iostream>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "egin/core/date.hpp"
#include "egin/fieldwater/pyfao56_irrigation.hpp"
#include "egin/fieldwater/pyfao56_output.hpp"
#include "egin/fieldwater/pyfao56_parameters.hpp"
#include "egin/fieldwater/pyfao56_updates.hpp"
#include "egin/fieldwater/pyfao56_weather.hpp"
#include "egin/fieldwater/season.hpp"
#include "egin/fieldwater/water_balance_table.hpp"

namespace fs = std::filesystem;
namespace fw = egin::fieldwater;
namespace py = egin::fieldwater::pyfao56;

namespace {

// pyfao56 prints 3 decimals, so a faithful reimplementation differs by at most half the last
// digit (0.0005) plus float noise. The task's bound is 0.005 mm or fraction; the test holds egin to
// the print's own rounding, ten times tighter, so that any real deviation shows.
constexpr double kTolerance = 0.0005 + 1e-5;

struct Pyfao56Run {
  fs::path folder;
  std::string name;
  std::string parameters, weather, irrigation, updates;
  std::string start, end;
  std::string expected_out, expected_sum;
  fw::WaterBalanceOptions options;
};

std::vector<Pyfao56Run> discover_runs() {
  std::vector<Pyfao56Run> runs;
  const fs::path root = fs::path(EGIN_REFERENCE_DATA) / "pyfao56";
  std::vector<fs::path> cases;
  for (const auto& entry : fs::directory_iterator(root)) {
    if (entry.is_directory() && fs::exists(entry.path() / "case.toml")) {
      cases.push_back(entry.path());
    }
  }
  std::sort(cases.begin(), cases.end());
  for (const fs::path& folder : cases) {
    const toml::table t = toml::parse_file((folder / "case.toml").string());
    const toml::array* list = t["run"].as_array();
    if (list == nullptr) {
      continue;
    }
    for (const toml::node& node : *list) {
      const toml::table& r = *node.as_table();
      Pyfao56Run run;
      run.folder = folder;
      run.name = r["name"].value_or(std::string{});
      run.parameters = r["parameters"].value_or(std::string{});
      run.weather = r["weather"].value_or(std::string{});
      run.irrigation = r["irrigation"].value_or(std::string{});
      run.updates = r["updates"].value_or(std::string{});
      run.start = r["start"].value_or(std::string{});
      run.end = r["end"].value_or(std::string{});
      run.expected_out = r["expected_out"].value_or(std::string{});
      run.expected_sum = r["expected_sum"].value_or(std::string{});
      run.options.runoff = r["runoff"].value_or(false);
      run.options.constant_p = r["constant_p"].value_or(false);
      run.options.aquacrop_ks = r["aquacrop_ks"].value_or(false);
      runs.push_back(run);
    }
  }
  return runs;
}

class Pyfao56Reference : public ::testing::TestWithParam<Pyfao56Run> {};

TEST_P(Pyfao56Reference, MatchesEveryDailyColumnAndTheSeasonalTotals) {
  const Pyfao56Run& run = GetParam();
  const auto path = [&](const std::string& file) { return (run.folder / file).string(); };

  const py::ParameterFile par = py::read_parameters(path(run.parameters));
  py::WeatherFile wth = py::read_weather(path(run.weather));
  fw::WaterBalanceOptions options = run.options;
  options.reference_crop = wth.reference;
  std::optional<fw::RecordedIrrigation> recorded;
  fw::NoIrrigation none;
  fw::IrrigationSource* irrigation = &none;
  if (!run.irrigation.empty()) {
    recorded.emplace(py::read_irrigation(path(run.irrigation)).events);
    irrigation = &*recorded;
  }
  std::optional<py::UpdateFile> upd;
  if (!run.updates.empty()) {
    upd = py::read_updates(path(run.updates));
  }
  const auto start = egin::Date::parse(run.start);
  const auto end = egin::Date::parse(run.end);
  ASSERT_TRUE(start && end) << run.start << " " << run.end;

  const fw::SeasonResult result = fw::run_season(par.parameters, options, wth.series, *start, *end,
                                                 *irrigation, upd ? &upd->updates : nullptr);
  const py::OutputFile expected = py::read_output(path(run.expected_out));

  ASSERT_EQ(result.days.size(), expected.dates.size());
  for (std::size_t i = 0; i < expected.dates.size(); ++i) {
    ASSERT_EQ(result.days[i].date, expected.dates[i]) << "row " << i;
  }

  std::cout << "[pyfao56 " << run.name << "] " << expected.dates.size()
            << " days, max |egin - pyfao56| per column:\n";
  int compared = 0;
  for (const fw::RecordColumn& c : fw::record_columns()) {
    const std::vector<double>* want = expected.column(c.name);
    ASSERT_NE(want, nullptr) << "pyfao56 output has no column " << c.name;
    double max_diff = 0.0;
    std::size_t worst = 0;
    for (std::size_t i = 0; i < want->size(); ++i) {
      const double got = result.days[i].*c.member;
      const double diff = std::abs(got - (*want)[i]);
      if (!(diff <= max_diff)) {  // also catches NaN
        max_diff = std::isnan(diff) ? INFINITY : diff;
        worst = i;
      }
    }
    std::cout << "  " << c.name << " " << max_diff << "\n";
    EXPECT_LE(max_diff, kTolerance)
        << run.name << " column " << c.name << " on " << expected.dates[worst].year_doy()
        << ": egin " << result.days[worst].*c.member << ", pyfao56 " << (*want)[worst];
    ++compared;
  }
  EXPECT_EQ(compared, 35);

  const py::SummaryFile sum = py::read_summary(path(run.expected_sum));
  std::cout << "  seasonal totals:";
  for (const fw::SummaryField& f : fw::summary_fields()) {
    const std::optional<double> want = sum.find(f.name);
    ASSERT_TRUE(want.has_value()) << "pyfao56 summary has no total " << f.name;
    const double got = result.summary.*f.member;
    std::cout << " " << f.name << " " << std::abs(got - *want);
    EXPECT_NEAR(got, *want, kTolerance) << run.name << " total " << f.name;
  }
  std::cout << "\n";
}

INSTANTIATE_TEST_SUITE_P(Cases, Pyfao56Reference, ::testing::ValuesIn(discover_runs()),
                         [](const ::testing::TestParamInfo<Pyfao56Run>& param_info) {
                           return param_info.param.name;
                         });

}  // namespace
