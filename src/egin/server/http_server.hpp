// HttpServer: the HTTP side of `egin serve` — binds an address, answers the API and the dashboard
// on a pool of worker threads (every route through one Router: token and role checked first),
// streams live events (EventHub, fed by the ingest pipeline and the registered alarm and command
// providers) and stops gracefully: stop accepting, end the event streams, let the requests in
// flight finish (an acknowledged ingest stays acknowledged), then return.
// It must not own the store, the site or the pipeline (ServerContext refers to them).
#pragma once

#include <httplib.h>

#include <atomic>
#include <cstddef>
#include <memory>
#include <thread>
#include <vector>

#include "egin/server/event_hub.hpp"
#include "egin/server/http_address.hpp"
#include "egin/server/route_table.hpp"
#include "egin/server/server_context.hpp"

namespace egin::server {

struct HttpOptions {
  HttpAddress address;
  std::size_t threads = 16;           // worker threads (each keep-alive connection holds one)
  int keep_alive_timeout_s = 2;       // idle keep-alive connections close after this
  int read_timeout_s = 30;            // a client that stops sending mid-request is dropped
  std::size_t max_event_streams = 0;  // open SSE streams at once; 0: half the threads
};

class HttpServer {
 public:
  HttpServer(ServerContext& ctx, HttpOptions options);
  ~HttpServer();  // stop()
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  /// Binds the address (port 0: a free port) and starts serving on a background thread. Returns
  /// the address actually bound. Throws std::runtime_error when the address cannot be bound.
  /// The providers registered in ctx.providers by then feed the event streams.
  HttpAddress start();

  /// Stops accepting connections, ends the event streams, waits for the requests in flight to
  /// finish, joins the threads. Sets ctx.shutting_down first so that a request arriving
  /// meanwhile gets 503. Idempotent.
  void stop();

  /// Every route with its method, documented path and access (for the OpenAPI check).
  [[nodiscard]] const std::vector<RouteInfo>& routes() const { return router_->routes(); }

  [[nodiscard]] EventHub& events() { return hub_; }

 private:
  void subscribe_providers();
  void unsubscribe_all();

  ServerContext& ctx_;
  HttpOptions options_;
  std::unique_ptr<httplib::Server> http_;
  std::unique_ptr<Router> router_;
  EventHub hub_;
  std::size_t pipeline_subscription_ = 0;
  std::shared_ptr<runtime::AlarmProvider> alarms_;
  std::shared_ptr<runtime::CommandProvider> commands_;
  std::size_t alarm_subscription_ = 0;
  std::size_t command_subscription_ = 0;
  std::thread listener_;
  std::atomic<bool> listener_done_{false};
};

}  // namespace egin::server
