#include "egin/server/http_server.hpp"

#include <chrono>
#include <stdexcept>
#include <string>
#include <string_view>

#include "egin/server/json_io.hpp"
#include "egin/server/routes.hpp"

namespace egin::server {

namespace {

bool is_api_path(std::string_view path) {
  return path == "/api/v1" || path.starts_with("/api/v1/");
}

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

  // Auth in one place, before any /api/v1 route runs (ApiAuth decides).
  http.set_pre_routing_handler([this](const httplib::Request& req, httplib::Response& res) {
    if (!is_api_path(req.path)) {
      return httplib::Server::HandlerResponse::Unhandled;
    }
    if (ctx_.auth.authorize(req.get_header_value("Authorization"))) {
      return httplib::Server::HandlerResponse::Unhandled;
    }
    res.set_header("WWW-Authenticate", "Bearer realm=\"egin\"");
    send_error(res, 401, "unauthorized",
               "missing or invalid bearer token (send 'Authorization: Bearer <token>'; the "
               "token is in <data-dir>/api-token)");
    ctx_.metrics
        .counter("egin_http_unauthorized_total", "API requests refused for a missing or bad token")
        .add();
    return httplib::Server::HandlerResponse::Handled;
  });
  // Statuses httplib sets by itself (404 no route, 413 body too large, 400 bad request line).
  http.set_error_handler([](const httplib::Request& req, httplib::Response& res) {
    if (!res.body.empty()) {
      return;
    }
    if (res.status == 404) {
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

  add_ops_routes(http, ctx_);
  add_ingest_routes(http, ctx_);
  add_site_routes(http, ctx_);
  add_series_routes(http, ctx_);
  add_export_routes(http, ctx_);
}

HttpServer::~HttpServer() { stop(); }

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
  if (!listener_.joinable()) {
    return;
  }
  // stop() closes the listening socket; listen_after_bind() then shuts the worker pool down,
  // which lets every request already being handled run to its end before the join returns.
  http_->stop();
  listener_.join();
}

}  // namespace egin::server
