#include "serve_demo.hpp"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <condition_variable>
#include <cstdio>
#include <fstream>
#include <mutex>
#include <set>
#include <thread>
#include <vector>

#include <fmt/format.h>

#include "demo_farm_file.hpp"
#include "demo_greenhouse.hpp"
#include "egin/agromet/weather_csv.hpp"
#include "egin/core/input_error.hpp"
#include "egin/devices/sim_server.hpp"
#include "egin/runtime/field_soil_water.hpp"
#include "egin/runtime/greenhouse_node_environment.hpp"
#include "egin/runtime/site_file.hpp"
#include "egin/runtime/twin_alarm_provider.hpp"
#include "egin/runtime/twin_settings_provider.hpp"
#include "egin/runtime/weather_station_feed.hpp"
#include "serve_support.hpp"

namespace egin::cli {

namespace fs = std::filesystem;

namespace {

constexpr std::chrono::milliseconds kTick{100};  // real time between two timer passes

/// The actuators whose positions (0–1) the demo stores as gh1/positions/<key> (%).
constexpr control::ActuatorId kPositions[] = {
    control::ActuatorId::kVentLee,      control::ActuatorId::kVentWind,
    control::ActuatorId::kScreenEnergy, control::ActuatorId::kScreenShade,
    control::ActuatorId::kFogging,
};

// A std::string, not a one-character literal assigned (GCC 12's -Wrestrict false positive).
const std::string kPercent = "%";

/// The working set-points (LoopSnapshot::setpoints) stored as channels of the greenhouse's
/// "controller" device: snapshot key, channel id, SenML unit.
struct SetpointChannel {
  const char* key;
  const char* channel;
  const char* unit;
};
constexpr SetpointChannel kSetpointChannels[] = {
    {"t_heat_c", "t_heat", "Cel"},
    {"t_vent_c", "t_vent", "Cel"},
    {"rh_max_pct", "rh_max", "%RH"},
    {"co2_ppm", "co2", "ppm"},
};

std::optional<TimeMs> read_clock_file(const fs::path& path) {
  std::ifstream in(path);
  std::string text;
  if (!(in >> text)) {
    return std::nullopt;
  }
  return parse_iso_time_ms(text);
}

}  // namespace

struct DemoFarm::Impl {
  DemoFarmFile farm;
  fs::path data_dir;
  fs::path site_file;
  fs::path devices_file;
  fs::path settings_file;  // <data-dir>/controller-<zone>.toml
  double speed = 60.0;
  TimeMs start_ms = 0;
  bool first_start = false;
  runtime::Site site;

  const Clock* clock = nullptr;
  std::unique_ptr<runtime::TwinGreenhouse> greenhouse;
  std::unique_ptr<runtime::GreenhouseNodeEnvironment> environment;
  std::unique_ptr<devices::SimServer> nodes;
  int port = 0;
  std::unique_ptr<runtime::WeatherStationFeed> station;

  runtime::IngestPipeline* pipeline = nullptr;
  runtime::Providers* providers = nullptr;  // where start() registered the demo's
  server::Log* log = nullptr;
  const runtime::FieldAdvisor* fields = nullptr;
  std::set<std::string> soil_water_failed;  // field zones whose advice failed (logged once)
  std::thread thread;
  std::mutex mutex;
  std::condition_variable cv;
  bool stopping = false;
  TimeMs next_minute_ms = 0;
  TimeMs next_soil_hour_ms = 0;
  TimeMs last_positions_ms = 0;
  TimeMs last_setpoints_ms = 0;
  TimeMs last_clock_save_ms = 0;

  void ingest(const std::vector<SenmlRecord>& records) {
    if (records.empty()) {
      return;
    }
    try {
      const runtime::IngestResult r = pipeline->ingest(records, "", runtime::IngestSource::driver);
      if (r.rejected > 0 && log != nullptr) {
        log->warn("demo_rejected", {{"count", r.rejected}, {"first", r.rejects.front().reason}});
      }
    } catch (const std::exception& e) {
      if (log != nullptr) {
        log->warn("demo_ingest_failed", {{"reason", e.what()}});
      }
    }
  }

  void feed_station(TimeMs until_ms) {
    std::vector<SenmlRecord> batch;
    for (; next_minute_ms <= until_ms; next_minute_ms += kMsPerMinute) {
      for (SenmlRecord& r : station->minute(next_minute_ms)) {
        r.index = batch.size();
        batch.push_back(std::move(r));
      }
      if (batch.size() >= 6000) {
        ingest(batch);
        batch.clear();
      }
    }
    ingest(batch);
  }

  void store_positions() {
    const TimeMs t = greenhouse->now_ms();
    if (t <= last_positions_ms) {
      return;
    }
    last_positions_ms = t;
    std::vector<SenmlRecord> batch;
    for (const control::ActuatorId id : kPositions) {
      SenmlRecord r;
      r.index = batch.size();
      r.name = farm.greenhouse_zone + "/positions/" + std::string(control::actuator_key(id));
      r.unit = kPercent;
      r.time_s = static_cast<double>(t) / 1000.0;
      r.value = std::clamp(greenhouse->position(id), 0.0, 1.0) * 100.0;
      batch.push_back(std::move(r));
    }
    ingest(batch);
  }

  /// The climate computer's working set-points at each new site minute, as
  /// <zone>/controller/<channel> (data/demo/site.toml).
  void store_setpoints() {
    const runtime::LoopSnapshot snap = greenhouse->snapshot();
    const TimeMs t = static_cast<TimeMs>(std::llround(snap.time_utc_s * 1000.0));
    const TimeMs minute = t - (t % kMsPerMinute);
    if (minute <= last_setpoints_ms || snap.setpoints.empty()) {
      return;
    }
    last_setpoints_ms = minute;
    std::vector<SenmlRecord> batch;
    for (const auto& [key, channel, unit] : kSetpointChannels) {
      for (const runtime::NamedValue& v : snap.setpoints) {
        if (v.name != key) {
          continue;
        }
        SenmlRecord r;
        r.index = batch.size();
        r.name = farm.greenhouse_zone + "/controller/" + channel;
        r.unit = unit;
        r.time_s = static_cast<double>(minute) / 1000.0;
        r.value = v.value;
        batch.push_back(std::move(r));
      }
    }
    ingest(batch);
  }

  /// The field zones' volumetric water content at each site hour from next_soil_hour_ms up to
  /// `now`: one advice per field and pass (as of yesterday, today projected), θ of its water
  /// balance (runtime/field_soil_water.hpp). Tension and flow channels stay empty.
  void feed_soil_water(TimeMs now) {
    const TimeMs hour_now = now - (now % kMsPerHour);
    if (fields == nullptr || next_soil_hour_ms > hour_now) {
      return;
    }
    std::vector<SenmlRecord> batch;
    for (const runtime::ZoneSpec& zone : site.zones) {
      if (zone.kind != runtime::ZoneKind::field || !fields->has(zone.id)) {
        continue;
      }
      try {
        const runtime::FieldAdvice advice = fields->advise(zone.id, std::nullopt, now);
        for (TimeMs h = next_soil_hour_ms; h <= hour_now; h += kMsPerHour) {
          const std::optional<double> theta = runtime::root_zone_water_content_at(
              advice.result, advice.field.params.theta_fc_m3_m3, h, site.utc_offset_min);
          if (!theta) {
            continue;
          }
          for (SenmlRecord& r : runtime::soil_water_records(zone, *theta, h)) {
            r.index = batch.size();
            batch.push_back(std::move(r));
          }
        }
        soil_water_failed.erase(zone.id);
      } catch (const std::exception& e) {
        if (soil_water_failed.insert(zone.id).second && log != nullptr) {
          log->warn("demo_soil_water_failed", {{"zone", zone.id}, {"reason", e.what()}});
        }
      }
    }
    next_soil_hour_ms = hour_now + kMsPerHour;
    ingest(batch);
  }

  void save_clock(TimeMs now) {
    if (now - last_clock_save_ms < kMsPerMinute * 10) {
      return;
    }
    last_clock_save_ms = now;
    const fs::path tmp = data_dir / "demo-clock.tmp";
    {
      std::ofstream out(tmp, std::ios::trunc);
      out << format_iso_utc(now) << '\n';
    }
    std::error_code ec;
    fs::rename(tmp, data_dir / "demo-clock", ec);
  }

  void run() {
    std::unique_lock lock(mutex);
    while (!stopping) {
      lock.unlock();
      const TimeMs now = clock->now_ms();
      try {
        greenhouse->advance_to(now);
      } catch (const std::exception& e) {
        log->warn("demo_twin_failed", {{"reason", e.what()}});
      }
      feed_station(now);
      feed_soil_water(now);
      store_positions();
      store_setpoints();
      save_clock(now);
      lock.lock();
      cv.wait_for(lock, kTick, [this] { return stopping; });
    }
  }
};

DemoFarm::DemoFarm(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}

DemoFarm::~DemoFarm() {
  stop();
  if (impl_->nodes) {
    impl_->nodes->stop();
  }
}

std::unique_ptr<DemoFarm> DemoFarm::prepare(const DemoOptions& options, const fs::path& data_dir) {
  auto impl = std::make_unique<Impl>();
  fs::path farm_file = options.farm_file;
  if (farm_file.empty()) {
    farm_file = resolve_library_dir("", {}) / "demo" / "farm.toml";
  }
  impl->farm = load_demo_farm_file(farm_file);
  const fs::path demo_dir = farm_file.parent_path();
  impl->devices_file = demo_dir / "devices.toml";
  impl->data_dir = data_dir;
  impl->site_file = data_dir / "site.toml";
  std::error_code ec;
  if (!fs::exists(impl->site_file, ec)) {
    // The first start: the demo's site, with its field files found from the data directory.
    runtime::Site site = runtime::load_site_file(demo_dir / "site.toml");
    for (runtime::ZoneSpec& zone : site.zones) {
      if (!zone.field_file.empty() && fs::path(zone.field_file).is_relative()) {
        zone.field_file = fs::absolute(demo_dir / zone.field_file).lexically_normal().string();
      }
    }
    runtime::save_site_file(site, impl->site_file);
    impl->first_start = true;
  }
  impl->site = runtime::load_site_file(impl->site_file);
  // The greenhouse's controller settings: the data directory's copy, which the settings editor
  // rewrites, made from the farm file's at the first start.
  impl->settings_file = data_dir / ("controller-" + impl->farm.greenhouse_zone + ".toml");
  if (!fs::exists(impl->settings_file, ec)) {
    fs::copy_file(impl->farm.settings, impl->settings_file);
  }
  impl->speed = options.speed.value_or(impl->farm.speed);
  if (!(impl->speed >= 1.0 && impl->speed <= 100000.0)) {
    throw InputError({"", 0, "--speed"}, fmt::format("{} is out of range", impl->speed),
                     "1 to 100000 (site seconds per real second)");
  }
  std::optional<TimeMs> start;
  if (!options.clock_start.empty()) {
    start = parse_iso_time_ms(options.clock_start);
    if (!start) {
      throw InputError({"", 0, "--clock-start"}, "'" + options.clock_start + "' is not an ISO time",
                       "e.g. 2025-07-10T06:00:00+05:00");
    }
  } else if (!impl->first_start) {
    start = read_clock_file(data_dir / "demo-clock");
  }
  impl->start_ms = start.value_or(*parse_iso_time_ms(impl->farm.start));
  return std::unique_ptr<DemoFarm>(new DemoFarm(std::move(impl)));
}

const fs::path& DemoFarm::site_file() const { return impl_->site_file; }
double DemoFarm::speed() const { return impl_->speed; }
TimeMs DemoFarm::start_ms() const { return impl_->start_ms; }
bool DemoFarm::first_start() const { return impl_->first_start; }

void DemoFarm::start_nodes(const Clock& clock) {
  Impl& d = *impl_;
  d.clock = &clock;
  d.greenhouse = make_demo_greenhouse(d.farm, d.site, clock.now_ms(), d.settings_file);
  d.environment =
      std::make_unique<runtime::GreenhouseNodeEnvironment>(*d.greenhouse, d.farm.wiring);
  d.nodes = std::make_unique<devices::SimServer>(*d.environment, clock);
  for (const devices::SimNodeConfig& node : d.farm.nodes.nodes) {
    d.nodes->add_node(node);
  }
  d.port = d.nodes->start_tcp(devices::TcpEndpoint{"127.0.0.1", 0});
  d.station = std::make_unique<runtime::WeatherStationFeed>(
      agromet::read_period_weather_csv(d.farm.station_weather.string()), d.farm.station_elevation_m,
      runtime::WeatherStationChannels{.prefix = d.farm.station_prefix});
}

runtime::DevicesConfig DemoFarm::devices_config() const {
  runtime::DevicesConfig config = runtime::load_devices_file(impl_->devices_file);
  for (runtime::BusWiring& bus : config.buses) {
    if (auto* tcp = std::get_if<devices::TcpEndpoint>(&bus.link.where)) {
      tcp->host = "127.0.0.1";
      tcp->port = impl_->port;
    }
  }
  return config;
}

void DemoFarm::start(runtime::IngestPipeline& pipeline, runtime::Providers& providers,
                     server::Log& log, const runtime::FieldAdvisor* fields) {
  Impl& d = *impl_;
  d.providers = &providers;
  providers.set_alarms(
      std::make_shared<runtime::TwinAlarmProvider>(*d.greenhouse, d.farm.greenhouse_zone));
  providers.set_settings(std::make_shared<runtime::TwinSettingsProvider>(
      *d.greenhouse, d.farm.greenhouse_zone, d.settings_file));
  d.pipeline = &pipeline;
  d.log = &log;
  const TimeMs now = d.clock->now_ms();
  const TimeMs minute = now - (now % kMsPerMinute);
  d.next_minute_ms = minute;
  if (d.first_start && d.farm.station_history_h > 0.0) {
    d.next_minute_ms = minute - static_cast<TimeMs>(d.farm.station_history_h * 60.0) * kMsPerMinute;
  }
  d.fields = fields;
  // The soil water of the station's history hours too (the advice's days before today).
  d.next_soil_hour_ms = d.next_minute_ms - (d.next_minute_ms % kMsPerHour);
  d.feed_station(now);  // the history first, in the caller's thread
  d.feed_soil_water(now);
  d.stopping = false;
  d.thread = std::thread([&d] { d.run(); });
  log.info("demo_started", {{"speed", d.speed},
                            {"start", format_iso_utc(d.start_ms)},
                            {"nodes", fmt::format("127.0.0.1:{}", d.port)}});
}

void DemoFarm::stop() {
  {
    const std::lock_guard lock(impl_->mutex);
    impl_->stopping = true;
  }
  impl_->cv.notify_all();
  if (impl_->thread.joinable()) {
    impl_->thread.join();
  }
  // The providers wrap the greenhouse: gone before it is (the farm is destroyed before the
  // registry).
  if (impl_->providers != nullptr) {
    impl_->providers->set_alarms(nullptr);
    impl_->providers->set_settings(nullptr);
    impl_->providers = nullptr;
  }
}

}  // namespace egin::cli
