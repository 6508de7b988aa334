// ServerContext: what the HTTP routes work with — the store, the live site, the ingest pipeline,
// metrics, the clock, the auth check, the data directory and the log; and, each optional (null:
// the routes that need it answer 503 "not configured"), the accounts, the plugged-in providers
// (commands, alarms, controller settings), the field advisor, and the dashboard's directory.
// Plain references and pointers owned by whoever starts the server (`egin serve`, a test, a
// demo); the context owns nothing but the shutdown flag. It must not start threads or hold
// routes.
#pragma once

#include <atomic>
#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

#include "egin/accounts/accounts.hpp"
#include "egin/core/clock.hpp"
#include "egin/runtime/field_advisor.hpp"
#include "egin/runtime/ingest_pipeline.hpp"
#include "egin/runtime/live_site.hpp"
#include "egin/runtime/metrics.hpp"
#include "egin/runtime/providers.hpp"
#include "egin/server/api_auth.hpp"
#include "egin/server/logging.hpp"
#include "egin/store/time_series_store.hpp"

namespace egin::server {

inline constexpr std::size_t kDefaultMaxBodyBytes = std::size_t{32} * 1024 * 1024;

struct ServerContext {
  store::TimeSeriesStore& store;
  runtime::LiveSite& site;
  runtime::IngestPipeline& pipeline;
  runtime::Metrics& metrics;
  const Clock& clock;  // the site's time (accelerated in demos); tokens use Accounts' own clock
  const ApiAuth& auth;
  Log& log;
  std::filesystem::path data_dir;  // the disk /api/v1/storage and /metrics report on
  std::size_t max_body_bytes = kDefaultMaxBodyBytes;
  accounts::Accounts* accounts = nullptr;         // users, logins (ApiAuth uses the same)
  runtime::Providers* providers = nullptr;        // commands, alarms, controller settings
  const runtime::FieldAdvisor* fields = nullptr;  // irrigation advice per field
  std::filesystem::path web_dir{};                // the built dashboard; empty: none
  /// Set when shutdown began: ingest answers 503 from then on (nothing new is acknowledged).
  std::atomic<bool> shutting_down{false};
};

}  // namespace egin::server
