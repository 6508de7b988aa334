// Maintenance: the server's housekeeping thread — retention every hour of server time (the
// clock's, so an accelerated clock runs it faster), a daily task after each local midnight
// (station ET0), and the storage gauges (store size, rows, disk free) every minute of real time.
// It must not ingest readings itself or answer HTTP; the daily task is the caller's.
#pragma once

#include <chrono>
#include <condition_variable>
#include <filesystem>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

#include "egin/core/clock.hpp"
#include "egin/core/date.hpp"
#include "egin/runtime/live_site.hpp"
#include "egin/runtime/metrics.hpp"
#include "egin/server/logging.hpp"
#include "egin/store/time_series_store.hpp"

namespace egin::server {

struct MaintenanceOptions {
  TimeMs retention_every_ms = kMsPerHour;         // server time
  std::chrono::milliseconds gauges_every{60000};  // real time
  std::chrono::milliseconds tick{250};            // how often the clock is looked at
};

/// The retention rules of a site (its [[retention]] tables), as the store takes them.
std::vector<store::RetentionRule> retention_rules(const runtime::Site& site);

class Maintenance {
 public:
  /// Called after local midnight with the local day that just ended; may throw (logged).
  using DailyTask = std::function<void(Date finished_day)>;

  Maintenance(store::TimeSeriesStore& store, runtime::LiveSite& site, runtime::Metrics& metrics,
              const Clock& clock, std::filesystem::path data_dir, Log& log, DailyTask daily = {},
              MaintenanceOptions options = {});
  ~Maintenance();  // stop()
  Maintenance(const Maintenance&) = delete;
  Maintenance& operator=(const Maintenance&) = delete;

  void start();
  void stop();

  /// One retention pass now (also what the thread does every hour).
  void run_retention();
  /// Store usage and disk gauges now.
  void update_gauges();

 private:
  void run();

  store::TimeSeriesStore& store_;
  runtime::LiveSite& site_;
  runtime::Metrics& metrics_;
  const Clock& clock_;
  std::filesystem::path data_dir_;
  Log& log_;
  DailyTask daily_;
  MaintenanceOptions options_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace egin::server
