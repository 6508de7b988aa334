#include "egin/server/http_server.hpp"

#include <chrono>
#include <stdexcept>
#include <string>
#include <string_view>

#include "egin/server/json_io.hpp"
#include "egin/server/provider_json.hpp"
#include "egin/server/routes.hpp"

namespace egin::server {

namespace {

bool is_api_path(std::string_view path) {
  return path == "/api/v1" || path.starts_with("/api/v1/");
}

/// "gh1/vents/roof" → "gh1".
std::string zone_of(const std::string& key) { return key.substr(0, key.find('/')); }

}  // namespace

HttpServer::HttpServer(ServerContext& ctx, HttpOptions options)
    : ctx_(ctx), options_(std::move(options)), http_(std::make_unique<httplib::Server>()) {
  httplib::Server& http = *http_;
  const std::size_t threads = options_.threads > 0 ? options_.threads : 1;
  http.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
  http.set_payload_max_length(ctx_.max_body_bytes);
  http.set_keep_alive_timeout(options_.keep_alive_timeout_s);
  http.set_read_timeout(options_.read_timeout_s, 0);
  http.set_tcp_nodelay(true);

  // Debian's cpp-httplib compresses answers with brotli at its slowest quality (11) whenever the
  // client offers "br" — browsers do — which costs 150 ms on a 30-day series (gzip: 2 ms). Offer
  // it gzip only: the Request is ours (httplib's own local object, handed in as const).
  http.set_pre_routing_handler([](const httplib::Request& req, httplib::Response&) {
    auto& headers = const_cast<httplib::Request&>(req).headers;  // NOLINT(*-const-cast)
    const auto found = headers.find("Accept-Encoding");
    if (found != headers.end() && found->second.find("br") != std::string::npos) {
      found->second = found->second.find("gzip") != std::string::npos ? "gzip" : "identity";
    }
    return httplib::Server::HandlerResponse::Unhandled;
  });
  // Statuses httplib sets by itself (404 no route, 413 body too large, 400 bad request line).
  // An unknown /api/v1 path asked without a valid token is 401, as every API path is.
  http.set_error_handler([this](const httplib::Request& req, httplib::Response& res) {
    if (!res.body.empty()) {
      return;
    }
    if (res.status == 404 && is_api_path(req.path) &&
        !ctx_.auth.authenticate(req.get_header_value("Authorization"))) {
      send_unauthorized(ctx_, res);
    } else if (res.status == 404) {
      send_error(res, 404, "not_found", "no route " + req.method + " " + req.path);
    } else if (res.status == 413) {
      send_error(res, 413, "payload_too_large", "the request body is larger than the limit");
    } else {
      send_error(res, res.status, "http_error", "HTTP status " + std::to_string(res.status));
    }
  });
  http.set_exception_handler(
      [this](const httplib::Request& req, httplib::Response& res, const std::exception_ptr& ep) {
        std::string reason = "unknown error";
        try {
          if (ep) {
            std::rethrow_exception(ep);
          }
        } catch (const std::exception& e) {
          reason = e.what();
        } catch (...) {
        }
        ctx_.log.error("handler_failed", {{"path", req.path}, {"reason", reason}});
        send_error(res, 500, "internal", reason);
      });

  router_ = std::make_unique<Router>(http, ctx_);
  Router& router = *router_;
  add_ops_routes(router);
  add_ingest_routes(router);
  add_site_routes(router);
  add_overview_routes(router);
  add_series_routes(router);
  add_export_routes(router);
  add_session_routes(router);
  add_user_routes(router);
  add_field_routes(router);
  add_command_routes(router);
  add_alarm_routes(router);
  add_settings_routes(router);
  add_event_routes(router, hub_,
                   options_.max_event_streams > 0 ? options_.max_event_streams : threads / 2);
  add_web_routes(http, router);

  pipeline_subscription_ =
      ctx_.pipeline.subscribe([this](std::span<const runtime::StoredReading> readings) {
        hub_.publish_readings(readings);
      });
}

HttpServer::~HttpServer() { stop(); }

void HttpServer::subscribe_providers() {
  if (ctx_.providers == nullptr) {
    return;
  }
  alarms_ = ctx_.providers->alarms();
  if (alarms_) {
    alarm_subscription_ = alarms_->subscribe([this](const runtime::Alarm& alarm) {
      hub_.publish(EventType::kAlarm, alarm.zone, alarm_json(alarm).dump());
    });
  }
  commands_ = ctx_.providers->commands();
  if (commands_) {
    command_subscription_ = commands_->subscribe([this](const runtime::CommandRecord& record) {
      hub_.publish(EventType::kCommand, zone_of(record.request.channel),
                   command_json(record).dump());
    });
  }
}

void HttpServer::unsubscribe_all() {
  if (alarms_) {
    alarms_->unsubscribe(alarm_subscription_);
    alarms_.reset();
  }
  if (commands_) {
    commands_->unsubscribe(command_subscription_);
    commands_.reset();
  }
}

HttpAddress HttpServer::start() {
  HttpAddress bound = options_.address;
  if (bound.port == 0) {
    const int port = http_->bind_to_any_port(bound.host);
    if (port <= 0) {
      throw std::runtime_error("cannot bind HTTP on " + format_http_address(bound));
    }
    bound.port = port;
  } else if (!http_->bind_to_port(bound.host, bound.port)) {
    throw std::runtime_error("cannot bind HTTP on " + format_http_address(bound) +
                             " (address in use or not available)");
  }
  subscribe_providers();
  listener_done_.store(false);
  listener_ = std::thread([this] {
    http_->listen_after_bind();
    listener_done_.store(true);
  });
  // stop() only acts on a running server: wait until the accept loop runs, so that a stop()
  // right after start() cannot be lost.
  while (!http_->is_running() && !listener_done_.load()) {
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  return bound;
}

void HttpServer::stop() {
  ctx_.shutting_down.store(true);
  hub_.close();  // event streams end at their next wake-up, which is now
  unsubscribe_all();
  if (pipeline_subscription_ != 0) {
    // Here, not in the destructor: the owner may flush and drop the pipeline right after stop().
    ctx_.pipeline.unsubscribe(pipeline_subscription_);
    pipeline_subscription_ = 0;
  }
  if (!listener_.joinable()) {
    return;
  }
  // stop() closes the listening socket; listen_after_bind() then shuts the worker pool down,
  // which lets every request already being handled run to its end before the join returns.
  http_->stop();
  listener_.join();
}

}  // namespace egin::server
