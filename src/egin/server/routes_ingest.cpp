// POST /api/v1/ingest: a SenML JSON pack in, counts out — answered only after ingest() returned,
// i.e. after every accepted reading is durable (DESIGN.md §4 HTTP).
#include <algorithm>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "egin/core/senml.hpp"
#include "egin/server/json_io.hpp"
#include "egin/server/routes.hpp"

namespace egin::server {

namespace {

using nlohmann::json;

/// A pack where every record is bad should not make the answer as large as the pack.
constexpr std::size_t kMaxRejectsListed = 1000;

void handle_ingest(ServerContext& ctx, const httplib::Request& req, httplib::Response& res) {
  if (ctx.shutting_down.load()) {
    res.set_header("Retry-After", "5");
    send_error(res, 503, "shutting_down", "the server is shutting down; nothing was stored");
    return;
  }
  const double now_s = static_cast<double>(ctx.clock.now_ms()) / 1000.0;
  SenmlPack pack;
  try {
    pack = parse_senml_json(req.body, now_s);
  } catch (const SenmlError& e) {
    ctx.metrics
        .counter("egin_ingest_malformed_packs_total", "Packs refused as a whole (not SenML JSON)",
                 {{"source", "http"}})
        .add();
    send_error(res, 400, "malformed_pack", e.what());
    return;
  }

  runtime::IngestResult result;
  if (!pack.records.empty()) {
    result = ctx.pipeline.ingest(pack.records, "", runtime::IngestSource::http);
  }
  // Records the SenML parser could not resolve are rejects of this pack too.
  for (const SenmlRecordError& e : pack.errors) {
    result.rejects.push_back(runtime::IngestReject{e.index, e.name, "malformed_record", e.reason});
    ++result.rejected;
  }
  if (!pack.errors.empty()) {
    ctx.metrics
        .counter("egin_ingest_rejected_total", "Rejected records by reason",
                 {{"reason", "malformed_record"}})
        .add(static_cast<double>(pack.errors.size()));
  }
  std::sort(result.rejects.begin(), result.rejects.end(),
            [](const auto& a, const auto& b) { return a.index < b.index; });

  const bool cut_by_shutdown =
      std::any_of(result.rejects.begin(), result.rejects.end(),
                  [](const auto& r) { return r.reason_code == "shutting_down"; });

  json rejects = json::array();
  for (std::size_t i = 0; i < result.rejects.size() && i < kMaxRejectsListed; ++i) {
    const auto& r = result.rejects[i];
    rejects.push_back(json{{"index", r.index},
                           {"name", r.name},
                           {"reason_code", r.reason_code},
                           {"reason", r.reason}});
  }
  json body{{"accepted", result.accepted},
            {"flagged", result.flagged},
            {"duplicates", result.duplicates},
            {"rejected", result.rejected},
            {"rejects", rejects}};
  if (result.rejects.size() > kMaxRejectsListed) {
    body["rejects_truncated"] = true;
  }
  if (result.rejected > 0) {
    ctx.log.debug("ingest_rejects", {{"source", "http"},
                                     {"accepted", result.accepted},
                                     {"rejected", result.rejected},
                                     {"first_reason", result.rejects.front().reason}});
  }
  if (cut_by_shutdown) {
    // What was accepted is durable; the rest must be sent again (duplicates are ignored).
    res.set_header("Retry-After", "5");
    body["error"] = "shutting_down";
    body["reason"] = "the server is shutting down; send the rejected records again later";
    send_json(res, 503, body);
    return;
  }
  send_json(res, 200, body);
}

}  // namespace

void add_ingest_routes(Router& router) {
  ServerContext& ctx = router.context();
  router.post("/api/v1/ingest", Access::kOperator,
              [&ctx](const httplib::Request& req, httplib::Response& res,
                     const accounts::Principal&) { handle_ingest(ctx, req, res); });
}

}  // namespace egin::server
