// `egin batch`: the schedule of many fields at once (fieldwater/batch.hpp) on a pool of threads,
// one row per field — the recommendation for the day after --date and the observed seasonal
// sums with the expected yield reduction from water stress (FAO-33 Ky, season and per stage) —
// as table, csv or json; a field that fails gets a row with its error and the command
// exits 2 after printing every row. With --out DIR the summary goes to DIR/summary.<format> and
// each field's full schedule (json) to DIR/fields/<file stem>.json.
#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <thread>

#include "cli_support.hpp"
#include "commands.hpp"
#include "egin/agromet/weather_csv.hpp"
#include "egin/core/input_error.hpp"
#include "egin/core/table.hpp"
#include "egin/fieldwater/application_method.hpp"
#include "egin/fieldwater/batch.hpp"
#include "field_support.hpp"
#include "schedule_output.hpp"

namespace egin::cli {

namespace {

namespace fw = egin::fieldwater;

struct BatchArgs {
  std::string fields;
  std::string weather;
  std::string forecast;
  std::string date;
  std::string data;
  std::string out = "-";
  int days = 7;
  int jobs = 0;  // 0: every core
  bool simulate_past = false;
  OutputFormat format = OutputFormat::kCsv;
};

Table summary_table(const std::vector<fw::BatchRow>& rows) {
  Table table({{"file", 0},
               {"field", 0},
               {"status", 0},
               {"crop", 0},
               {"method", 0},
               {"strategy", 0},
               {"area_ha", 2},
               {"as_of", 0},
               {"date", 0},
               {"irrigate", 0},
               {"net_mm", 1},
               {"gross_mm", 1},
               {"volume_m3", 0},
               {"decision", 0},
               {"dr_mm", 1},
               {"taw_mm", 1},
               {"raw_mm", 1},
               {"ks", 3},
               {"season_days", 0},
               {"et0_mm", 1},
               {"etc_mm", 1},
               {"eta_mm", 1},
               {"rain_mm", 1},
               {"irrigation_gross_mm", 1},
               {"irrigation_net_mm", 1},
               {"irrigation_m3", 0},
               {"dp_mm", 1},
               {"runoff_mm", 1},
               {"ky_season", 2},
               {"yield_reduction_pct", 1},
               {"yield_reduction_ini_pct", 1},
               {"yield_reduction_dev_pct", 1},
               {"yield_reduction_mid_pct", 1},
               {"yield_reduction_late_pct", 1},
               {"yield_reduction_stages_pct", 1},
               {"reason", 0},
               {"error", 0}});
  for (const fw::BatchRow& r : rows) {
    if (!r.ok) {
      std::vector<Table::Cell> cells(table.columns().size());
      cells[0] = r.file;
      cells[1] = r.field;
      cells[2] = std::string("error");
      cells.back() = r.error;
      table.add_row(std::move(cells));
      continue;
    }
    const fw::FieldConfig& f = *r.config;
    const fw::StrategyTrace& t = r.recommendation.trace;
    const fw::SeasonSummary& s = r.observed;
    const fw::SeasonYieldReduction& y = r.yield;
    const auto pct = [](const std::optional<double>& fraction) -> Table::Cell {
      return fraction ? Table::Cell{100.0 * *fraction} : Table::Cell{};
    };
    // A stage: its reduction, "no Ky" when FAO-33 gives none for it, empty without any Ky.
    const auto stage = [&](std::size_t i) -> Table::Cell {
      if (!y.available) {
        return {};
      }
      return y.stages[i].ky.ky ? pct(y.stages[i].reduction_fraction)
                               : Table::Cell{std::string("no Ky")};
    };
    table.add_row({r.file,
                   r.field,
                   std::string("ok"),
                   f.crop_name.empty() ? std::string("inline") : f.crop_name,
                   std::string(f.method_info().name),
                   std::string(fw::strategy_kind_name(f.strategy.kind)),
                   f.area_ha,
                   r.as_of.iso(),
                   r.recommendation.date.iso(),
                   std::string(r.recommendation.irrigate ? "yes" : "no"),
                   r.recommendation.net_mm,
                   r.recommendation.gross_mm,
                   r.recommendation.volume_m3,
                   std::string(fw::decision_reason_name(t.reason)),
                   r.state_as_of.dr_mm,
                   r.state_as_of.taw_mm,
                   t.raw_mm,
                   r.state_as_of.ks_end,
                   static_cast<double>(s.days),
                   s.et_ref_mm,
                   s.etc_mm,
                   s.eta_mm,
                   s.rain_mm,
                   s.irrigation_mm,
                   s.irrigation_mm - s.irrigation_loss_mm,
                   fw::volume_m3(s.irrigation_mm, f.area_ha),
                   s.dp_mm,
                   s.runoff_mm,
                   y.ky_season ? Table::Cell{*y.ky_season} : Table::Cell{},
                   y.available ? pct(y.season_fraction) : Table::Cell{y.unavailable_reason},
                   stage(0),
                   stage(1),
                   stage(2),
                   stage(3),
                   pct(y.stages_fraction),
                   r.recommendation.reason,
                   Table::Cell{}});
  }
  return table;
}

void run_batch_command(const BatchArgs& args) {
  const std::vector<std::filesystem::path> files = fw::list_field_files(args.fields);
  const auto libs = load_field_libraries(find_data_dir(args.data, files.front()));
  std::optional<agromet::DailyWeatherSeries> weather;
  std::optional<agromet::DailyWeatherSeries> forecast;
  if (!args.weather.empty()) {
    weather = agromet::read_daily_weather_csv(args.weather);
  }
  if (!args.forecast.empty()) {
    forecast = agromet::read_daily_weather_csv(args.forecast);
  }
  fw::BatchInputs inputs;
  inputs.crops = &libs->crops;
  inputs.soils = &libs->soils;
  inputs.weather = weather ? &*weather : nullptr;
  inputs.forecast = forecast ? &*forecast : nullptr;
  if (!args.date.empty()) {
    inputs.request.as_of = parse_date_option(args.date, "--date");
  }
  inputs.request.days_ahead = args.days;
  inputs.request.simulate_past = args.simulate_past;
  inputs.keep_schedules = args.out != "-";
  const int jobs = args.jobs > 0
                       ? args.jobs
                       : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));

  const std::vector<fw::BatchRow> rows = fw::run_batch_files(files, inputs, jobs);
  const Table table = summary_table(rows);
  if (args.out == "-") {
    table.write(std::cout, args.format);
  } else {
    const std::filesystem::path out(args.out);
    std::error_code ec;
    std::filesystem::create_directories(out / "fields", ec);
    if (ec) {
      throw InputError({args.out, 0, "--out"}, "cannot create the directory", "a writable path");
    }
    const char* ext = args.format == OutputFormat::kJson  ? "json"
                      : args.format == OutputFormat::kCsv ? "csv"
                                                          : "txt";
    std::ofstream summary(out / fmt::format("summary.{}", ext));
    table.write(summary, args.format);
    for (const fw::BatchRow& r : rows) {
      if (r.ok && r.schedule) {
        std::ofstream f(out / "fields" / (std::filesystem::path(r.file).stem().string() + ".json"));
        f << schedule_json(*r.config, *r.schedule).dump(2) << '\n';
      }
    }
    std::cerr << fmt::format("egin batch: {} fields, summary in {}\n", rows.size(),
                             (out / fmt::format("summary.{}", ext)).string());
  }
  std::cout.flush();
  int failed = 0;
  for (const fw::BatchRow& r : rows) {
    if (!r.ok) {
      std::cerr << fmt::format("egin batch: {}: {}\n", r.file, r.error);
      ++failed;
    }
  }
  if (failed > 0) {
    throw InputError({args.fields, 0, "--fields"},
                     fmt::format("{} of {} fields failed", failed, rows.size()),
                     "every field file valid and covered by its weather");
  }
}

}  // namespace

void add_batch_command(CLI::App& app) {
  auto args = std::make_shared<BatchArgs>();
  CLI::App* cmd = app.add_subcommand(
      "batch",
      "Irrigation recommendations for many fields at once on all cores: one row per field (the "
      "recommendation after --date and the observed seasonal sums); a failed field is a row "
      "with its error and exit code 2");
  cmd->add_option("--fields", args->fields,
                  "A directory of field files (*.toml) or a text file listing them, one a line")
      ->required();
  cmd->add_option("--weather", args->weather,
                  "Daily weather (egin CSV) for every field that names none itself (its "
                  "weather key wins)");
  cmd->add_option("--forecast", args->forecast, "Forecast daily weather (egin CSV), shared");
  cmd->add_option("--date", args->date,
                  "Last observed day (YYYY-MM-DD) for every field; default: each weather's last");
  cmd->add_option("--days", args->days, "Days projected ahead (1 to 16)")
      ->default_val(7)
      ->check(CLI::Range(1, 16));
  cmd->add_option("--jobs", args->jobs, "Threads (default: every core)")->check(CLI::Range(1, 256));
  cmd->add_option("--out", args->out,
                  "'-' (stdout, default) or a directory for summary.<format> and fields/*.json")
      ->default_val("-");
  cmd->add_flag("--simulate-past", args->simulate_past,
                "Let each field's strategy decide its past days too");
  cmd->add_option("--data", args->data, "Directory holding crops/ and soils/");
  const std::map<std::string, OutputFormat> names{
      {"table", OutputFormat::kTable}, {"csv", OutputFormat::kCsv}, {"json", OutputFormat::kJson}};
  cmd->add_option("--format", args->format, "Output format: csv (default), json or table")
      ->transform(CLI::CheckedTransformer(names, CLI::ignore_case))
      ->default_str("csv");
  cmd->callback([args] { run_batch_command(*args); });
}

}  // namespace egin::cli
