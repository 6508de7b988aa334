// `egin serve`: the telemetry server — HTTP API and SenML ingest, optional MQTT subscription,
// derived series, retention, station ET0, /healthz and /metrics — on an embedded SQLite database
// in a data directory (nothing else to install) or on PostgreSQL.
//
// Defaults: data dir $EGIN_DATA_DIR or ./egin-data; db sqlite:<data-dir>/egin.db; HTTP on
// 127.0.0.1:8080; site <data-dir>/site.toml (created, empty, on first start) unless --config names
// one (API edits are saved back to that file). The machine token is <data-dir>/api-token (created
// on first start); users and their tokens live in the same database as the readings, and the
// first start creates user "admin" with a generated password printed once on stderr. The
// dashboard is served from --web or the build tree's web/ (serve_support.hpp); fields with
// irrigation advice come from the site's field zones and --fields.
//
// Start order (a mode that adds to the server, such as the demo farm, plugs in at ServeParts:
// it gets the store, the site, the pipeline, the clock and the providers registry, registers its
// providers and runs until it is stopped, before the HTTP server starts and after it stopped):
// store → site → pipeline → accounts → fields → extensions → HTTP.
// SIGTERM or SIGINT: stop accepting HTTP, finish the requests in flight, stop the extensions and
// MQTT, flush the pipeline, close the store, exit 0.
#include <CLI/CLI.hpp>

#include <pthread.h>
#include <algorithm>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "commands.hpp"
#include "egin/accounts/accounts.hpp"
#include "egin/accounts/password.hpp"
#include "egin/control/alarms.hpp"
#include "egin/control/settings_toml.hpp"
#include "egin/core/clock.hpp"
#include "egin/core/input_error.hpp"
#include "egin/crops/crop_library.hpp"
#include "egin/devices/mqtt_bridge.hpp"
#include "egin/runtime/derived_series.hpp"
#include "egin/runtime/device_driver.hpp"
#include "egin/runtime/devices_file.hpp"
#include "egin/runtime/field_advisor.hpp"
#include "egin/runtime/ingest_pipeline.hpp"
#include "egin/runtime/live_site.hpp"
#include "egin/runtime/metrics.hpp"
#include "egin/runtime/mqtt_ingest.hpp"
#include "egin/runtime/providers.hpp"
#include "egin/runtime/service_command_provider.hpp"
#include "egin/runtime/site_file.hpp"
#include "egin/runtime/zone_climate_loop.hpp"
#include "egin/server/api_auth.hpp"
#include "egin/server/derived_worker.hpp"
#include "egin/server/http_server.hpp"
#include "egin/server/logging.hpp"
#include "egin/server/maintenance.hpp"
#include "egin/server/server_context.hpp"
#include "egin/server/station_et0_task.hpp"
#include "egin/soils/soil_library.hpp"
#include "egin/store/time_series_store.hpp"
#include "serve_demo.hpp"
#include "serve_support.hpp"

namespace egin::cli {

namespace {

namespace fs = std::filesystem;

struct ServeArgs {
  std::string config;
  std::string db;
  std::string http = "127.0.0.1:8080";
  std::string mqtt;
  std::string devices;  // devices file: buses and nodes to poll (docs/formats/devices-file.md)
  std::string data_dir;
  std::optional<double> clock_factor;
  std::string clock_start;
  std::string log_level = "info";
  std::size_t http_threads = 16;
  std::string web;
  std::string fields;
  std::string library;
  double session_hours = 12.0;
  bool demo = false;            // --demo: the demo farm (serve_demo.hpp)
  std::optional<double> speed;  // --speed with --demo
};

/// What an extension of `egin serve` works with: everything is running
/// but HTTP. It registers its providers in `providers` (runtime/providers.hpp) and ingests through
/// `pipeline`.
struct ServeParts {
  store::TimeSeriesStore& store;
  runtime::LiveSite& site;
  runtime::IngestPipeline& pipeline;
  runtime::Metrics& metrics;
  const Clock& clock;
  runtime::Providers& providers;
  server::Log& log;
  fs::path data_dir;
};

/// A part that runs alongside the server; stop() is called after HTTP stopped, before the
/// pipeline is flushed.
class ServeExtension {
 public:
  virtual ~ServeExtension() = default;
  virtual void stop() = 0;
};

/// The extensions the arguments ask for (none yet: `--demo` will add the demo farm here).
std::vector<std::unique_ptr<ServeExtension>> start_extensions(const ServeArgs& /*args*/,
                                                              ServeParts& /*parts*/) {
  return {};
}

std::unique_ptr<Clock> make_clock(const ServeArgs& args, const DemoFarm* demo) {
  if (demo != nullptr) {
    return std::make_unique<ScaledClock>(demo->start_ms(), demo->speed());
  }
  if (!args.clock_factor) {
    if (!args.clock_start.empty()) {
      throw InputError({"", 0, "--clock-start"}, "given without --clock-factor",
                       "--clock-factor F together with --clock-start ISO");
    }
    return std::make_unique<SystemClock>();
  }
  const double factor = *args.clock_factor;
  if (!(factor > 0.0 && factor <= 1.0e6)) {
    throw InputError({"", 0, "--clock-factor"}, "must be positive", "0 < F <= 1000000");
  }
  TimeMs start_ms = SystemClock{}.now_ms();
  if (!args.clock_start.empty()) {
    const auto parsed = parse_iso_time_ms(args.clock_start);
    if (!parsed) {
      throw InputError({"", 0, "--clock-start"}, "'" + args.clock_start + "' is not an ISO time",
                       "e.g. 2026-06-01T00:00:00+05:00 or 2026-06-01");
    }
    start_ms = *parsed;
  }
  return std::make_unique<ScaledClock>(start_ms, factor);
}

/// The site and the file edits go to: --config, else <data-dir>/site.toml (created when missing).
runtime::Site load_site(const ServeArgs& args, const fs::path& data_dir, fs::path& site_file,
                        server::Log& log) {
  if (!args.config.empty()) {
    site_file = args.config;
    return runtime::load_site_file(site_file);
  }
  site_file = data_dir / "site.toml";
  if (fs::exists(site_file)) {
    return runtime::load_site_file(site_file);
  }
  runtime::Site site;
  runtime::RetentionSpec rule;  // raw 400 days, 1-min 800 d, 1-h 10 y, days forever
  site.retention.push_back(rule);
  runtime::save_site_file(site, site_file);
  log.info("site_created",
           {{"file", site_file.string()},
            {"hint", "add zones, devices and channels with PUT /api/v1/zones/..."}});
  return site;
}

/// Stored readings of the current local day, in time order, to rebuild the derived series'
/// integrals (radiation sum, DLI) after a restart.
std::vector<runtime::StoredReading> todays_readings(store::TimeSeriesStore& store,
                                                    const runtime::LiveSite& site, TimeMs now_ms) {
  const int offset_min = site.snapshot().utc_offset_min;
  const TimeMs offset_ms = static_cast<TimeMs>(offset_min) * kMsPerMinute;
  const TimeMs local = now_ms + offset_ms;
  const TimeMs midnight_ms = local - (((local % kMsPerDay) + kMsPerDay) % kMsPerDay) - offset_ms;
  std::vector<runtime::StoredReading> readings;
  for (const auto& info : site.channels()) {
    if (info.device_id == runtime::kDerivedDeviceId) {
      continue;
    }
    if (info.zone_kind == runtime::ZoneKind::field) {
      continue;
    }
    store.query_raw(info.id, midnight_ms, now_ms + 1, [&](const store::Reading& r) {
      readings.push_back(runtime::StoredReading{r.channel, info.key, r.t_ms, r.value, r.flags});
    });
  }
  std::stable_sort(readings.begin(), readings.end(),
                   [](const auto& a, const auto& b) { return a.t_ms < b.t_ms; });
  return readings;
}

int run_serve(ServeArgs args) {
  if (!args.demo && (args.speed)) {
    throw InputError({"", 0, "--speed"}, "given without --demo", "--demo --speed N");
  }
  if (args.demo && (args.clock_factor || !args.config.empty() || !args.devices.empty())) {
    throw InputError({"", 0, "--demo"},
                     "the demo brings its own clock, site and devices (--clock-factor, --config, "
                     "--devices do not go with it)",
                     "--demo [--speed N] [--clock-start ISO] [--http ADDR] [--data DIR]");
  }
  if (args.demo && args.data_dir.empty() && std::getenv("EGIN_DATA_DIR") == nullptr) {
    args.data_dir = "egin-demo";
  }
  const fs::path data_dir = resolve_data_dir(args.data_dir);
  std::error_code ec;
  fs::create_directories(data_dir, ec);
  if (ec || !fs::is_directory(data_dir)) {
    throw InputError({"", 0, "--data-dir"},
                     "cannot create or use '" + data_dir.string() + "': " + ec.message(),
                     "a writable directory");
  }
  const std::string db_url = resolve_store_url(args.db, data_dir);
  const fs::path web_dir = resolve_web_dir(args.web);
  if (!(args.session_hours >= 0.1 && args.session_hours <= 24.0 * 366.0)) {
    throw InputError({"", 0, "--session-hours"}, "out of range", "0.1 to 8784 h");
  }
  const server::HttpAddress http_address = server::parse_http_address(args.http);
  std::optional<runtime::MqttOptions> mqtt_options;
  if (!args.mqtt.empty()) {
    mqtt_options = runtime::parse_mqtt_url(args.mqtt);
  }
  std::unique_ptr<DemoFarm> demo;
  if (args.demo) {
    demo = DemoFarm::prepare(DemoOptions{args.speed, args.clock_start, {}}, data_dir);
    args.config = demo->site_file().string();
  }
  const std::unique_ptr<Clock> clock = make_clock(args, demo.get());
  std::optional<runtime::DevicesConfig> devices_config;
  if (demo) {
    demo->start_nodes(*clock);
    devices_config = demo->devices_config();
  } else if (!args.devices.empty()) {
    devices_config =
        runtime::load_devices_file(args.devices);  // bad input: exit 2 before anything starts
  }
  // The climate computers' settings ([[climate]] of the devices file): read before anything
  // starts, so a bad file exits 2 naming its line.
  std::vector<control::ControllerSettings> climate_settings;
  if (devices_config) {
    for (const runtime::ClimateWiring& c : devices_config->climate) {
      climate_settings.push_back(control::load_controller_settings(c.settings.string()));
    }
  }

  // Signals are taken by sigwait() below; every thread started from here on inherits the mask.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGTERM);
  sigaddset(&stop_signals, SIGINT);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);
  std::signal(SIGPIPE, SIG_IGN);  // a client that hangs up must not kill the server

  server::Log log(args.log_level);
  fs::path site_file;
  runtime::Site site = load_site(args, data_dir, site_file, log);
  if (devices_config) {
    runtime::check_devices_against_site(*devices_config, site);
  }
  runtime::DerivedSeries derived(site);
  server::add_derived_channels(site, derived);

  const std::unique_ptr<store::TimeSeriesStore> store = store::open_store(db_url);
  const std::string store_text = redact_url(db_url);
  runtime::LiveSite live(std::move(site), *store, site_file);
  runtime::Metrics metrics;
  metrics.gauge("egin_up", "1 while the server runs").set(1.0);
  auto pipeline = std::make_unique<runtime::IngestPipeline>(live, *store, *clock, metrics);

  // Accounts keep real time whatever the site clock does: a token lives 12 real hours.
  const SystemClock wall_clock;
  const std::unique_ptr<accounts::AccountStore> account_store =
      accounts::open_account_store(db_url);
  accounts::AccountsOptions account_options;
  account_options.session_ttl_ms =
      static_cast<TimeMs>(args.session_hours * static_cast<double>(kMsPerHour));
  accounts::Accounts accounts(*account_store, wall_clock, account_options);
  std::optional<std::string> demo_password;
  if (const auto password = accounts.create_first_admin("admin")) {
    demo_password = password;
    // Printed once, never logged: the log may be kept where others read it.
    std::fprintf(stderr,
                 "egin serve: created user 'admin' (role admin) with password %s\n"
                 "egin serve: it is shown only now; change it in the dashboard or with "
                 "'egin user passwd admin'\n",
                 password->c_str());
    log.info("admin_created", {{"user", "admin"}});
  } else if (demo) {
    // The demo shows its login at every start: admin gets a new generated password.
    demo_password = accounts::generate_password();
    accounts.set_password("admin", *demo_password);
  }
  bool token_created = false;
  const server::ApiAuth auth =
      server::ApiAuth::load_or_create(data_dir / "api-token", token_created, &accounts);
  if (token_created) {
    std::fprintf(stderr,
                 "egin serve: created the API token in %s (mode 0600); send it as "
                 "'Authorization: Bearer <token>'\n",
                 (data_dir / "api-token").c_str());
  }

  // Irrigation advice: the site's field zones (field_file) and --fields.
  const runtime::Site site_now = live.snapshot();
  const std::vector<runtime::FieldSource> field_list =
      runtime::field_sources(site_now, site_file.parent_path(), args.fields);
  crops::CropLibrary crop_library;
  soils::SoilLibrary soil_library;
  if (!field_list.empty()) {
    std::vector<fs::path> near{site_file};
    for (const auto& f : field_list) {
      near.push_back(f.file);
    }
    const fs::path library_dir = resolve_library_dir(args.library, near);
    crop_library = crops::CropLibrary::load_directory(library_dir / "crops");
    soil_library = soils::SoilLibrary::load_directory(library_dir / "soils");
    log.info("fields", {{"count", field_list.size()}, {"library", library_dir.string()}});
  }
  const runtime::FieldAdvisor field_advisor(field_list, crop_library, soil_library, *store, live);

  server::DerivedWorker derived_worker(derived, *pipeline, log);
  derived_worker.feed(todays_readings(*store, live, clock->now_ms()));

  std::unique_ptr<runtime::MqttIngest> mqtt;
  if (mqtt_options) {
    mqtt = std::make_unique<runtime::MqttIngest>(*mqtt_options, live.snapshot().id, *pipeline,
                                                 metrics);
    mqtt->start();
  }

  // Field buses (KS X 3267 / Modbus): readings into the pipeline; commands through the service,
  // which the command routes reach as the registered CommandProvider.
  std::unique_ptr<runtime::DeviceDrivers> drivers;
  std::unique_ptr<devices::MqttBridge> bridge;
  // After the drivers, so destroyed before them (a registered adapter wraps them).
  runtime::Providers providers;
  if (devices_config) {
    drivers = std::make_unique<runtime::DeviceDrivers>(std::move(*devices_config), live, *pipeline,
                                                       metrics, *clock, data_dir);
    if (mqtt_options && drivers->config().mqtt_bridge.present) {
      devices::MqttBridgeOptions bridge_options;
      bridge_options.host = mqtt_options->host;
      bridge_options.port = mqtt_options->port;
      bridge_options.username = mqtt_options->username;
      bridge_options.password = mqtt_options->password;
      bridge_options.site_id = live.snapshot().id;
      runtime::DeviceDrivers* d = drivers.get();
      bridge = std::make_unique<devices::MqttBridge>(
          bridge_options, [d](const devices::MqttCommand& c) { return d->handle_mqtt_command(c); });
      drivers->attach_bridge(bridge.get());
      bridge->start();
    }
    drivers->start();
    providers.set_commands(std::make_shared<runtime::ServiceCommandProvider>(*drivers));
  }
  // Live climate computers: one per [[climate]] zone, commanding through the drivers.
  std::vector<std::unique_ptr<runtime::ZoneClimateLoop>> climate_loops;
  if (drivers) {
    const std::vector<runtime::ClimateWiring> wirings = drivers->config().climate;
    for (std::size_t i = 0; i < wirings.size(); ++i) {
      climate_loops.push_back(std::make_unique<runtime::ZoneClimateLoop>(
          wirings[i], std::move(climate_settings[i]), live, *pipeline, *drivers, metrics, *clock));
      climate_loops.back()->set_step_observer(
          [&log, zone = wirings[i].zone](const control::StepResult& r,
                                         const control::Measurements& m) {
            std::string alarms;
            for (std::size_t a = 0; a < control::kAlarmCount; ++a) {
              if (r.active_alarms.test(a)) {
                alarms += (alarms.empty() ? "" : ",") + control::alarm_key(control::alarm_id_at(a));
              }
            }
            log.debug("climate_step",
                      {{"zone", zone},
                       {"t_air_c", m.t_air_c.value},
                       {"heating_frac", r.commands.heating_frac},
                       {"vent_lee", r.commands.vent_lee_open_frac},
                       {"vent_wind", r.commands.vent_wind_open_frac},
                       {"screen_energy", r.commands.screen_energy_closed_frac},
                       {"safe_states", static_cast<unsigned long long>(r.explanation.safe_states)},
                       {"interlocks", static_cast<unsigned long long>(r.explanation.interlocks)},
                       {"alarms", alarms}});
          });
      climate_loops.back()->start();
      log.info("climate_loop", {{"zone", wirings[i].zone},
                                {"settings", wirings[i].settings.string()},
                                {"actuators", wirings[i].actuators.size()}});
    }
  }
  ServeParts parts{*store, live, *pipeline, metrics, *clock, providers, log, data_dir};
  std::vector<std::unique_ptr<ServeExtension>> extensions = start_extensions(args, parts);
  if (demo) {
    demo->start(*pipeline, providers, log, &field_advisor);
  }

  server::Maintenance maintenance(
      *store, live, metrics, *clock, data_dir, log, [&](Date finished_day) {
        server::ingest_station_et0(*store, live, *pipeline, finished_day, log);
      });
  maintenance.start();

  server::ServerContext ctx{.store = *store,
                            .site = live,
                            .pipeline = *pipeline,
                            .metrics = metrics,
                            .clock = *clock,
                            .auth = auth,
                            .log = log,
                            .data_dir = data_dir,
                            .accounts = &accounts,
                            .providers = &providers,
                            .fields = &field_advisor,
                            .web_dir = web_dir};
  server::HttpOptions http_options;
  http_options.address = http_address;
  http_options.threads = args.http_threads;
  server::HttpServer http(ctx, http_options);
  const server::HttpAddress bound = http.start();

  log.info("ready", {{"http", server::format_http_address(bound)},
                     {"data_dir", data_dir.string()},
                     {"store", store_text},
                     {"site", live.snapshot().id},
                     {"channels", live.channels().size()},
                     {"mqtt", args.mqtt.empty() ? std::string("off") : redact_url(args.mqtt)}});
  std::printf("egin serve: listening on http://%s, data in %s, store %s\n",
              server::format_http_address(bound).c_str(), data_dir.c_str(), store_text.c_str());
  if (web_dir.empty()) {
    std::printf("egin serve: no dashboard (build it with 'make web', or pass --web DIR)\n");
  } else {
    std::printf("egin serve: dashboard at http://%s/ from %s\n",
                server::format_http_address(bound).c_str(), web_dir.c_str());
  }
  if (demo && demo_password) {
    std::printf(
        "\negin serve --demo: Turkistan demo farm at %gx (a day in %.0f minutes), site time %s\n"
        "  open   http://%s/\n"
        "  login  admin\n"
        "  password %s\n"
        "  stop with Ctrl-C; data in %s (delete it to start afresh)\n\n",
        demo->speed(), 1440.0 / demo->speed(), format_iso_utc(clock->now_ms()).c_str(),
        server::format_http_address(bound).c_str(), demo_password->c_str(), data_dir.c_str());
  }
  std::fflush(stdout);

  int signal_number = 0;
  sigwait(&stop_signals, &signal_number);
  log.info("shutdown", {{"signal", signal_number == SIGINT ? "SIGINT" : "SIGTERM"}});

  // Order matters: nothing new is acknowledged once HTTP and MQTT are stopped; the pipeline
  // then flushes what it was handed; the store closes last.
  http.stop();
  for (auto& extension : extensions) {
    extension->stop();
  }
  extensions.clear();
  if (demo) {
    demo->stop();
  }
  if (mqtt) {
    mqtt->stop();
  }
  if (bridge) {
    bridge->stop();
  }
  climate_loops.clear();            // before the drivers they command
  providers.set_commands(nullptr);  // the adapter unsubscribes from the drivers it wraps
  if (drivers) {
    drivers->attach_bridge(nullptr);
    drivers->stop();
  }
  maintenance.stop();
  derived_worker.stop();
  pipeline->stop();
  pipeline.reset();
  demo.reset();  // the simulated nodes last
  log.info("stopped", {});
  log.flush();
  return 0;
}

}  // namespace

void add_serve_command(CLI::App& app) {
  auto args = std::make_shared<ServeArgs>();
  CLI::App* cmd = app.add_subcommand(
      "serve",
      "Run the telemetry server: HTTP API and SenML ingest, MQTT, storage with rollups and "
      "retention, /healthz and /metrics");
  cmd->add_option("--config", args->config,
                  "Site TOML file (API edits are saved back to it); default "
                  "<data-dir>/site.toml, created when missing");
  cmd->add_option("--db", args->db,
                  "Store URL: sqlite:PATH or postgresql://user:pass@host:port/db; default "
                  "sqlite:<data-dir>/egin.db");
  cmd->add_option("--http", args->http, "Address to serve HTTP on: HOST:PORT, :PORT, PORT")
      ->capture_default_str();
  cmd->add_option("--mqtt", args->mqtt,
                  "Subscribe to a broker: mqtt://[user[:password]@]host[:port]");
  cmd->add_option("--devices", args->devices,
                  "Devices file: KS X 3267 / Modbus buses and nodes to poll "
                  "(docs/formats/devices-file.md)")
      ->check(CLI::ExistingFile);
  cmd->add_flag("--demo", args->demo,
                "Run the Turkistan demo farm: a greenhouse twin under the climate computer behind "
                "simulated KS X 3267 nodes, a weather station, three fields, at accelerated time "
                "(docs/user-guide/demo.md); data in ./egin-demo unless --data-dir");
  cmd->add_option("--speed", args->speed,
                  "With --demo: site seconds per real second (default 60: a day in 24 minutes)")
      ->check(CLI::Range(1.0, 100000.0));
  cmd->add_option("--data-dir,--data", args->data_dir,
                  "Directory of the database, site file and API token; default $EGIN_DATA_DIR "
                  "or ./egin-data");
  cmd->add_option("--clock-factor", args->clock_factor,
                  "Run server time F times faster than real time (tests, demos)");
  cmd->add_option("--clock-start", args->clock_start,
                  "Server time at start with --clock-factor (ISO 8601); default now");
  cmd->add_option("--log-level", args->log_level, "debug, info, warn or error")
      ->check(CLI::IsMember({"debug", "info", "warn", "error"}))
      ->capture_default_str();
  cmd->add_option("--web", args->web,
                  "Directory of the built dashboard (make web); default $EGIN_WEB_DIR, or the "
                  "build tree's web/ next to this program");
  cmd->add_option("--fields", args->fields,
                  "Directory of field files (FIELD.toml) to give irrigation advice for, besides "
                  "the site's field zones with a field_file");
  cmd->add_option("--library", args->library,
                  "Directory holding crops/ and soils/ for the field files; default: found next "
                  "to the site or field files, ./data, or the source tree");
  cmd->add_option("--session-hours", args->session_hours,
                  "Hours a login's token stays valid (real time, whatever --clock-factor says)")
      ->capture_default_str();
  cmd->add_option("--http-threads", args->http_threads,
                  "HTTP worker threads (each open keep-alive connection holds one)")
      ->check(CLI::Range(1, 1024))
      ->capture_default_str();
  cmd->callback([args] {
    const int code = run_serve(*args);
    if (code != 0) {
      throw CLI::RuntimeError(code);
    }
  });
}

}  // namespace egin::cli
