// HttpServer: the HTTP side of `egin serve` — binds an address, answers the API on a pool of
// worker threads, checks the bearer token on every /api/v1 route (ApiAuth) and stops gracefully:
// stop accepting, let the requests in flight finish (an acknowledged ingest stays acknowledged),
// then return. It must not own the store, the site or the pipeline (ServerContext refers to them).
#pragma once

#include <httplib.h>

#include <atomic>
#include <cstddef>
#include <memory>
#include <thread>

#include "egin/server/http_address.hpp"
#include "egin/server/server_context.hpp"

namespace egin::server {

struct HttpOptions {
  HttpAddress address;
  std::size_t threads = 16;      // worker threads (each keep-alive connection holds one)
  int keep_alive_timeout_s = 2;  // idle keep-alive connections close after this
  int read_timeout_s = 30;       // a client that stops sending mid-request is dropped
};

class HttpServer {
 public:
  HttpServer(ServerContext& ctx, HttpOptions options);
  ~HttpServer();  // stop()
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  /// Binds the address (port 0: a free port) and starts serving on a background thread. Returns
  /// the address actually bound. Throws std::runtime_error when the address cannot be bound.
  HttpAddress start();

  /// Stops accepting connections, waits for the requests in flight to finish, joins the threads.
  /// Sets ctx.shutting_down first so that a request arriving meanwhile gets 503. Idempotent.
  void stop();

 private:
  ServerContext& ctx_;
  HttpOptions options_;
  std::unique_ptr<httplib::Server> http_;
  std::thread listener_;
  std::atomic<bool> listener_done_{false};
};

}  // namespace egin::server
