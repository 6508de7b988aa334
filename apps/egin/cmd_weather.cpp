// `egin weather`: synthetic and sub-daily weather.
//   egin weather generate --normals FILE|NAME --years N --seed S [--start-year Y] [--out FILE]
//                         [--step daily|1h|30m|15m|10m|5m] [--utc-offset ±HH:MM] [--data DIR]
//     Daily years from monthly climate normals by the WGEN-type generator
//     (agromet/weather_generator.hpp); a sub-daily step runs them through the disaggregator.
//   egin weather disaggregate --weather DAILY.csv --step 1h|30m|15m|10m|5m [--out FILE] ...
//     Sub-daily weather from a daily weather CSV (agromet/weather_disaggregator.hpp).
// Both write the weather CSV contract (docs/formats/weather-csv.md) to --out or stdout, and a
// summary with every FAO-56 fallback taken to stderr. Bad input exits 2 (main.cpp).
#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "commands.hpp"
#include "egin/agromet/climate_normals.hpp"
#include "egin/agromet/weather_csv.hpp"
#include "egin/agromet/weather_csv_writer.hpp"
#include "egin/agromet/weather_disaggregator.hpp"
#include "egin/agromet/weather_generator.hpp"
#include "egin/core/input_error.hpp"

namespace egin::cli {

namespace {

namespace ag = egin::agromet;
namespace fs = std::filesystem;

// Sub-daily output is built in memory: 30 years of 5-minute periods are 3.2 M records (≈ 0.4 GB).
constexpr int kMaxSubDailyYears = 30;

/// Seconds of a --step value; nullopt for "daily".
std::optional<int> step_seconds(const std::string& step) {
  if (step == "daily") {
    return std::nullopt;
  }
  if (step == "1h") {
    return 3600;
  }
  if (step == "30m") {
    return 1800;
  }
  if (step == "15m") {
    return 900;
  }
  if (step == "10m") {
    return 600;
  }
  if (step == "5m") {
    return 300;
  }
  throw InputError({"", 0, "--step"}, "unknown step '" + step + "'",
                   "daily, 1h, 30m, 15m, 10m or 5m");
}

/// "+05:00", "-03:30", "Z" or whole hours "5", "-3" → seconds east of UTC.
int parse_utc_offset(const std::string& text) {
  const auto bad = [&] {
    return InputError({"", 0, "--utc-offset"}, "'" + text + "' is not a UTC offset",
                      "±HH:MM (e.g. +05:00) or whole hours, −12 to +14");
  };
  if (text == "Z" || text == "z") {
    return 0;
  }
  std::size_t at = 0;
  int sign = 1;
  if (!text.empty() && (text[0] == '+' || text[0] == '-')) {
    sign = text[0] == '-' ? -1 : 1;
    at = 1;
  }
  int hours = 0;
  int minutes = 0;
  const std::string rest = text.substr(at);
  const auto colon = rest.find(':');
  try {
    std::size_t used = 0;
    hours = std::stoi(rest.substr(0, colon), &used);
    if (used != (colon == std::string::npos ? rest.size() : colon)) {
      throw bad();
    }
    if (colon != std::string::npos) {
      minutes = std::stoi(rest.substr(colon + 1), &used);
      if (used != rest.size() - colon - 1 || minutes < 0 || minutes > 59) {
        throw bad();
      }
    }
  } catch (const std::logic_error&) {
    throw bad();
  }
  const int seconds = sign * (hours * 3600 + minutes * 60);
  if (hours < 0 || seconds < -12 * 3600 || seconds > 14 * 3600) {
    throw bad();
  }
  return seconds;
}

std::string offset_text(int seconds) {
  const int a = seconds < 0 ? -seconds : seconds;
  return fmt::format("{}{:02}:{:02}", seconds < 0 ? '-' : '+', a / 3600, a % 3600 / 60);
}

/// Where `--normals NAME` is looked for: --data/weather, $EGIN_DATA_DIR/weather,
/// ./data/weather, and data/weather in the folders above the program.
std::vector<fs::path> normals_dirs(const std::string& data_flag) {
  std::vector<fs::path> dirs;
  if (!data_flag.empty()) {
    dirs.emplace_back(fs::path(data_flag) / "weather");
  }
  if (const char* env = std::getenv("EGIN_DATA_DIR"); env != nullptr && *env != '\0') {
    dirs.emplace_back(fs::path(env) / "weather");
  }
  std::error_code ec;
  dirs.emplace_back(fs::current_path(ec) / "data" / "weather");
  fs::path dir = fs::read_symlink("/proc/self/exe", ec).parent_path();
  while (!ec && !dir.empty()) {
    dirs.emplace_back(dir / "data" / "weather");
    if (dir == dir.parent_path()) {
      break;
    }
    dir = dir.parent_path();
  }
  return dirs;
}

std::string resolve_normals(const std::string& name, const std::string& data_flag) {
  std::error_code ec;
  if (fs::is_regular_file(name, ec)) {
    return name;
  }
  const bool looks_like_path =
      name.find('/') != std::string::npos || fs::path(name).extension() == ".toml";
  if (!looks_like_path) {
    for (const fs::path& dir : normals_dirs(data_flag)) {
      for (const std::string& file : {name + "_normals.toml", name + ".toml"}) {
        if (fs::is_regular_file(dir / file, ec)) {
          return (dir / file).string();
        }
      }
    }
  }
  std::vector<std::string> known;
  for (const fs::path& dir : normals_dirs(data_flag)) {
    if (!fs::is_directory(dir, ec)) {
      continue;
    }
    for (const auto& entry : fs::directory_iterator(dir, ec)) {
      const std::string f = entry.path().filename().string();
      const std::string suffix = "_normals.toml";
      if (f.size() > suffix.size() &&
          f.compare(f.size() - suffix.size(), suffix.size(), suffix) == 0) {
        known.push_back(f.substr(0, f.size() - suffix.size()));
      }
    }
    if (!known.empty()) {
      break;
    }
  }
  std::string expected = "an existing normals file, or a name of data/weather/<name>_normals.toml";
  if (!known.empty()) {
    expected += " (";
    for (std::size_t i = 0; i < known.size(); ++i) {
      expected += (i ? ", " : "") + known[i];
    }
    expected += ")";
  }
  throw InputError({"", 0, "--normals"}, "no normals file '" + name + "'", expected);
}

/// Writes with `write(out)` to `path`, or to stdout when `path` is empty.
template <typename Write>
void emit(const std::string& path, Write write) {
  if (path.empty()) {
    write(std::cout);
    std::cout.flush();
    return;
  }
  std::ofstream out(path, std::ios::binary);
  if (!out) {
    throw InputError({path, 0, "--out"}, "cannot write the file", "a writable path");
  }
  write(out);
  out.close();
  if (!out) {
    throw InputError({path, 0, "--out"}, "writing the file failed", "a writable path");
  }
}

std::string fallback_summary(const ag::DisaggregationResult& r) {
  std::string out;
  for (int bit = 0; bit < ag::kDisaggregationFlagCount; ++bit) {
    const int n = r.flag_days[static_cast<std::size_t>(bit)];
    if (n > 0) {
      out += fmt::format("{}{} ({} days)", out.empty() ? "" : "; ",
                         ag::disaggregation_flag_name(bit), n);
    }
  }
  return out.empty() ? "none" : out;
}

ag::CsvMetadata disaggregation_metadata(const ag::DisaggregationResult& r,
                                        const ag::DisaggregationOptions& o) {
  ag::CsvMetadata meta;
  meta.emplace_back("utc_offset", offset_text(r.utc_offset_s));
  meta.emplace_back(
      "disaggregated",
      fmt::format("egin weather disaggregate, step {} s: temperature Parton & Logan 1981 "
                  "(a {} h, b {}, c {} h); radiation by the clear-sky shape ({}); ea constant, "
                  "RH capped at 100 %; wind the daily mean; precipitation even over the day",
                  o.step_s, o.temperature.a_h, o.temperature.b, o.temperature.c_h,
                  r.radiation_shape_clear_sky ? "ASCE-EWRI 2005 App. D" : "Ra only, no elevation"));
  meta.emplace_back("fallbacks", fallback_summary(r));
  meta.emplace_back("fallback_parameters",
                    fmt::format("kRs {} (FAO-56 Eq. 50), K0 {} °C (Eq. 48), Angström as {} bs {} "
                                "(Eq. 35), wind 2 m/s at 2 m",
                                o.krs, o.tdew_below_tmin_c, o.angstrom_as, o.angstrom_bs));
  return meta;
}

// ---------------------------------------------------------------------------------------------

struct GenerateArgs {
  std::string normals;
  int years = 1;
  std::uint64_t seed = 0;
  int start_year = 2025;
  std::string out;
  std::string step = "daily";
  std::string utc_offset;
  std::string data;
};

void run_generate(const GenerateArgs& a) {
  const std::optional<int> step = step_seconds(a.step);  // checked before the work
  const std::optional<int> offset =
      a.utc_offset.empty() ? std::nullopt : std::optional<int>(parse_utc_offset(a.utc_offset));
  if (step && a.years > kMaxSubDailyYears) {
    throw InputError(
        {"", 0, "--years"},
        fmt::format("{} years at a sub-daily step is more than it holds in memory", a.years),
        fmt::format("at most {} years with --step {} (or generate daily and "
                    "disaggregate year by year)",
                    kMaxSubDailyYears, a.step));
  }
  const std::string path = resolve_normals(a.normals, a.data);
  const ag::ClimateNormals normals = ag::read_climate_normals(path);
  ag::WeatherGeneratorOptions options;
  options.years = a.years;
  options.seed = a.seed;
  options.start_year = a.start_year;
  const ag::GeneratedWeather generated = ag::generate_daily_weather(normals, options);
  ag::CsvMetadata meta;
  meta.emplace_back("synthetic",
                    fmt::format("yes - made by egin weather generate (seed {}, {} years from {}) "
                                "from {}; not a record of real days",
                                a.seed, a.years, a.start_year, fs::path(path).filename().string()));
  meta.emplace_back("normals", fmt::format("{}{}", normals.name,
                                           normals.period.empty() ? "" : " " + normals.period));
  for (const std::string& note : generated.notes) {
    meta.emplace_back("generator", note);
  }
  std::string tail;
  if (!step) {
    emit(a.out,
         [&](std::ostream& out) { ag::write_daily_weather_csv(out, generated.series, meta); });
  } else {
    ag::DisaggregationOptions o;
    o.step_s = *step;
    o.utc_offset_s = offset;
    const ag::DisaggregationResult r = ag::disaggregate_daily_weather(generated.series, o);
    const ag::CsvMetadata more = disaggregation_metadata(r, o);
    meta.insert(meta.end(), more.begin(), more.end());
    emit(a.out, [&](std::ostream& out) { ag::write_period_weather_csv(out, r.series, meta); });
    tail = fmt::format(", {} periods of {} s at UTC{}; fallbacks: {}", r.series.periods.size(),
                       o.step_s, offset_text(r.utc_offset_s), fallback_summary(r));
  }
  std::fprintf(stderr, "egin weather generate: %zu days (%d years from %d) from %s, seed %llu%s\n",
               generated.series.days.size(), a.years, a.start_year, path.c_str(),
               static_cast<unsigned long long>(a.seed), tail.c_str());
  for (const std::string& note : generated.notes) {
    std::fprintf(stderr, "  %s\n", note.c_str());
  }
}

struct DisaggregateArgs {
  std::string weather;
  std::string step;
  std::string out;
  std::string utc_offset;
  std::optional<double> lat;
  std::optional<double> lon;
  std::optional<double> elev;
  std::optional<double> wind_height;
  std::optional<double> krs;
  std::optional<double> tdew_below_tmin;
};

void run_disaggregate(const DisaggregateArgs& a) {
  const std::optional<int> step = step_seconds(a.step);
  if (!step) {
    throw InputError({"", 0, "--step"}, "'daily' is not a sub-daily step",
                     "1h, 30m, 15m, 10m or 5m");
  }
  ag::WeatherCsvOverrides overrides;
  overrides.latitude_deg = a.lat;
  overrides.longitude_deg = a.lon;
  overrides.elevation_m = a.elev;
  overrides.wind_height_m = a.wind_height;
  ag::DisaggregationOptions o;
  o.step_s = *step;
  if (!a.utc_offset.empty()) {
    o.utc_offset_s = parse_utc_offset(a.utc_offset);
  }
  if (a.krs) {
    o.krs = *a.krs;
  }
  if (a.tdew_below_tmin) {
    o.tdew_below_tmin_c = *a.tdew_below_tmin;
  }
  const ag::DailyWeatherSeries daily = ag::read_daily_weather_csv(a.weather, overrides);
  const ag::DisaggregationResult r = ag::disaggregate_daily_weather(daily, o);
  ag::CsvMetadata meta;
  meta.emplace_back("daily_source", fs::path(a.weather).filename().string());
  const ag::CsvMetadata more = disaggregation_metadata(r, o);
  meta.insert(meta.end(), more.begin(), more.end());
  emit(a.out, [&](std::ostream& out) { ag::write_period_weather_csv(out, r.series, meta); });
  std::fprintf(stderr,
               "egin weather disaggregate: %zu days -> %zu periods of %d s at UTC%s; "
               "fallbacks: %s\n",
               daily.days.size(), r.series.periods.size(), o.step_s,
               offset_text(r.utc_offset_s).c_str(), fallback_summary(r).c_str());
}

}  // namespace

void add_weather_command(CLI::App& app) {
  CLI::App* weather = app.add_subcommand(
      "weather", "Synthetic daily weather from climate normals, and sub-daily weather from daily");
  weather->require_subcommand(1);

  auto g = std::make_shared<GenerateArgs>();
  CLI::App* gen = weather->add_subcommand(
      "generate",
      "Seeded WGEN-type daily weather years from monthly climate normals (Richardson 1981; "
      "Geng et al. 1986; GWGEN); --step 1h/5m disaggregates them");
  gen->add_option("--normals", g->normals,
                  "Climate normals TOML file, or a name in data/weather (e.g. shardara)")
      ->required();
  gen->add_option("--years", g->years, "Years to generate (1 to 10000)")
      ->required()
      ->check(CLI::Range(1, 10000));
  gen->add_option("--seed", g->seed, "Seed of the random stream (same seed, same weather)")
      ->required();
  gen->add_option("--start-year", g->start_year, "First year (1 January)")
      ->default_str("2025")
      ->check(CLI::Range(1, 9000));
  gen->add_option("--out", g->out, "Output CSV file (default: stdout)");
  gen->add_option("--step", g->step, "daily (default) or a sub-daily step: 1h, 30m, 15m, 10m, 5m")
      ->default_str("daily");
  gen->add_option("--utc-offset", g->utc_offset,
                  "UTC offset of the sub-daily time stamps, e.g. +05:00 (default: longitude/15)");
  gen->add_option("--data", g->data,
                  "Data directory holding weather/ (default: $EGIN_DATA_DIR, "
                  "./data, or the one above the program)");
  gen->callback([g] { run_generate(*g); });

  auto d = std::make_shared<DisaggregateArgs>();
  CLI::App* dis = weather->add_subcommand(
      "disaggregate",
      "Sub-daily weather (t_out_c, rh_out_pct, iglob_w_m2, wind_m_s, precip_mm) from a daily "
      "weather CSV: Parton & Logan temperature, clear-sky radiation shape, constant ea");
  dis->add_option("--weather", d->weather, "Daily weather CSV (docs/formats/weather-csv.md)")
      ->required();
  dis->add_option("--step", d->step, "1h, 30m, 15m, 10m or 5m")->required();
  dis->add_option("--out", d->out, "Output CSV file (default: stdout)");
  dis->add_option("--utc-offset", d->utc_offset,
                  "UTC offset of the output time stamps and of the daily file's days, e.g. "
                  "+05:00 (default: longitude/15)");
  dis->add_option("--lat", d->lat, "Latitude, degrees north (overrides the file)")
      ->check(CLI::Range(-90.0, 90.0));
  dis->add_option("--lon", d->lon, "Longitude, degrees EAST (overrides the file)")
      ->check(CLI::Range(-180.0, 180.0));
  dis->add_option("--elev", d->elev, "Elevation, m (overrides the file)")
      ->check(CLI::Range(-500.0, 9000.0));
  dis->add_option("--wind-height", d->wind_height, "Height of the wind measurement, m")
      ->check(CLI::Range(0.5, 100.0));
  dis->add_option("--krs", d->krs, "kRs of FAO-56 Eq. 50 when Rs is missing (0.16 interior)")
      ->check(CLI::Range(0.1, 0.3));
  dis->add_option("--tdew-below-tmin", d->tdew_below_tmin,
                  "K0 of FAO-56 Eq. 48 when humidity is missing (0 humid, 2-3 arid)")
      ->check(CLI::Range(0.0, 10.0));
  dis->callback([d] { run_disaggregate(*d); });
}

}  // namespace egin::cli
