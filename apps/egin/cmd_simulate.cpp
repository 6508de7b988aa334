// `egin simulate greenhouse`: a run of the greenhouse twin (src/egin/greenhouse) — a design, a
// sub-daily weather file and a controller — with the time series of states and key fluxes
// written to --out and the season summary (heating, lamp electricity, CO2, transpiration, fresh
// fruit, hours outside the temperature and humidity bands) on stdout. Long runs show progress on
// a terminal. Controllers are listed in simulate_controllers.cpp.
#include <fmt/format.h>
#include <unistd.h>
#include <CLI/CLI.hpp>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "cli_support.hpp"
#include "commands.hpp"
#include "egin/agromet/weather_csv.hpp"
#include "egin/core/date.hpp"
#include "egin/core/input_error.hpp"
#include "egin/core/table.hpp"
#include "egin/core/toml_fields.hpp"
#include "egin/greenhouse/design_toml.hpp"
#include "egin/greenhouse/simulation.hpp"
#include "egin/greenhouse/weather_forcing.hpp"
#include "egin/runtime/band_tally.hpp"
#include "egin/runtime/climate_computer_driver.hpp"
#include "egin/runtime/twin_fault_flags.hpp"
#include "simulate_controllers.hpp"

namespace egin::cli {

namespace {

namespace fs = std::filesystem;
namespace gh = egin::greenhouse;

struct SimulateArgs {
  std::string design;
  std::string weather;
  std::string controller = "greenlight";
  std::string controls;
  std::string controller_config;
  std::vector<std::string> faults;
  std::vector<std::string> noise;
  std::vector<std::string> delay;
  std::optional<std::uint64_t> seed;
  std::string from;
  std::optional<double> days;
  std::optional<double> step_s;  // default: the climate computer's step_s, else 300
  std::string out;
  std::string data;
  std::string crop = "young";
  bool sampled = false;
  std::string integrator = "auto";
  double t_low_c = 15.0;
  double t_high_c = 30.0;
  double rh_high_pct = 90.0;
  OutputFormat format = OutputFormat::kTable;
};

bool is_designs_dir(const fs::path& p) {
  std::error_code ec;
  return fs::is_directory(p / "greenhouses", ec);
}

/// The data directory holding greenhouses/: --data, $EGIN_DATA_DIR, or data/ found from the
/// working directory or the program's location upwards.
fs::path find_designs_dir(const std::string& flag) {
  if (!flag.empty()) {
    if (!is_designs_dir(flag)) {
      throw InputError({"", 0, "--data"}, fmt::format("'{}' has no greenhouses/ directory", flag),
                       "the egin data directory (the one holding greenhouses/)");
    }
    return fs::path(flag) / "greenhouses";
  }
  if (const char* env = std::getenv("EGIN_DATA_DIR"); env != nullptr && *env != '\0') {
    if (is_designs_dir(env)) {
      return fs::path(env) / "greenhouses";
    }
  }
  std::vector<fs::path> starts;
  std::error_code ec;
  starts.push_back(fs::current_path(ec));
  const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    starts.push_back(exe.parent_path());
  }
  for (fs::path dir : starts) {
    while (!dir.empty()) {
      if (is_designs_dir(dir / "data")) {
        return dir / "data" / "greenhouses";
      }
      if (dir == dir.parent_path()) {
        break;
      }
      dir = dir.parent_path();
    }
  }
  return fs::path("data") / "greenhouses";  // read_design names what is missing
}

std::string local_time_text(double utc_s, int offset_s) {
  const auto local = static_cast<long long>(std::llround(utc_s)) + offset_s;
  const long long days = local >= 0 ? local / 86400 : -((-local + 86399) / 86400);
  const long long sec = local - days * 86400;
  const int off = offset_s < 0 ? -offset_s : offset_s;
  const std::string day = Date::from_days(static_cast<int>(days)).iso();
  if (offset_s == 0) {
    return fmt::format("{}T{:02}:{:02}Z", day, sec / 3600, sec % 3600 / 60);
  }
  return fmt::format("{}T{:02}:{:02}{}{:02}:{:02}", day, sec / 3600, sec % 3600 / 60,
                     offset_s < 0 ? '-' : '+', off / 3600, off % 3600 / 60);
}

/// The series columns and how each is read from the outputs.
struct SeriesColumn {
  const char* name;
  int decimals;
  double (*get)(const gh::Outputs&);
};

const std::vector<SeriesColumn>& series_columns() {
  static const std::vector<SeriesColumn> kColumns = {
      {"t_air_c", 3, [](const gh::Outputs& o) { return o.t_air_c; }},
      {"rh_air_pct", 2, [](const gh::Outputs& o) { return o.rh_air_pct; }},
      {"vp_air_kpa", 4, [](const gh::Outputs& o) { return o.vp_air_kpa; }},
      {"co2_air_ppm", 1, [](const gh::Outputs& o) { return o.co2_air_ppm; }},
      {"t_can_c", 3, [](const gh::Outputs& o) { return o.t_can_c; }},
      {"t_pipe_c", 2, [](const gh::Outputs& o) { return o.t_pipe_c; }},
      {"heating_w_m2", 2, [](const gh::Outputs& o) { return o.heating_w_m2; }},
      {"lamp_w_m2", 2, [](const gh::Outputs& o) { return o.lamp_w_m2; }},
      {"co2_dosing_mg_m2_s", 4, [](const gh::Outputs& o) { return o.co2_dosing_mg_m2_s; }},
      {"transpiration_g_m2_h", 2,
       [](const gh::Outputs& o) { return o.transpiration_kg_m2_s * 3.6e6; }},
      {"roof_vent_frac", 4, [](const gh::Outputs& o) { return o.controls.roof_vent_frac; }},
      {"side_vent_frac", 4, [](const gh::Outputs& o) { return o.controls.side_vent_frac; }},
      {"thermal_screen_frac", 4,
       [](const gh::Outputs& o) { return o.controls.thermal_screen_frac; }},
      {"shade_screen_frac", 4, [](const gh::Outputs& o) { return o.controls.shade_screen_frac; }},
      {"blackout_screen_frac", 4,
       [](const gh::Outputs& o) { return o.controls.blackout_screen_frac; }},
      {"fog_frac", 4, [](const gh::Outputs& o) { return o.controls.fog_frac; }},
      {"pad_fan_frac", 4, [](const gh::Outputs& o) { return o.controls.pad_fan_frac; }},
      {"par_can_umol_m2_s", 1, [](const gh::Outputs& o) { return o.par_can_umol_m2_s; }},
      {"lai", 3, [](const gh::Outputs& o) { return o.lai; }},
      {"fruit_dm_g_m2", 2, [](const gh::Outputs& o) { return o.fruit_dm_g_m2; }},
      {"t_out_c", 2, [](const gh::Outputs& o) { return o.outdoor.t_out_c; }},
      {"rh_out_pct", 1, [](const gh::Outputs& o) { return o.outdoor.rh_out_pct; }},
      {"iglob_w_m2", 1, [](const gh::Outputs& o) { return o.outdoor.iglob_w_m2; }},
  };
  return kColumns;
}

/// Writes the series as CSV, one row per step, as the run goes.
class SeriesWriter {
 public:
  SeriesWriter(std::ostream& out, int offset_s) : out_(out), offset_s_(offset_s) {
    std::string header = "time";
    for (const SeriesColumn& c : series_columns()) {
      header += std::string(",") + c.name;
    }
    out_ << header << '\n';
  }
  void write(const gh::Outputs& o) {
    std::string line = local_time_text(o.time_utc_s, offset_s_);
    for (const SeriesColumn& c : series_columns()) {
      line += ',';
      line += fmt::format("{:.{}f}", c.get(o), c.decimals);
    }
    line += '\n';
    out_ << line;
  }

 private:
  std::ostream& out_;
  int offset_s_;
};

/// "\regin simulate: 42 % (day 147 of 350)" on a terminal, at most five times a second.
class Progress {
 public:
  Progress(bool enabled, double days) : enabled_(enabled), days_(days) {}
  void update(double done) {
    if (!enabled_) {
      return;
    }
    const auto now = std::chrono::steady_clock::now();
    if (done < 1.0 && now - last_ < std::chrono::milliseconds(200)) {
      return;
    }
    last_ = now;
    std::fprintf(stderr, "\regin simulate: %3.0f %% (day %.0f of %.0f)", 100.0 * done,
                 std::floor(done * days_), days_);
    if (done >= 1.0) {
      std::fprintf(stderr, "\n");
    }
    std::fflush(stderr);
  }

 private:
  bool enabled_;
  double days_;
  std::chrono::steady_clock::time_point last_{};
};

Table summary_table(const gh::SeasonSummary& s, const std::string& design,
                    const std::string& controller, const SimulateArgs& args) {
  Table t({{"quantity", 0}, {"value", 3}, {"unit", 0}});
  auto row = [&](const char* q, double v, const char* unit) { t.add_row({q, v, unit}); };
  t.add_row({"design", design, ""});
  t.add_row({"controller", controller, ""});
  row("days", s.days, "d");
  row("heating", s.heating_mj_m2, "MJ/m2");
  row("lamp_electricity", s.lamp_electricity_mj_m2, "MJ/m2");
  row("co2_dosed", s.co2_dosed_kg_m2, "kg/m2");
  row("transpiration", s.transpiration_l_m2, "L/m2");
  row("fresh_fruit_yield", s.fresh_fruit_kg_m2, "kg/m2");
  row("fog_water", s.fog_water_l_m2, "L/m2");
  row("pad_water", s.pad_water_l_m2, "L/m2");
  row("mean_t_air", s.mean_t_air_c, "C");
  row("mean_rh_air", s.mean_rh_air_pct, "%");
  row(fmt::format("hours_t_air_below_{:g}c", args.t_low_c).c_str(), s.hours_below_t_band, "h");
  row(fmt::format("hours_t_air_above_{:g}c", args.t_high_c).c_str(), s.hours_above_t_band, "h");
  row(fmt::format("hours_rh_above_{:g}pct", args.rh_high_pct).c_str(), s.hours_above_rh_band, "h");
  row("solver_steps", static_cast<double>(s.solver.steps), "");
  return t;
}

/// The closed-loop rows: hours in band per variable, out of band by reason, alarms raised.
void add_band_rows(Table& t, const runtime::BandTally& tally,
                   const runtime::ClimateComputerDriver& driver, std::size_t alarms_raised) {
  auto add = [&](const char* var, const runtime::VariableBandHours& v) {
    t.add_row({fmt::format("{}_hours_in_band", var), v.in_band_hours, "h"});
    t.add_row({fmt::format("{}_hours_below_band", var), v.below_hours, "h"});
    t.add_row({fmt::format("{}_hours_above_band", var), v.above_hours, "h"});
    for (std::size_t i = 0; i < runtime::kBandReasonCount; ++i) {
      const auto reason = static_cast<runtime::BandReason>(i);
      if (v.out_hours[i] > 0.0) {
        t.add_row({fmt::format("{}_hours_out:{}", var, runtime::band_reason_key(reason)),
                   v.out_hours[i], "h"});
      }
    }
    t.add_row({fmt::format("{}_hours_equipment_can", var), v.hours_equipment_can(), "h"});
    t.add_row({fmt::format("{}_in_band_where_can", var), 100.0 * v.in_band_share_where_can(), "%"});
  };
  add("t_air", tally.t_air());
  add("rh_air", tally.rh_air());
  t.add_row({"alarms_raised", static_cast<double>(alarms_raised), ""});
  const control::StepResult* last = driver.last_step();
  if (last != nullptr) {
    for (std::size_t i = 0; i < control::kAlarmCount; ++i) {
      if (last->active_alarms.test(i)) {
        t.add_row({"alarm_active", control::alarm_key(control::alarm_id_at(i)), ""});
      }
    }
  }
}

void run_simulate(const SimulateArgs& args) {
  // Design.
  const fs::path designs_dir = find_designs_dir(args.data);
  const gh::DesignFile design = gh::read_design(args.design, designs_dir);
  const gh::GreenhouseModel model = gh::make_model(design.design);

  // Weather: a sub-daily file of the weather CSV contract.
  const agromet::WeatherCsvSeries any = agromet::read_weather_csv(args.weather);
  const auto* series = std::get_if<agromet::PeriodWeatherSeries>(&any);
  if (series == nullptr) {
    throw InputError({args.weather, 0, "date"}, "a daily weather file",
                     "a sub-daily file with a 'time' column (5-minute to hourly records)");
  }
  auto weather = std::make_shared<gh::WeatherForcing>(
      gh::WeatherForcing::from_series(*series, design.design.soil));
  for (const std::string& line : weather->report().lines()) {
    std::fprintf(stderr, "egin simulate: %s\n", line.c_str());
  }

  // Time span.
  gh::SimulationOptions options;
  options.step_s = args.step_s.value_or(300.0);
  options.sampled = args.sampled;
  options.integrator_by_loop = args.integrator == "auto";
  options.solver.integrator =
      args.integrator == "esdirk" ? gh::Integrator::kEsdirk : gh::Integrator::kCvodesBdf;
  options.crop = args.crop == "mature" ? gh::InitialCrop::kMature : gh::InitialCrop::kYoung;
  options.t_band_low_c = args.t_low_c;
  options.t_band_high_c = args.t_high_c;
  options.rh_band_high_pct = args.rh_high_pct;
  const int offset = weather->utc_offset_s();
  double start = weather->first_utc_s();
  if (!args.from.empty()) {
    const auto d = Date::parse(args.from);
    if (!d) {
      throw InputError({"", 0, "--from"}, "'" + args.from + "' is not a date", "YYYY-MM-DD");
    }
    start = static_cast<double>(d->days_since_epoch()) * 86400.0 - offset;
  }
  const double end = weather->end_utc_s();
  if (start < weather->first_utc_s() || start >= end) {
    throw InputError({"", 0, "--from"}, "the weather does not cover " + args.from,
                     "a day from " + local_time_text(weather->first_utc_s(), offset) + " to " +
                         local_time_text(end, offset));
  }
  double duration = end - start;
  if (args.days) {
    duration = *args.days * 86400.0;
    if (start + duration > end + 1e-6) {
      throw InputError(
          {"", 0, "--days"},
          fmt::format("the weather ends {:.2f} days after the start", (end - start) / 86400.0),
          fmt::format("at most {:.2f}", (end - start) / 86400.0));
    }
  }
  options.start_utc_s = start;
  options.duration_s = duration;

  // Controller.
  const ControllerEntry* entry = nullptr;
  for (const ControllerEntry& e : simulate_controllers()) {
    if (e.name == args.controller) {
      entry = &e;
    }
  }
  if (entry == nullptr) {
    std::vector<std::string> names;
    for (const ControllerEntry& e : simulate_controllers()) {
      names.push_back(e.name);
    }
    throw InputError({"", 0, "--controller"}, "unknown controller '" + args.controller + "'",
                     "one of: " + join_names(names));
  }
  if (!args.controls.empty() && args.controller != "replay") {
    throw InputError({"", 0, "--controls"}, "a controls file is only read by --controller replay",
                     "--controller replay --controls FILE");
  }
  const bool climate = args.controller == "climate";
  auto only_climate = [&](bool given, const char* flag) {
    if (given && !climate) {
      throw InputError({"", 0, flag}, "only the climate computer reads it",
                       std::string("--controller climate ") + flag);
    }
  };
  only_climate(!args.controller_config.empty(), "--controller-config");
  only_climate(!args.faults.empty(), "--fault");
  only_climate(!args.noise.empty(), "--noise");
  only_climate(!args.delay.empty(), "--delay");
  only_climate(args.seed.has_value(), "--seed");
  ControllerContext context{design, args.controls, {}, {}, {}, {}};
  if (climate) {
    context.controller_config = args.controller_config;
    context.controllers_dir = (designs_dir.parent_path() / "controllers").string();
    const agromet::SiteMeta& site = series->site;
    if (!std::isfinite(site.latitude_deg) || !std::isfinite(site.longitude_deg)) {
      throw InputError({args.weather, 0, "latitude_deg"},
                       "the climate computer needs the site for its sun times",
                       "'# latitude_deg: …' and '# longitude_deg: …' in the weather file");
    }
    context.site = {site.latitude_deg, site.longitude_deg, offset / 60};
    for (const std::string& f : args.faults) {
      runtime::parse_fault_flag(f, offset / 60, context.driver.faults);
    }
    for (const std::string& n : args.noise) {
      runtime::parse_noise_flag(n, context.driver.faults);
    }
    for (const std::string& d : args.delay) {
      runtime::parse_delay_flag(d, context.driver.faults);
    }
    if (args.seed) {
      context.driver.faults.seed = *args.seed;
    }
  }
  std::unique_ptr<gh::Controller> controller = entry->make(context);
  auto* driver = dynamic_cast<runtime::ClimateComputerDriver*>(controller.get());
  if (driver != nullptr && !args.step_s) {
    options.step_s = driver->settings().step_s;  // the climate computer's own cycle
  }
  std::optional<runtime::BandTally> tally;
  std::size_t alarms_raised = 0;
  if (driver != nullptr) {
    tally.emplace(driver->settings(), driver->mapping());
    driver->set_step_observer([&](const runtime::StepRecord& r) {
      tally->add(r);
      alarms_raised += r.result->alarm_events.raised.count();
      for (std::size_t i = 0; i < control::kAlarmCount; ++i) {
        if (r.result->alarm_events.raised.test(i)) {
          std::fprintf(
              stderr, "egin simulate: %s alarm %s: %s\n",
              local_time_text(r.start_utc_s, offset).c_str(),
              control::alarm_key(control::alarm_id_at(i)).c_str(),
              control::alarm_message(control::alarm_id_at(i), driver->controller_state().alarms[i])
                  .c_str());
        }
      }
    });
  }

  // Series output.
  std::ofstream file;
  std::ostream* series_out = nullptr;
  if (args.out == "-") {
    series_out = &std::cout;
  } else if (!args.out.empty()) {
    file.open(args.out, std::ios::binary);
    if (!file) {
      throw InputError({args.out, 0, "--out"}, "cannot write the file", "a writable path");
    }
    series_out = &file;
  }
  std::optional<SeriesWriter> writer;
  if (series_out != nullptr) {
    writer.emplace(*series_out, offset);
  }

  Progress progress(isatty(STDERR_FILENO) != 0 && duration > 2.0 * 86400.0, duration / 86400.0);
  const gh::SeasonSummary summary = gh::run_simulation(
      model, weather, *controller, options,
      [&](const gh::Outputs& o) {
        if (writer) {
          writer->write(o);
        }
      },
      [&](double done) { progress.update(done); });
  if (file.is_open()) {
    file.close();
    if (!file) {
      throw InputError({args.out, 0, "--out"}, "writing the file failed", "a writable path");
    }
  }
  Table t = summary_table(summary, design.design.name, std::string(controller->name()), args);
  if (driver != nullptr) {
    add_band_rows(t, *tally, *driver, alarms_raised);
  }
  t.write(args.out == "-" ? std::cerr : std::cout, args.format);
}

}  // namespace

void add_simulate_command(CLI::App& app) {
  CLI::App* simulate = app.add_subcommand("simulate", "Simulations: the greenhouse twin");
  simulate->require_subcommand(1);
  auto args = std::make_shared<SimulateArgs>();
  CLI::App* cmd = simulate->add_subcommand(
      "greenhouse",
      "Run the greenhouse twin (Vanthoor 2011 / Katzin 2021 climate and tomato, as GreenLight) "
      "for a design, a sub-daily weather file and a controller");
  cmd->add_option("--design", args->design,
                  "Design name in data/greenhouses (e.g. greenlight-venlo) or a design TOML file")
      ->required();
  cmd->add_option("--weather", args->weather,
                  "Sub-daily weather CSV (docs/formats/weather-csv.md): t_out_c, rh_out_pct, "
                  "iglob_w_m2, wind_m_s; t_sky_c, co2_out_ppm, t_soil_c optional")
      ->required();
  std::string names;
  for (const ControllerEntry& e : simulate_controllers()) {
    names += "\n  " + e.name + ": " + e.help;
  }
  cmd->add_option("--controller", args->controller, "Controller (default greenlight):" + names);
  cmd->add_option("--controls", args->controls,
                  "Controls CSV for --controller replay (docs/formats/controls-csv.md)");
  cmd->add_option("--controller-config", args->controller_config,
                  "Climate computer settings for --controller climate: a TOML file "
                  "(docs/formats/controller-settings.md) or a name in data/controllers");
  cmd->add_option(
      "--fault", args->faults,
      "Inject a fault (--controller climate; repeatable): sensor:NAME:stale|lost|bad@TIME"
      "[/END] or actuator:NAME:stuck@TIME[/END], e.g. sensor:t_air:stale@2025-07-14T13:00 "
      "(local standard time without an offset)");
  cmd->add_option("--noise", args->noise,
                  "Sensor noise, standard deviation in the sensor's unit: NAME:SD[,NAME:SD...], "
                  "e.g. t_air:0.2,rh_air:2");
  cmd->add_option("--delay", args->delay,
                  "Sensor transport delay, s: NAME:S[,NAME:S...], e.g. t_air:120");
  cmd->add_option("--seed", args->seed, "Seed of the sensor noise (default 1)");
  cmd->add_option("--from", args->from, "First day, YYYY-MM-DD (default: the weather's start)");
  cmd->add_option("--days", args->days, "Number of days (default: to the weather's end)")
      ->check(CLI::Range(1.0 / 24.0, 3660.0));
  cmd->add_option("--step", args->step_s,
                  "Control and output step, s (default: the climate computer's step_s, else 300)")
      ->check(CLI::Range(10.0, 3600.0));
  cmd->add_option("--out", args->out,
                  "Write the time series as CSV to FILE ('-': stdout, summary to stderr)");
  cmd->add_option("--data", args->data,
                  "Data directory holding greenhouses/ (default: $EGIN_DATA_DIR or found)");
  cmd->add_option("--crop", args->crop, "Initial crop: young (GreenLight's default) or mature")
      ->check(CLI::IsMember({"young", "mature"}));
  cmd->add_flag(
      "--sampled", args->sampled,
      "Evaluate the controller once per step even if it can run continuously in the model");
  cmd->add_option("--integrator", args->integrator,
                  "Time integrator: auto (ESDIRK when the controls are held over each step, "
                  "CVODES BDF for a controller inside the model; default), bdf or esdirk")
      ->check(CLI::IsMember({"auto", "bdf", "esdirk"}));
  cmd->add_option("--t-low", args->t_low_c,
                  "Temperature band, lower limit for the summary, °C (default 15)");
  cmd->add_option("--t-high", args->t_high_c, "Temperature band, upper limit, °C (default 30)");
  cmd->add_option("--rh-high", args->rh_high_pct, "Humidity band, upper limit, % (default 90)")
      ->check(CLI::Range(0.0, 100.0));
  add_format_option(*cmd, args->format);
  cmd->callback([args] { run_simulate(*args); });
}

}  // namespace egin::cli
