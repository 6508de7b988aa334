// GET /api/v1/exports?channels=&from=&to=&step=raw|1m|1h|1d&format=csv|txt|xlsx: a table of any
// channels over a range, streamed as it is produced (chunked transfer encoding) with a
// Content-Disposition file name, so 30 days of 100 channels never sit in memory. Parameters are
// checked before the first byte goes out; a failure after that aborts the transfer (the client
// sees a truncated chunked body, never a short file that looks whole).
#include <memory>
#include <string>

#include "egin/core/input_error.hpp"
#include "egin/server/json_io.hpp"
#include "egin/server/query_params.hpp"
#include "egin/server/routes.hpp"
#include "egin/store/export.hpp"

namespace egin::server {

namespace {

store::Resolution export_resolution(const std::string& step) {
  if (step == "raw") {
    return store::Resolution::raw;
  }
  if (step == "1m") {
    return store::Resolution::minute;
  }
  if (step == "1h") {
    return store::Resolution::hour;
  }
  if (step == "1d") {
    return store::Resolution::day;
  }
  throw BadRequest("parameter 'step': '" + step +
                   "' is not an export step (expected raw, 1m, "
                   "1h or 1d)");
}

std::string content_type(store::ExportFormat format) {
  switch (format) {
    case store::ExportFormat::csv:
      return "text/csv; charset=utf-8";
    case store::ExportFormat::txt:
      return "text/tab-separated-values; charset=utf-8";
    case store::ExportFormat::xlsx:
      return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  }
  return "application/octet-stream";
}

/// "egin-20260601T0000Z-20260701T0000Z-1h.csv": only characters safe in a header and a file name.
std::string file_name(TimeMs from_ms, TimeMs to_ms, const std::string& step,
                      store::ExportFormat format) {
  auto compact = [](TimeMs t_ms) {
    std::string text;
    for (const char c : format_iso_utc(t_ms)) {
      if (c == '-' || c == ':') {
        continue;
      }
      if (c == '.') {
        break;
      }
      text.push_back(c);
    }
    if (text.empty() || text.back() != 'Z') {
      text.push_back('Z');
    }
    return text;
  };
  return "egin-" + compact(from_ms) + "-" + compact(to_ms) + "-" + step + "." +
         std::string(store::export_format_name(format));
}

/// The sink reported the client gone: stop exporting.
struct ClientGone {};

void get_export(ServerContext& ctx, const httplib::Request& req, httplib::Response& res) {
  const auto channels = channels_param(req, ctx.site, "channels");
  if (channels.size() > store::kMaxExportColumns) {
    throw BadRequest("parameter 'channels': " + std::to_string(channels.size()) +
                     " channels, more than " + std::to_string(store::kMaxExportColumns) +
                     " (expected at most that many per export)");
  }
  const auto from_ms = time_param(req, "from");
  const auto to_ms = time_param(req, "to");
  if (!from_ms || !to_ms) {
    throw BadRequest(std::string("missing parameter '") + (from_ms ? "to" : "from") +
                     "' (expected an ISO 8601 time such as 2026-11-28T00:00:00Z)");
  }
  if (*from_ms >= *to_ms) {
    throw BadRequest("parameters 'from' and 'to': from " + format_iso_utc(*from_ms) +
                     " is not before to " + format_iso_utc(*to_ms) + " (expected from < to)");
  }
  const std::string step = req.has_param("step") ? req.get_param_value("step") : "raw";
  const std::string format_text =
      req.has_param("format") ? req.get_param_value("format") : std::string("csv");
  const auto format = store::parse_export_format(format_text);
  if (!format) {
    throw BadRequest("parameter 'format': '" + format_text +
                     "' is not an export format (expected csv, txt or xlsx)");
  }

  auto request = std::make_shared<store::ExportRequest>();
  request->from_ms = *from_ms;
  request->to_ms = *to_ms;
  request->resolution = export_resolution(step);
  request->utc_offset_min = ctx.site.snapshot().utc_offset_min;
  request->format = *format;
  for (const auto& info : channels) {
    request->columns.push_back(store::ExportColumn{
        info.id, info.spec.unit.empty() ? info.key : info.key + " (" + info.spec.unit + ")"});
  }

  res.status = 200;
  res.set_header("Content-Disposition",
                 "attachment; filename=\"" + file_name(*from_ms, *to_ms, step, *format) + "\"");
  res.set_chunked_content_provider(content_type(*format), [&ctx, request](std::size_t,
                                                                          httplib::DataSink& sink) {
    try {
      const store::ExportStats stats =
          store::export_series(ctx.store, *request, [&sink](std::string_view chunk) {
            if (chunk.empty()) {
              return;
            }
            if (!sink.write(chunk.data(), chunk.size())) {
              throw ClientGone{};
            }
          });
      sink.done();
      ctx.log.info("export", {{"format", std::string(store::export_format_name(request->format))},
                              {"columns", request->columns.size()},
                              {"rows", static_cast<long long>(stats.rows)},
                              {"bytes", static_cast<long long>(stats.bytes)}});
      return true;
    } catch (const ClientGone&) {
      ctx.log.warn("export_aborted", {{"reason", "client closed the connection"}});
    } catch (const std::exception& e) {
      ctx.log.error("export_failed", {{"reason", e.what()}});
    }
    return false;  // aborts the chunked body: the client cannot mistake it for a whole file
  });
}

}  // namespace

void add_export_routes(Router& router) {
  ServerContext& ctx = router.context();
  router.get("/api/v1/exports", Access::kViewer,
             [&ctx](const httplib::Request& req, httplib::Response& res,
                    const accounts::Principal&) { get_export(ctx, req, res); });
}

}  // namespace egin::server
