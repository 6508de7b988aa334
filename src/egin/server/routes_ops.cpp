// Operations: /healthz (200 "ok" when the store answers, 503 otherwise), /metrics (Prometheus
// text: the registry plus the disk figures read now) and GET /api/v1/storage (usage, retention,
// growth and the days until the data disk is full).
#include <cmath>
#include <nlohmann/json.hpp>
#include <string>

#include "egin/server/json_io.hpp"
#include "egin/server/routes.hpp"
#include "egin/server/storage_report.hpp"

namespace egin::server {

namespace {

using nlohmann::json;

constexpr int kGrowthDays = 7;

void update_disk_gauges(ServerContext& ctx) {
  if (const auto disk = disk_space(ctx.data_dir)) {
    ctx.metrics.gauge("egin_disk_free_bytes", "Free bytes on the data disk")
        .set(static_cast<double>(disk->free_bytes));
    ctx.metrics.gauge("egin_disk_total_bytes", "Size of the data disk in bytes")
        .set(static_cast<double>(disk->total_bytes));
  }
}

void get_healthz(ServerContext& ctx, httplib::Response& res) {
  if (ctx.shutting_down.load()) {
    res.status = 503;
    res.set_content("shutting down\n", "text/plain");
    return;
  }
  try {
    (void)ctx.store.channels();  // a real round trip to the database
  } catch (const std::exception& e) {
    ctx.log.error("healthz_store", {{"reason", e.what()}});
    res.status = 503;
    res.set_content(std::string("store unreachable: ") + e.what() + "\n", "text/plain");
    return;
  }
  res.status = 200;
  res.set_content("ok\n", "text/plain");
}

void get_metrics(ServerContext& ctx, httplib::Response& res) {
  update_disk_gauges(ctx);
  res.status = 200;
  res.set_content(ctx.metrics.render(), "text/plain; version=0.0.4; charset=utf-8");
}

json optional_time(const std::optional<TimeMs>& t_ms) {
  return t_ms ? json(format_iso_utc(*t_ms)) : json(nullptr);
}

void get_storage(ServerContext& ctx, httplib::Response& res) {
  const TimeMs now_ms = ctx.clock.now_ms();
  const runtime::Site site = ctx.site.snapshot();
  const store::StorageUsage usage = ctx.store.usage();
  const auto disk = disk_space(ctx.data_dir);
  const std::vector<DayCount> days =
      daily_counts(ctx.store, now_ms, site.utc_offset_min, kGrowthDays);
  const std::span<const DayCount> complete(days.data(), days.size() - 1);
  const TimeMs today_start = days.back().day_start_ms;
  const double today_fraction =
      static_cast<double>(now_ms - today_start) / static_cast<double>(kMsPerDay);
  const GrowthEstimate growth =
      estimate_growth(complete, days.back().readings, today_fraction, usage, disk);

  json per_day = json::array();
  for (const DayCount& d : days) {
    per_day.push_back(
        json{{"day_start", format_iso_utc(d.day_start_ms)}, {"readings", d.readings}});
  }
  json retention = json::array();
  int default_raw_days = 0;
  for (const auto& r : site.retention) {
    retention.push_back(json{{"channel_class", r.channel_class},
                             {"raw_days", r.raw_days},
                             {"minute_days", r.minute_days},
                             {"hour_days", r.hour_days},
                             {"day_days", r.day_days}});
    if (r.channel_class == "default") {
      default_raw_days = r.raw_days;
    }
  }
  json body{
      {"backend", ctx.store.backend()},
      {"data_dir", ctx.data_dir.string()},
      {"bytes", usage.bytes},
      {"rows", json{{"raw", usage.raw_rows},
                    {"minute", usage.minute_rows},
                    {"hour", usage.hour_rows},
                    {"day", usage.day_rows}}},
      {"oldest_raw", optional_time(usage.oldest_raw_ms)},
      {"newest_raw", optional_time(usage.newest_raw_ms)},
      {"retention", retention},
      {"readings_per_day", per_day},
      {"growth", json{{"readings_per_day", growth.readings_per_day},
                      {"bytes_per_reading", growth.bytes_per_reading},
                      {"bytes_per_day", growth.bytes_per_day},
                      {"days_until_full",
                       growth.days_until_full ? json(*growth.days_until_full) : json(nullptr)},
                      {"steady_state_bytes", default_raw_days > 0
                                                 ? json(growth.bytes_per_day * default_raw_days)
                                                 : json(nullptr)}}}};
  if (disk) {
    body["disk"] = json{{"total_bytes", disk->total_bytes}, {"free_bytes", disk->free_bytes}};
  } else {
    body["disk"] = nullptr;
  }
  send_json(res, 200, body);
}

}  // namespace

void add_ops_routes(Router& router) {
  using Req = httplib::Request;
  using Res = httplib::Response;
  using P = accounts::Principal;
  ServerContext& ctx = router.context();
  router.get("/healthz", Access::kPublic,
             [&ctx](const Req&, Res& res, const P&) { get_healthz(ctx, res); });
  router.get("/metrics", Access::kPublic,
             [&ctx](const Req&, Res& res, const P&) { get_metrics(ctx, res); });
  router.get("/api/v1/storage", Access::kViewer,
             [&ctx](const Req&, Res& res, const P&) { get_storage(ctx, res); });
}

}  // namespace egin::server
