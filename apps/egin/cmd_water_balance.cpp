// `egin water-balance`: runs the FAO-56 field water balance (fieldwater/) over a season and prints
// one row per day with pyfao56's column names, so results compare line by line with a pyfao56
// .out file. The seasonal totals (pyfao56 .sum) go to stderr as a small table, or to the file
// given with --summary in the chosen --format, so stdout holds the daily rows only.
//
// Inputs: the field (crop and soil parameters) from a pyfao56 .par file (--pyfao56-par) or an
// egin field file (--field: parameters, options, recorded irrigation and strategy; ET0 by the
// field's method, fieldwater/field_config.hpp), weather from a pyfao56 .wth or an egin daily
// weather CSV, optional recorded irrigation (.irr) and canopy observations (.upd). With --field
// the expected yield reduction from water stress (FAO-33 Ky of the field's crop, season and per
// FAO-56 stage) follows the totals on stderr, or goes to --yield.
#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include <cstdio>
#include <fstream>
#include <iostream>
#include <memory>
#include <optional>
#include <sstream>
#include <string>

#include "cli_support.hpp"
#include "commands.hpp"
#include "egin/agromet/weather_csv.hpp"
#include "egin/core/date.hpp"
#include "egin/core/input_error.hpp"
#include "egin/core/table.hpp"
#include "egin/fieldwater/pyfao56_irrigation.hpp"
#include "egin/fieldwater/pyfao56_parameters.hpp"
#include "egin/fieldwater/pyfao56_text.hpp"
#include "egin/fieldwater/pyfao56_updates.hpp"
#include "egin/fieldwater/pyfao56_weather.hpp"
#include "egin/fieldwater/reference_et.hpp"
#include "egin/fieldwater/season.hpp"
#include "egin/fieldwater/season_yield.hpp"
#include "egin/fieldwater/water_balance_table.hpp"
#include "field_support.hpp"
#include "schedule_output.hpp"

namespace egin::cli {

namespace {

namespace fw = egin::fieldwater;

struct WaterBalanceArgs {
  std::string pyfao56_par;  // field source 1
  std::string field;        // field source 2: an egin field file
  bool strategy = false;    // --field: the strategy decides the days without a recorded event
  std::string weather;
  std::string irrigation;
  std::string updates;
  std::string from;
  std::string to;
  std::string reference;  // "", "short", "tall"
  std::string summary;
  std::string data;   // --field: the directory holding crops/ and soils/
  std::string yield;  // --field: the yield reduction table to this file instead of stderr
  bool runoff = false;
  bool constant_p = false;
  bool aquacrop_ks = false;
  bool single_kc = false;
  bool climate_adjust_kcb = false;
  bool climate_adjust_kc = false;
  OutputFormat format = OutputFormat::kTable;
};

Date parse_date_flag(const std::string& text, const char* flag) {
  if (const auto d = Date::parse(text)) {
    return *d;
  }
  throw InputError({"", 0, flag}, fmt::format("'{}' is not a date", text),
                   "YYYY-MM-DD or YYYY-DOY, e.g. 2013-04-23 or 2013-113");
}

// The field's parameters from whichever source was given. New sources (an egin field TOML with
// crop and soil by name) add a branch here and an option in add_water_balance_command.
fw::WaterBalanceParameters load_field(const WaterBalanceArgs& args) {
  if (!args.pyfao56_par.empty()) {
    return fw::pyfao56::read_parameters(args.pyfao56_par).parameters;
  }
  throw InputError({"", 0, "--pyfao56-par"}, "no field parameters given", "--pyfao56-par FILE.par");
}

struct LoadedWeather {
  agromet::DailyWeatherSeries series;
  std::optional<fw::ReferenceCrop> reference;  // what the file says, if it says
};

// A pyfao56 .wth starts with a row of asterisks; anything else is read as an egin daily CSV.
LoadedWeather load_weather(const std::string& path) {
  const std::string text = fw::pyfao56::read_text_file(path);
  if (fw::pyfao56::trim(text).starts_with("**********")) {
    fw::pyfao56::WeatherFile w = fw::pyfao56::parse_weather(text, path);
    return {std::move(w.series), w.reference};
  }
  return {agromet::parse_daily_weather_csv(text, path), std::nullopt};
}

void write_summary(const fw::SeasonSummary& summary, const WaterBalanceArgs& args) {
  const Table table = fw::season_summary_table(summary);
  if (args.summary.empty()) {
    std::ostringstream out;
    out << "Seasonal water balance (mm):\n";
    table.write(out, OutputFormat::kTable);
    std::fputs(out.str().c_str(), stderr);
    return;
  }
  std::ofstream file(args.summary);
  if (!file) {
    throw InputError({args.summary, 0, "--summary"}, "cannot write the file",
                     "a writable file path");
  }
  table.write(file, args.format);
}

// The expected yield reduction from water stress over the run (FAO-33 Ky, FAO-56 Eq. 90), after
// the seasonal totals on stderr, or to --yield in the chosen --format.
void write_yield(const fw::SeasonYieldReduction& y, const WaterBalanceArgs& args) {
  const Table table = yield_table(y);
  if (args.yield.empty()) {
    std::ostringstream out;
    out << "Expected yield reduction from water stress (FAO-33 Ky, FAO-56 Eq. 90"
        << (y.crop.empty() ? std::string() : ", " + y.crop) << "):\n";
    table.write(out, OutputFormat::kTable);
    std::fputs(out.str().c_str(), stderr);
    return;
  }
  std::ofstream file(args.yield);
  if (!file) {
    throw InputError({args.yield, 0, "--yield"}, "cannot write the file", "a writable file path");
  }
  table.write(file, args.format);
}

// An egin field file: everything but the flags comes from it (run_field_water_balance).
void run_field_water_balance(const WaterBalanceArgs& args);

void run_water_balance(const WaterBalanceArgs& args) {
  if (!args.field.empty()) {
    run_field_water_balance(args);
    return;
  }
  for (const auto& [value, flag] : {std::pair{&args.weather, "--weather"},
                                    std::pair{&args.from, "--from"}, std::pair{&args.to, "--to"}}) {
    if (value->empty()) {
      throw InputError({"", 0, flag}, "missing", fmt::format("{} (needed without --field)", flag));
    }
  }
  const fw::WaterBalanceParameters params = load_field(args);
  LoadedWeather weather = load_weather(args.weather);
  const Date start = parse_date_flag(args.from, "--from");
  const Date end = parse_date_flag(args.to, "--to");

  fw::WaterBalanceOptions options;
  options.runoff = args.runoff;
  options.constant_p = args.constant_p;
  options.aquacrop_ks = args.aquacrop_ks;
  options.single_kc = args.single_kc;
  options.climate_adjust_kcb = args.climate_adjust_kcb;
  options.climate_adjust_kc = args.climate_adjust_kc;
  options.reference_crop = weather.reference.value_or(fw::ReferenceCrop::kShort);
  if (args.reference == "short") {
    options.reference_crop = fw::ReferenceCrop::kShort;
  } else if (args.reference == "tall") {
    options.reference_crop = fw::ReferenceCrop::kTall;
  }

  // Days without ETref: ASCE standardized ET for the reference crop, simple Rso (pyfao56).
  const fw::ReferenceEtFill fill =
      fw::fill_missing_reference_et(weather.series, options.reference_crop);
  if (fill.days_filled > 0) {
    std::fprintf(stderr,
                 "egin: note: ETref computed for %d days of %s (ASCE-EWRI 2005 %s, simple Rso)\n",
                 fill.days_filled, args.weather.c_str(),
                 options.reference_crop == fw::ReferenceCrop::kTall ? "ETrs" : "ETos");
  }

  std::unique_ptr<fw::IrrigationSource> irrigation = std::make_unique<fw::NoIrrigation>();
  if (!args.irrigation.empty()) {
    irrigation = std::make_unique<fw::RecordedIrrigation>(
        fw::pyfao56::read_irrigation(args.irrigation).events);
  }
  std::optional<fw::pyfao56::UpdateFile> updates;
  if (!args.updates.empty()) {
    updates = fw::pyfao56::read_updates(args.updates);
  }

  const fw::SeasonResult result =
      fw::run_season(params, options, weather.series, start, end, *irrigation,
                     updates ? &updates->updates : nullptr);
  fw::water_balance_table(result.days).write(std::cout, args.format);
  std::cout.flush();
  write_summary(result.summary, args);
}

void run_field_water_balance(const WaterBalanceArgs& args) {
  const auto libs = load_field_libraries(find_data_dir(args.data, args.field));
  const fw::FieldConfig field = fw::load_field_config(args.field, libs->crops, libs->soils);
  const std::filesystem::path weather_path =
      args.weather.empty() ? field.weather : std::filesystem::path(args.weather);
  if (weather_path.empty()) {
    throw InputError({field.source, 0, "weather"}, "no weather given",
                     "--weather FILE, or weather = \"FILE\" in the field file");
  }
  const fw::PreparedWeather weather = load_field_weather(weather_path, field);
  for (const std::string& note : weather.notes) {
    std::fprintf(stderr, "egin: note: %s\n", note.c_str());
  }
  const Date start = args.from.empty() ? field.planting : parse_date_flag(args.from, "--from");
  Date end = args.to.empty() ? field.harvest() : parse_date_flag(args.to, "--to");
  if (args.to.empty() && !weather.series.days.empty() && weather.series.days.back().date < end) {
    end = weather.series.days.back().date;
  }
  fw::WaterBalanceOptions options = field.options;
  options.runoff = options.runoff || args.runoff;
  options.constant_p = options.constant_p || args.constant_p;
  options.aquacrop_ks = options.aquacrop_ks || args.aquacrop_ks;
  options.single_kc = options.single_kc || args.single_kc;
  options.climate_adjust_kcb = options.climate_adjust_kcb || args.climate_adjust_kcb;
  options.climate_adjust_kc = options.climate_adjust_kc || args.climate_adjust_kc;

  // Recorded events on their dates; the strategy on the other days when asked (or when the
  // field's history follows it), as egin schedule runs the past.
  const std::vector<fw::DayInputs> days = fw::prepare_season_inputs(weather.series, start, end);
  fw::IrrigationStrategy strategy = fw::make_field_strategy(
      field,
      args.strategy || field.history_follows_strategy ? std::optional<Date>(start) : std::nullopt);
  strategy.set_outlook(days);
  const fw::SeasonResult result =
      fw::run_season(field.params, options, weather.series, start, end, strategy, nullptr);
  fw::water_balance_table(result.days).write(std::cout, args.format);
  std::cout.flush();
  write_summary(result.summary, args);
  write_yield(fw::field_yield_reduction(field, result.days), args);
}

}  // namespace

void add_water_balance_command(CLI::App& app) {
  auto args = std::make_shared<WaterBalanceArgs>();
  CLI::App* cmd = app.add_subcommand(
      "water-balance",
      "FAO-56 dual (or single) crop coefficient soil water balance of one field over a season, "
      "pyfao56-compatible; daily rows to stdout, seasonal totals to stderr or --summary");
  cmd->add_option("--pyfao56-par", args->pyfao56_par, "Field parameters: a pyfao56 .par file");
  cmd->add_option("--field", args->field,
                  "An egin field file (FIELD.toml): parameters, options and recorded irrigation; "
                  "--weather, --from, --to default to its weather, planting and harvest");
  cmd->add_option("--data", args->data,
                  "With --field: directory holding crops/ and soils/ (default: $EGIN_DATA_DIR, "
                  "or found next to the field file or in ./data)");
  cmd->add_flag("--strategy", args->strategy,
                "With --field: the field's strategy decides every day without a recorded event");
  cmd->add_option("--weather", args->weather,
                  "Daily weather: a pyfao56 .wth file or an egin daily weather CSV; missing ETref "
                  "(et0_mm) is computed (ASCE standardized, simple Rso; with --field the field's "
                  "ET0 method)");
  cmd->add_option("--irrigation", args->irrigation, "Recorded irrigation: a pyfao56 .irr file");
  cmd->add_option("--updates", args->updates,
                  "Observed Kcb, height, canopy cover: a pyfao56 .upd file");
  cmd->add_option("--from", args->from, "First day, YYYY-MM-DD or YYYY-DOY");
  cmd->add_option("--to", args->to, "Last day (inclusive), YYYY-MM-DD or YYYY-DOY");
  cmd->add_flag("--runoff", args->runoff,
                "Curve-number surface runoff, ASCE MOP 70 (2016) (pyfao56 roff)");
  cmd->add_flag("--constant-p", args->constant_p,
                "Keep p at pbase (no FAO-56 Table 22 ETc adjustment; pyfao56 cons_p)");
  cmd->add_flag("--aquacrop-ks", args->aquacrop_ks,
                "AquaCrop's convex water stress curve (pyfao56 aq_Ks)");
  cmd->add_flag("--single-kc", args->single_kc,
                "Root zone driven by the single Kc curve (Kcmini/mid/end), FAO-56 Ch. 6");
  cmd->add_flag("--climate-adjust-kcb", args->climate_adjust_kcb,
                "Adjust Kcb mid/end for wind and RHmin, FAO-56 Eq. 70");
  cmd->add_flag("--climate-adjust-kc", args->climate_adjust_kc,
                "Adjust single Kc mid/end for wind and RHmin, FAO-56 Eqs. 62 and 65");
  cmd->add_option("--reference", args->reference,
                  "Reference crop of ETref: short (grass) or tall (alfalfa); default: the .wth "
                  "file's, else short")
      ->check(CLI::IsMember({"short", "tall"}));
  cmd->add_option("--summary", args->summary,
                  "Write the seasonal totals to this file (in --format) instead of stderr");
  cmd->add_option("--yield", args->yield,
                  "With --field: write the expected yield reduction from water stress (FAO-33 "
                  "Ky, season and per stage) to this file (in --format) instead of stderr");
  add_format_option(*cmd, args->format);
  cmd->callback([args] { run_water_balance(*args); });
}

}  // namespace egin::cli
