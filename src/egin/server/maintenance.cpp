#include "egin/server/maintenance.hpp"

#include <exception>
#include <utility>

#include "egin/server/storage_report.hpp"

namespace egin::server {

namespace {

/// Index of the local day holding `t_ms` (days since 1970-01-01 local).
std::int64_t local_day_index(TimeMs t_ms, int utc_offset_min) {
  const TimeMs local = t_ms + static_cast<TimeMs>(utc_offset_min) * kMsPerMinute;
  return local >= 0 ? local / kMsPerDay : (local - kMsPerDay + 1) / kMsPerDay;
}

}  // namespace

std::vector<store::RetentionRule> retention_rules(const runtime::Site& site) {
  std::vector<store::RetentionRule> rules;
  for (const auto& r : site.retention) {
    rules.push_back(
        store::RetentionRule{r.channel_class, r.raw_days, r.minute_days, r.hour_days, r.day_days});
  }
  return rules;
}

Maintenance::Maintenance(store::TimeSeriesStore& store, runtime::LiveSite& site,
                         runtime::Metrics& metrics, const Clock& clock,
                         std::filesystem::path data_dir, Log& log, DailyTask daily,
                         MaintenanceOptions options)
    : store_(store),
      site_(site),
      metrics_(metrics),
      clock_(clock),
      data_dir_(std::move(data_dir)),
      log_(log),
      daily_(std::move(daily)),
      options_(options) {}

Maintenance::~Maintenance() { stop(); }

void Maintenance::start() {
  if (thread_.joinable()) {
    return;
  }
  {
    const std::lock_guard lock(mutex_);
    stopping_ = false;
  }
  thread_ = std::thread([this] { run(); });
}

void Maintenance::stop() {
  {
    const std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) {
    thread_.join();
  }
}

void Maintenance::run_retention() {
  const std::vector<store::RetentionRule> rules = retention_rules(site_.snapshot());
  const auto started = std::chrono::steady_clock::now();
  const store::RetentionResult result = store_.apply_retention(rules, clock_.now_ms());
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  metrics_.counter("egin_retention_runs_total", "Retention passes made").add();
  metrics_
      .counter("egin_retention_deleted_rows_total", "Rows deleted by retention", {{"level", "raw"}})
      .add(static_cast<double>(result.raw_deleted));
  metrics_
      .counter("egin_retention_deleted_rows_total", "Rows deleted by retention",
               {{"level", "rollup"}})
      .add(static_cast<double>(result.rollups_deleted));
  log_.info("retention", {{"raw_deleted", static_cast<long long>(result.raw_deleted)},
                          {"rollups_deleted", static_cast<long long>(result.rollups_deleted)},
                          {"seconds", seconds}});
}

void Maintenance::update_gauges() {
  const store::StorageUsage usage = store_.usage();
  metrics_.gauge("egin_store_bytes", "Size of the database on disk in bytes")
      .set(static_cast<double>(usage.bytes));
  metrics_.gauge("egin_store_rows", "Rows held by the store per level", {{"level", "raw"}})
      .set(static_cast<double>(usage.raw_rows));
  metrics_.gauge("egin_store_rows", "Rows held by the store per level", {{"level", "1m"}})
      .set(static_cast<double>(usage.minute_rows));
  metrics_.gauge("egin_store_rows", "Rows held by the store per level", {{"level", "1h"}})
      .set(static_cast<double>(usage.hour_rows));
  metrics_.gauge("egin_store_rows", "Rows held by the store per level", {{"level", "1d"}})
      .set(static_cast<double>(usage.day_rows));
  if (const auto disk = disk_space(data_dir_)) {
    metrics_.gauge("egin_disk_free_bytes", "Free bytes on the data disk")
        .set(static_cast<double>(disk->free_bytes));
    metrics_.gauge("egin_disk_total_bytes", "Size of the data disk in bytes")
        .set(static_cast<double>(disk->total_bytes));
  }
}

void Maintenance::run() {
  const int offset_min = site_.snapshot().utc_offset_min;
  TimeMs next_retention_ms = clock_.now_ms();  // one pass at start
  std::int64_t day = local_day_index(clock_.now_ms(), offset_min);
  auto next_gauges = std::chrono::steady_clock::now();
  for (;;) {
    {
      std::unique_lock lock(mutex_);
      if (wake_.wait_for(lock, options_.tick, [this] { return stopping_; })) {
        return;
      }
    }
    const TimeMs now_ms = clock_.now_ms();
    try {
      if (now_ms >= next_retention_ms) {
        run_retention();
        next_retention_ms = now_ms + options_.retention_every_ms;
      }
      const std::int64_t today = local_day_index(now_ms, offset_min);
      if (today != day) {
        // Every local day that ended since the last look (an accelerated clock may skip some).
        for (std::int64_t d = day; d < today; ++d) {
          if (daily_) {
            daily_(Date::from_days(static_cast<int>(d)));
          }
        }
        day = today;
      }
      if (std::chrono::steady_clock::now() >= next_gauges) {
        update_gauges();
        next_gauges = std::chrono::steady_clock::now() + options_.gauges_every;
      }
    } catch (const std::exception& e) {
      metrics_.counter("egin_maintenance_errors_total", "Maintenance tasks that failed").add();
      log_.error("maintenance_failed", {{"reason", e.what()}});
    }
  }
}

}  // namespace egin::server
