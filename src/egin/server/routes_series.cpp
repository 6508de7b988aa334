// GET /api/v1/series?channel=&from=&to=&step=raw|1m|15m|1h|1d: one channel's readings (raw) or
// its buckets on a regular grid computed server-side from the rollups (store/series_query.hpp).
// Day steps start at the site's local midnight.
#include <nlohmann/json.hpp>
#include <string>

#include "egin/core/input_error.hpp"
#include "egin/server/json_io.hpp"
#include "egin/server/query_params.hpp"
#include "egin/server/routes.hpp"
#include "egin/server/site_json.hpp"
#include "egin/store/series_query.hpp"

namespace egin::server {

namespace {

using nlohmann::json;

/// Largest answer one request may ask for; a coarser step or a shorter range gets the rest.
constexpr std::int64_t kMaxBuckets = 500000;
constexpr std::size_t kMaxRawPoints = 1000000;
constexpr TimeMs kDefaultRangeMs = kMsPerDay;

void get_series(ServerContext& ctx, const httplib::Request& req, httplib::Response& res) {
  const std::string name =
      required_param(req, "channel", "a channel key zone/device/channel or its id");
  const auto info = resolve_channel(ctx.site, name);
  if (!info) {
    throw BadRequest("parameter 'channel': no channel '" + name + "'", 404, "not_found");
  }
  const TimeMs to_ms = time_param(req, "to").value_or(ctx.clock.now_ms());
  const TimeMs from_ms = time_param(req, "from").value_or(to_ms - kDefaultRangeMs);
  if (from_ms >= to_ms) {
    throw BadRequest("parameters 'from' and 'to': from " + format_iso_utc(from_ms) +
                     " is not before to " + format_iso_utc(to_ms) + " (expected from < to)");
  }
  const std::string step = req.has_param("step") ? req.get_param_value("step") : "raw";

  json body{{"channel", info->key},        {"id", info->id},
            {"unit", info->spec.unit},     {"from", format_iso_utc(from_ms)},
            {"to", format_iso_utc(to_ms)}, {"step", step}};
  json points = json::array();
  if (step == "raw") {
    std::size_t n = 0;
    ctx.store.query_raw(info->id, from_ms, to_ms, [&](const store::Reading& r) {
      if (++n > kMaxRawPoints) {
        return;
      }
      points.push_back(json{
          {"t", format_iso_utc(r.t_ms)}, {"t_ms", r.t_ms}, {"value", r.value}, {"flags", r.flags}});
    });
    if (n > kMaxRawPoints) {
      throw BadRequest("parameter 'step': raw holds " + std::to_string(n) +
                       " readings in this range, more than " + std::to_string(kMaxRawPoints) +
                       " (expected a shorter range or a step such as 1m, 15m, 1h, 1d)");
    }
  } else {
    TimeMs step_ms = 0;
    try {
      step_ms = store::parse_step_ms(step);
    } catch (const InputError&) {
      throw BadRequest("parameter 'step': '" + step +
                       "' is not a step (expected raw or a whole number with s, m, h or d: 1m, "
                       "15m, 1h, 1d)");
    }
    if ((to_ms - from_ms) / step_ms > kMaxBuckets) {
      throw BadRequest("parameter 'step': " + step + " over this range gives more than " +
                       std::to_string(kMaxBuckets) + " buckets (expected a coarser step)");
    }
    const int offset_min = ctx.site.snapshot().utc_offset_min;
    body["step_ms"] = step_ms;
    body["level"] = store::resolution_name(store::level_for_step(step_ms, offset_min));
    for (const store::SeriesPoint& p :
         store::query_series(ctx.store, info->id, from_ms, to_ms, step_ms, offset_min)) {
      points.push_back(json{{"t", format_iso_utc(p.start_ms)},
                            {"t_ms", p.start_ms},
                            {"min", p.min},
                            {"max", p.max},
                            {"mean", p.mean},
                            {"count", p.count}});
    }
  }
  body["points"] = std::move(points);
  send_json(res, 200, body);
}

}  // namespace

void add_series_routes(Router& router) {
  ServerContext& ctx = router.context();
  router.get("/api/v1/series", Access::kViewer,
             [&ctx](const httplib::Request& req, httplib::Response& res,
                    const accounts::Principal&) { get_series(ctx, req, res); });
}

}  // namespace egin::server
