// `egin et0`: reference evapotranspiration of every row of a weather CSV (daily or sub-daily, as
// its header says), with the intermediates and the FAO-56 fallbacks each row needed, so a user
// can check the figure by hand against FAO-56 Ch. 3–4 or a peer program.
//
// Defaults: --method fao56 with the simple clear-sky Rso (FAO-56 Eq. 37, pyfao56's choice);
// the asce-* methods default to the full ASCE-EWRI Appendix D Rso (REF-ET's choice); --rso
// overrides either. --constants refet reproduces the REF-ET 4.1 program (see et0.hpp).
#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include <cmath>
#include <cstdio>
#include <iostream>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "cli_support.hpp"
#include "commands.hpp"
#include "egin/agromet/et0.hpp"
#include "egin/agromet/weather_csv.hpp"
#include "egin/core/date.hpp"
#include "egin/core/table.hpp"

namespace egin::cli {

namespace {

namespace ag = egin::agromet;

struct Et0Args {
  std::string weather;
  std::string method = "fao56";
  std::string rso;  // empty: the method's default
  std::string constants = "standard";
  std::optional<double> lat;
  std::optional<double> lon;
  std::optional<double> elev;
  std::optional<double> wind_height;
  std::optional<double> krs;
  OutputFormat format = OutputFormat::kTable;
};

ag::Et0Options options_from(const Et0Args& args) {
  ag::Et0Options o;
  o.method = *ag::parse_et0_method(args.method);  // CLI::IsMember checked the name
  o.rso = args.rso.empty() ? ag::default_rso_form(o.method) : *ag::parse_rso_form(args.rso);
  o.constants = args.constants == "refet" ? ag::Et0Constants::kRefEt : ag::Et0Constants::kStandard;
  if (args.krs) o.krs = *args.krs;
  return o;
}

/// "2025-07-01T13:00+05:00": the period's start in the offset its row was written with.
std::string local_time_text(std::int64_t utc_s, int offset_s) {
  const std::int64_t local = utc_s + offset_s;
  const auto days = static_cast<int>((local >= 0 ? local : local - 86399) / 86400);
  const auto sec = static_cast<int>(local - static_cast<std::int64_t>(days) * 86400);
  const int off = offset_s < 0 ? -offset_s : offset_s;
  if (offset_s == 0) {
    return fmt::format("{}T{:02}:{:02}Z", Date::from_days(days).iso(), sec / 3600, sec % 3600 / 60);
  }
  return fmt::format("{}T{:02}:{:02}{}{:02}:{:02}", Date::from_days(days).iso(), sec / 3600,
                     sec % 3600 / 60, offset_s < 0 ? '-' : '+', off / 3600, off % 3600 / 60);
}

Table make_table(const char* time_column) {
  return Table({{time_column, 0},
                {"et0_mm", 3},
                {"ra_mj_m2", 3},
                {"rso_mj_m2", 3},
                {"rs_mj_m2", 3},
                {"rn_mj_m2", 3},
                {"g_mj_m2", 3},
                {"es_kpa", 3},
                {"ea_kpa", 3},
                {"delta_kpa_c", 4},
                {"gamma_kpa_c", 5},
                {"u2_m_s", 3},
                {"flags", 0}});
}

Table::Cell number(double v) { return std::isnan(v) ? Table::Cell{} : Table::Cell{v}; }

void add_result(Table& table, std::string time, const ag::Et0Result& r) {
  table.add_row({std::move(time), number(r.et0_mm), number(r.ra_mj_m2), number(r.rso_mj_m2),
                 number(r.rs_mj_m2), number(r.rn_mj_m2), number(r.g_mj_m2), number(r.es_kpa),
                 number(r.ea_kpa), number(r.delta_kpa_c), number(r.gamma_kpa_c), number(r.u2_m_s),
                 ag::et0_flags_text(r.flags)});
}

struct Counts {
  std::size_t rows = 0;
  std::size_t with_fallbacks = 0;
  std::size_t not_computed = 0;
  void add(const ag::Et0Result& r) {
    ++rows;
    if (r.flags != 0) ++with_fallbacks;
    if (std::isnan(r.et0_mm)) ++not_computed;
  }
};

void run_et0(const Et0Args& args) {
  ag::WeatherCsvOverrides overrides;
  overrides.latitude_deg = args.lat;
  overrides.longitude_deg = args.lon;
  overrides.elevation_m = args.elev;
  overrides.wind_height_m = args.wind_height;
  const ag::Et0Options options = options_from(args);
  const ag::WeatherCsvSeries series = ag::read_weather_csv(args.weather, overrides);

  Counts counts;
  const char* kind = "daily";
  std::optional<Table> table;
  if (const auto* daily = std::get_if<ag::DailyWeatherSeries>(&series)) {
    const ag::DailyEt0Calculator calc(daily->site, options, daily->source);
    table.emplace(make_table("date"));
    for (const ag::DailyWeather& day : daily->days) {
      calc.check(day, daily->source);
      const ag::Et0Result r = calc.compute(day);
      counts.add(r);
      add_result(*table, day.date.iso(), r);
    }
  } else {
    const auto& periods = std::get<ag::PeriodWeatherSeries>(series);
    kind = "sub-daily";
    ag::PeriodEt0Calculator calc(periods.site, options, periods.source);
    table.emplace(make_table("time"));
    for (const ag::PeriodWeather& p : periods.periods) {
      const ag::Et0Result r = calc.compute(p);
      counts.add(r);
      add_result(*table, local_time_text(p.start_utc_s, p.utc_offset_s), r);
    }
  }
  table->write(std::cout, args.format);
  std::cout.flush();
  std::fprintf(stderr,
               "egin et0: %s, rso %s, %s constants: %zu %s rows, %zu with fallbacks, %zu "
               "not computable\n",
               std::string(ag::et0_method_name(options.method)).c_str(),
               std::string(ag::rso_form_name(options.rso)).c_str(), args.constants.c_str(),
               counts.rows, kind, counts.with_fallbacks, counts.not_computed);
}

}  // namespace

void add_et0_command(CLI::App& app) {
  auto args = std::make_shared<Et0Args>();
  CLI::App* cmd = app.add_subcommand(
      "et0",
      "Reference evapotranspiration (FAO-56 Penman-Monteith, ASCE-EWRI ETo/ETr, Hargreaves) "
      "of each row of a daily or sub-daily weather CSV, with intermediates and fallback flags");
  cmd->add_option("--weather", args->weather, "Weather CSV file (docs/formats/weather-csv.md)")
      ->required();
  cmd->add_option("--method", args->method,
                  "fao56 (FAO-56 PM), asce-eto, asce-etr (ASCE-EWRI 2005 standardized), "
                  "hargreaves (FAO-56 Eq. 52, daily only)")
      ->check(CLI::IsMember({"fao56", "asce-eto", "asce-etr", "hargreaves"}))
      ->default_str("fao56");
  cmd->add_option("--rso", args->rso,
                  "Clear-sky radiation: simple (FAO-56 Eq. 37), angstrom (Eq. 36), full (ASCE-EWRI "
                  "Appendix D); default simple for fao56/hargreaves, full for asce-*")
      ->check(CLI::IsMember({"simple", "angstrom", "full"}));
  cmd->add_option("--constants", args->constants,
                  "standard (FAO-56 / ASCE-EWRI as published) or refet (REF-ET 4.1's, for parity)")
      ->check(CLI::IsMember({"standard", "refet"}))
      ->default_str("standard");
  cmd->add_option("--lat", args->lat, "Latitude, degrees north (overrides the file)")
      ->check(CLI::Range(-90.0, 90.0));
  cmd->add_option("--lon", args->lon, "Longitude, degrees EAST (overrides the file)")
      ->check(CLI::Range(-180.0, 180.0));
  cmd->add_option("--elev", args->elev, "Elevation, m (overrides the file)")
      ->check(CLI::Range(-500.0, 9000.0));
  cmd->add_option("--wind-height", args->wind_height,
                  "Height of the wind measurement, m (overrides the file)")
      ->check(CLI::Range(0.5, 100.0));
  cmd->add_option("--krs", args->krs,
                  "Hargreaves radiation coefficient kRs for Rs from the temperature range "
                  "(FAO-56 Eq. 50: 0.16 interior, 0.19 coastal)")
      ->check(CLI::Range(0.1, 0.3));
  add_format_option(*cmd, args->format);
  cmd->callback([args] { run_et0(*args); });
}

}  // namespace egin::cli
