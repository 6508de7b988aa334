#include "node_sim_twin.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <condition_variable>
#include <cstdio>
#include <mutex>
#include <thread>

#include <fmt/format.h>

#include "demo_greenhouse.hpp"
#include "egin/agromet/weather_csv.hpp"
#include "egin/core/input_error.hpp"
#include "egin/runtime/greenhouse_node_environment.hpp"
#include "egin/runtime/greenhouse_node_wiring.hpp"
#include "serve_support.hpp"

namespace egin::cli {

namespace fs = std::filesystem;

namespace {

constexpr std::chrono::milliseconds kTick{100};  // real time between two advances
constexpr double kStepS = 60.0;                  // the loop's step, as the demo farm's

/// The data directory (the one holding crops/, soils/, greenhouses/, controllers/, weather/),
/// looked for only when a default or a name needs it.
class DataDir {
 public:
  const fs::path& get() {
    if (dir_.empty()) {
      dir_ = resolve_library_dir("", {});
    }
    return dir_;
  }

 private:
  fs::path dir_;
};

bool is_file(const fs::path& p) {
  std::error_code ec;
  return fs::is_regular_file(p, ec);
}

fs::path controller_file(const std::string& flag, DataDir& data) {
  if (is_file(flag)) {
    return flag;
  }
  const fs::path named = data.get() / "controllers" / (flag + ".toml");
  if (flag.find('/') == std::string::npos && is_file(named)) {
    return named;
  }
  throw InputError({"", 0, "--controller-config"},
                   "'" + flag + "' is neither a file nor a controller in " +
                       (data.get() / "controllers").string(),
                   "a controller settings TOML (docs/formats/controller-settings.md) or a name, "
                   "e.g. turkistan-korean-tomato");
}

/// "2025-07-10T01:00:00Z t_air_c=… …" (the header's status line, after "node-sim: twin ").
std::string status_text(const runtime::SimulatedGreenhouse& g) {
  using Q = runtime::GreenhouseQuantity;
  using A = control::ActuatorId;
  auto pct = [&](A id) { return std::clamp(g.position(id), 0.0, 1.0) * 100.0; };
  return fmt::format(
      "{} t_air_c={:.2f} rh_pct={:.1f} co2_ppm={:.0f} par_umol_m2_s={:.0f} t_out_c={:.2f} "
      "vent_lee_pct={:.1f} vent_wind_pct={:.1f} screen_energy_pct={:.1f} "
      "screen_shade_pct={:.1f}",
      format_iso_utc(g.now_ms()), g.reading(Q::kAirTemperature), g.reading(Q::kRelativeHumidity),
      g.reading(Q::kCo2), g.reading(Q::kPar), g.reading(Q::kOutdoorTemperature), pct(A::kVentLee),
      pct(A::kVentWind), pct(A::kScreenEnergy), pct(A::kScreenShade));
}

}  // namespace

struct NodeSimTwin::Impl {
  std::string description;
  TimeMs report_ms = 0;
  TimeMs end_ms = 0;  // the end of the weather
  std::unique_ptr<ScaledClock> clock;
  std::unique_ptr<runtime::TwinGreenhouse> greenhouse;
  std::unique_ptr<runtime::GreenhouseNodeEnvironment> environment;

  std::thread thread;
  std::mutex mutex;
  std::condition_variable cv;
  bool stopping = false;
  TimeMs next_report_ms = 0;

  void report() {
    std::printf("node-sim: twin %s\n", status_text(*greenhouse).c_str());
    std::fflush(stdout);
  }

  void run() {
    bool ended = false;
    std::unique_lock lock(mutex);
    while (!stopping) {
      lock.unlock();
      const TimeMs now = std::min(clock->now_ms(), end_ms);
      try {
        greenhouse->advance_to(now);
      } catch (const std::exception& e) {
        std::fprintf(stderr, "node-sim: the twin stopped: %s\n", e.what());
        ended = true;
      }
      if (now >= end_ms && !ended) {
        std::fprintf(stderr, "node-sim: the twin reached the end of its weather (%s)\n",
                     format_iso_utc(end_ms).c_str());
        ended = true;
      }
      while (report_ms > 0 && greenhouse->now_ms() >= next_report_ms) {
        report();
        next_report_ms += report_ms;
      }
      lock.lock();
      if (ended) {
        cv.wait(lock, [this] { return stopping; });
        break;
      }
      cv.wait_for(lock, kTick, [this] { return stopping; });
    }
  }
};

NodeSimTwin::NodeSimTwin(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}

NodeSimTwin::~NodeSimTwin() { stop(); }

std::unique_ptr<NodeSimTwin> NodeSimTwin::open(const NodeSimTwinOptions& options,
                                               const std::vector<devices::SimNodeConfig>& nodes) {
  if (!(options.speed >= 1.0 && options.speed <= 100000.0)) {
    throw InputError({"", 0, "--speed"}, fmt::format("{} is out of range", options.speed),
                     "1 to 100000 (site seconds per real second)");
  }
  if (!(options.report_s == 0.0 || (options.report_s >= kStepS && options.report_s <= 86400.0))) {
    throw InputError({"", 0, "--report-s"}, fmt::format("{} is out of range", options.report_s),
                     fmt::format("0 (no status lines) or {:.0f} to 86400 site seconds", kStepS));
  }
  const std::string start_text =
      options.clock_start.empty() ? std::string(kNodeSimTwinStart) : options.clock_start;
  const std::optional<TimeMs> start_ms = parse_iso_time_ms(start_text);
  if (!start_ms) {
    throw InputError({"", 0, "--clock-start"}, "'" + start_text + "' is not an ISO time",
                     "e.g. 2025-07-10T06:00:00+05:00");
  }

  DataDir data;
  TwinGreenhouseSources sources;
  sources.design = options.design;
  sources.designs_dir =
      is_file(options.design) ? fs::path(options.design).parent_path() : data.get() / "greenhouses";
  sources.settings = controller_file(
      options.controller_config.empty() ? kNodeSimTwinController : options.controller_config, data);
  const std::string weather_file =
      options.weather.empty() ? (data.get() / kNodeSimTwinWeather).string() : options.weather;
  if (!is_file(weather_file)) {
    throw InputError({"", 0, "--weather"}, "no file '" + weather_file + "'",
                     "a sub-daily weather CSV (docs/formats), e.g. "
                     "data/weather/shardara_wgen_2025_hourly.csv");
  }
  sources.weather = agromet::read_period_weather_csv(weather_file);
  const agromet::PeriodWeatherSeries& w = sources.weather;
  if (w.periods.empty()) {
    throw InputError({weather_file, 0, ""}, "no weather records", "hourly or finer records");
  }
  if (!std::isfinite(w.site.latitude_deg) || !std::isfinite(w.site.longitude_deg)) {
    throw InputError({weather_file, 0, "latitude_deg"},
                     "the climate computer needs the site for its sun times",
                     "'# latitude_deg: …' and '# longitude_deg: …' in the weather file");
  }
  const int offset_min = w.periods.front().utc_offset_s / 60;
  sources.site = control::SiteInfo{w.site.latitude_deg, w.site.longitude_deg, offset_min};
  sources.step_s = kStepS;
  const TimeMs first_ms = w.periods.front().start_utc_s * kMsPerSecond;
  const TimeMs end_ms = static_cast<TimeMs>(std::llround(
      (static_cast<double>(w.periods.back().start_utc_s) + w.periods.back().period_s) * 1000.0));
  if (*start_ms < first_ms || *start_ms + kMsPerHour > end_ms) {
    throw InputError(
        {"", 0, "--clock-start"}, "the weather " + weather_file + " does not cover " + start_text,
        "a time from " + format_iso_utc(first_ms) + " to an hour before " + format_iso_utc(end_ms));
  }

  auto impl = std::make_unique<Impl>();
  impl->report_ms = std::llround(options.report_s * 1000.0);
  impl->end_ms = end_ms;
  try {
    impl->greenhouse = make_twin_greenhouse(sources, *start_ms);
  } catch (const InputError& e) {
    if (e.where().field != "--design") {
      throw;
    }
    throw InputError({e.where().file, e.where().line, "--twin"}, e.problem(), e.expected());
  }
  impl->environment = std::make_unique<runtime::GreenhouseNodeEnvironment>(
      *impl->greenhouse, runtime::wiring_by_device_code(nodes, options.manual_hold_s));
  impl->clock = std::make_unique<ScaledClock>(*start_ms, options.speed);
  impl->next_report_ms = *start_ms;
  impl->description = fmt::format(
      "{} under {}, weather {}, from {} at {:g}x", options.design, sources.settings.stem().string(),
      fs::path(weather_file).filename().string(), format_iso_utc(*start_ms), options.speed);
  return std::unique_ptr<NodeSimTwin>(new NodeSimTwin(std::move(impl)));
}

const Clock& NodeSimTwin::clock() const { return *impl_->clock; }

devices::NodeEnvironment& NodeSimTwin::environment() { return *impl_->environment; }

std::string NodeSimTwin::describe() const { return impl_->description; }

void NodeSimTwin::start() {
  Impl& d = *impl_;
  d.stopping = false;
  d.thread = std::thread([&d] { d.run(); });
}

void NodeSimTwin::stop() {
  {
    const std::lock_guard lock(impl_->mutex);
    impl_->stopping = true;
  }
  impl_->cv.notify_all();
  if (impl_->thread.joinable()) {
    impl_->thread.join();
  }
}

}  // namespace egin::cli
