// GET /api/v1/events: server-sent events (text/event-stream, WHATWG HTML §9.2) of live values —
// "reading" for every durable reading — and of the providers' changes — "alarm", "command" —
// filtered by ?channels=, ?zone= and ?types=. Each event carries its id; a client that reconnects
// with Last-Event-ID (or ?after=) gets what it missed while the hub still holds it, else a
// "resync" event (reload the latest values). A comment line every 15 s keeps proxies and dead
// peers honest; the token is checked again every minute (an expired or revoked one ends the
// stream with an "unauthorized" event). Each open stream holds one HTTP worker thread, so their
// number is capped (503 beyond it).
#include <charconv>
#include <chrono>
#include <memory>
#include <nlohmann/json.hpp>
#include <set>
#include <string>

#include "egin/server/json_io.hpp"
#include "egin/server/query_params.hpp"
#include "egin/server/routes.hpp"

namespace egin::server {

namespace {

using nlohmann::json;

constexpr auto kHeartbeat = std::chrono::seconds(15);
constexpr auto kRecheckAuth = std::chrono::seconds(60);

struct Filter {
  std::set<store::ChannelId> channels;  // empty: all
  std::string zone;                     // empty: all
  bool readings = true;
  bool alarms = true;
  bool commands = true;

  [[nodiscard]] bool wants(const LiveEvent& e) const {
    switch (e.type) {
      case EventType::kReading:
        if (!readings) {
          return false;
        }
        if (!channels.empty() && channels.count(e.reading.channel) == 0) {
          return false;
        }
        return zone.empty() || e.reading.key.starts_with(zone + "/");
      case EventType::kAlarm:
        return alarms && (zone.empty() || e.zone == zone);
      case EventType::kCommand:
        return commands && (zone.empty() || e.zone == zone);
    }
    return false;
  }
};

std::string reading_data(const runtime::StoredReading& r) {
  return json{{"channel", r.key}, {"id", r.channel},  {"t", format_iso_utc(r.t_ms)},
              {"t_ms", r.t_ms},   {"value", r.value}, {"flags", r.flags}}
      .dump(-1, ' ', false, json::error_handler_t::replace);
}

std::string event_text(const LiveEvent& e) {
  std::string out = "id: " + std::to_string(e.seq) + "\nevent: ";
  out += event_type_name(e.type);
  out += "\ndata: ";
  out += e.type == EventType::kReading ? reading_data(e.reading) : e.data;
  out += "\n\n";
  return out;
}

std::uint64_t resume_point(const httplib::Request& req, const EventHub& hub) {
  std::string text = req.get_header_value("Last-Event-ID");
  if (text.empty() && req.has_param("after")) {
    text = req.get_param_value("after");
  }
  if (text.empty()) {
    return hub.last_seq();
  }
  std::uint64_t v = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec != std::errc{} || end != text.data() + text.size()) {
    throw BadRequest("Last-Event-ID / parameter 'after': '" + text +
                     "' is not an event id (expected a whole number)");
  }
  return v;
}

Filter parse_filter(ServerContext& ctx, const httplib::Request& req) {
  Filter f;
  if (req.has_param("channels")) {
    for (const auto& info : channels_param(req, ctx.site, "channels")) {
      f.channels.insert(info.id);
    }
  }
  if (req.has_param("zone")) {
    f.zone = req.get_param_value("zone");
    const auto site = ctx.site.snapshot();
    bool found = false;
    for (const auto& z : site.zones) {
      found = found || z.id == f.zone;
    }
    if (!found) {
      throw BadRequest("parameter 'zone': no zone '" + f.zone + "'", 404, "not_found");
    }
  }
  if (req.has_param("types")) {
    f.readings = f.alarms = f.commands = false;
    for (const std::string& t : split_list(req.get_param_value("types"))) {
      if (t == "reading") {
        f.readings = true;
      } else if (t == "alarm") {
        f.alarms = true;
      } else if (t == "command") {
        f.commands = true;
      } else {
        throw BadRequest("parameter 'types': unknown event type '" + t +
                         "' (expected a comma list of reading, alarm, command)");
      }
    }
  }
  return f;
}

struct Stream {
  EventHub& hub;
  Filter filter;
  std::uint64_t after = 0;
  std::string authorization;
  std::chrono::steady_clock::time_point checked = std::chrono::steady_clock::now();
  bool greeted = false;
};

void get_events(ServerContext& ctx, EventHub& hub, std::size_t limit, const httplib::Request& req,
                httplib::Response& res) {
  auto stream = std::make_shared<Stream>(Stream{hub, parse_filter(ctx, req), resume_point(req, hub),
                                                req.get_header_value("Authorization")});
  if (!hub.open_stream(limit)) {
    res.set_header("Retry-After", "5");
    send_error(res, 503, "too_many_streams",
               "the server holds " + std::to_string(limit) +
                   " event streams already (close one, or start egin serve with more "
                   "--http-threads)");
    return;
  }
  ctx.metrics.gauge("egin_event_streams", "Open server-sent event streams")
      .set(static_cast<double>(hub.streams()));
  res.status = 200;
  res.set_header("Cache-Control", "no-cache");
  res.set_header("X-Accel-Buffering", "no");  // nginx: do not buffer the stream
  res.set_chunked_content_provider(
      "text/event-stream",
      [&ctx, stream](std::size_t, httplib::DataSink& sink) {
        try {
          if (!stream->greeted) {
            stream->greeted = true;
            const std::string hello =
                "retry: 3000\n: egin live events\n\nevent: hello\ndata: " +
                json{{"last_id", stream->after}, {"now", format_iso_utc(ctx.clock.now_ms())}}
                    .dump() +
                "\n\n";
            return sink.write(hello.data(), hello.size());
          }
          if (ctx.shutting_down.load() || stream->hub.closed()) {
            sink.done();
            return true;
          }
          const auto now = std::chrono::steady_clock::now();
          if (now - stream->checked > kRecheckAuth) {
            stream->checked = now;
            if (!ctx.auth.authenticate(stream->authorization)) {
              const std::string bye = "event: unauthorized\ndata: {}\n\n";
              sink.write(bye.data(), bye.size());
              sink.done();
              return true;
            }
          }
          const EventBatch batch = stream->hub.wait_after(
              stream->after, std::chrono::duration_cast<std::chrono::milliseconds>(kHeartbeat));
          std::string out;
          if (batch.lost) {
            out += "event: resync\ndata: {}\n\n";
          }
          for (const LiveEvent& e : batch.events) {
            stream->after = e.seq;
            if (stream->filter.wants(e)) {
              out += event_text(e);
            }
          }
          if (out.empty()) {
            out = ": ping\n\n";
          }
          return sink.write(out.data(), out.size());
        } catch (const std::exception& e) {
          ctx.log.warn("event_stream_failed", {{"reason", e.what()}});
          return false;
        }
      },
      [&ctx, stream](bool) {
        stream->hub.close_stream();
        ctx.metrics.gauge("egin_event_streams", "Open server-sent event streams")
            .set(static_cast<double>(stream->hub.streams()));
      });
}

}  // namespace

void add_event_routes(Router& router, EventHub& hub, std::size_t max_streams) {
  ServerContext& ctx = router.context();
  const std::size_t limit = max_streams > 0 ? max_streams : 1;
  router.get(
      "/api/v1/events", Access::kViewer,
      [&ctx, &hub, limit](const httplib::Request& req, httplib::Response& res,
                          const accounts::Principal&) { get_events(ctx, hub, limit, req, res); });
}

}  // namespace egin::server
