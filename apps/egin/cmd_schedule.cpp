// `egin schedule`: today's irrigation recommendation for one field (an egin field file) from
// observed weather and the farm's recorded irrigation, with the next days projected on a
// forecast or the recent mean ETo (fieldwater/schedule.hpp). Table output is for people (the
// recommendation, its reason in words, the next days); csv is the projected days, one row each,
// the first being the recommendation; json carries every intermediate.
#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include <cmath>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "cli_support.hpp"
#include "commands.hpp"
#include "egin/core/input_error.hpp"
#include "egin/core/table.hpp"
#include "egin/fieldwater/schedule.hpp"
#include "field_support.hpp"
#include "schedule_output.hpp"

namespace egin::cli {

namespace {

namespace fw = egin::fieldwater;

struct ScheduleArgs {
  std::string field;
  std::string weather;
  std::string forecast;
  std::string date;
  std::string data;
  int days = 7;
  bool simulate_past = false;
  OutputFormat format = OutputFormat::kTable;
};

void run_schedule_command(const ScheduleArgs& args) {
  const auto libs = load_field_libraries(find_data_dir(args.data, args.field));
  const fw::FieldConfig field = fw::load_field_config(args.field, libs->crops, libs->soils);
  std::filesystem::path weather_path = args.weather;
  if (weather_path.empty()) {
    if (field.weather.empty()) {
      throw InputError({field.source, 0, "weather"}, "no weather given",
                       "--weather FILE, or weather = \"FILE\" in the field file");
    }
    weather_path = field.weather;
  }
  const fw::PreparedWeather observed = load_field_weather(weather_path, field);
  std::optional<fw::PreparedWeather> forecast;
  if (!args.forecast.empty()) {
    forecast = load_field_weather(args.forecast, field);
  }
  fw::ScheduleRequest request;
  if (!args.date.empty()) {
    request.as_of = parse_date_option(args.date, "--date");
  }
  request.days_ahead = args.days;
  request.simulate_past = args.simulate_past;
  fw::ScheduleResult result =
      fw::run_schedule(field, observed.series, forecast ? &forecast->series : nullptr, request);
  for (auto it = observed.notes.rbegin(); it != observed.notes.rend(); ++it) {
    result.notes.insert(result.notes.begin(), "weather: " + *it);
  }
  if (forecast) {
    for (const std::string& n : forecast->notes) {
      result.notes.push_back("forecast: " + n);
    }
  }
  switch (args.format) {
    case OutputFormat::kJson:
      std::cout << schedule_json(field, result).dump(2) << '\n';
      break;
    case OutputFormat::kCsv:
      projection_table(field, result, true).write(std::cout, OutputFormat::kCsv);
      break;
    case OutputFormat::kTable:
      write_schedule_text(std::cout, field, result);
      break;
  }
}

}  // namespace

void add_schedule_command(CLI::App& app) {
  auto args = std::make_shared<ScheduleArgs>();
  CLI::App* cmd = app.add_subcommand(
      "schedule",
      "Irrigation recommendation for one field (egin field file): the FAO-56 water balance from "
      "planting to --date on observed weather and recorded irrigation, then --days projected "
      "with the field's strategy; the reason with its numbers");
  cmd->add_option("--field", args->field, "The field: an egin field file (FIELD.toml)")->required();
  cmd->add_option("--weather", args->weather,
                  "Observed daily weather, egin CSV (ET0 computed when it has no et0_mm); "
                  "default: the field file's weather key");
  cmd->add_option("--forecast", args->forecast,
                  "Forecast daily weather, egin CSV, for the days after --date; without it the "
                  "projection uses the mean ETo of the last 7 days and no rain");
  cmd->add_option("--date", args->date,
                  "Last observed day (YYYY-MM-DD); the recommendation is for the day after. "
                  "Default: the last day of the weather");
  cmd->add_option("--days", args->days, "Days projected ahead (1 to 16)")
      ->default_val(7)
      ->check(CLI::Range(1, 16));
  cmd->add_flag("--simulate-past", args->simulate_past,
                "Let the strategy decide the past days too (days without a recorded event), "
                "instead of the record alone");
  cmd->add_option("--data", args->data,
                  "Directory holding crops/ and soils/ (default: $EGIN_DATA_DIR, or found "
                  "next to the field file or in ./data)");
  add_format_option(*cmd, args->format);
  cmd->callback([args] { run_schedule_command(*args); });
}

}  // namespace egin::cli
