// IngestPipeline: the one path every reading takes, whatever brought it (HTTP, MQTT, a device
// driver, a derived series): resolve the channel → validate (validator.hpp) → store durably with
// other callers' readings in one group commit → latest-value cache → subscribers (controllers,
// live dashboard). ingest() returns only when the accepted readings are durable, so callers may
// acknowledge (HTTP 2xx, MQTT PUBACK) after it returns.
// It must not parse wire formats (callers hand it SenML records) or serve HTTP.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "egin/core/clock.hpp"
#include "egin/core/senml.hpp"
#include "egin/runtime/live_site.hpp"
#include "egin/runtime/metrics.hpp"
#include "egin/store/time_series_store.hpp"

namespace egin::runtime {

/// The store could not make a batch durable (disk full, database gone); what() says why.
class StoreUnavailable final : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

enum class IngestSource { http, mqtt, driver, derived };
std::string_view ingest_source_name(IngestSource source);

/// One record that did not land, with the reason in words ("out_of_range: 130 outside -40 to 60
/// Cel"). `reason_code` is the short label counted in metrics ("out_of_range").
struct IngestReject {
  std::size_t index = 0;
  std::string name;
  std::string reason_code;
  std::string reason;
};

struct IngestResult {
  std::size_t accepted = 0;    // stored now (flagged ones included)
  std::size_t flagged = 0;     // stored with a quality flag (spike, stuck)
  std::size_t duplicates = 0;  // already stored: not stored again, not an error
  std::size_t rejected = 0;
  std::vector<IngestReject> rejects;
};

/// A reading as subscribers see it, after it is durable.
struct StoredReading {
  store::ChannelId channel = 0;
  std::string key;
  TimeMs t_ms = 0;
  double value = 0.0;
  std::uint32_t flags = 0;
};

struct PipelineOptions {
  std::size_t max_batch_readings = 50000;  // one group commit at most this many readings
};

class IngestPipeline {
 public:
  IngestPipeline(LiveSite& site, store::TimeSeriesStore& store, const Clock& clock,
                 Metrics& metrics, PipelineOptions options = {});
  ~IngestPipeline();  // stops after flushing everything submitted
  IngestPipeline(const IngestPipeline&) = delete;
  IngestPipeline& operator=(const IngestPipeline&) = delete;

  /// Records named `name_prefix` + record name (MQTT: "zone/device/" from the topic; HTTP: "").
  /// Blocks until the accepted readings are durable. Thread-safe. Throws StoreUnavailable when
  /// the store failed to commit them (nothing of this call may be acknowledged then).
  IngestResult ingest(std::span<const SenmlRecord> records, std::string_view name_prefix,
                      IngestSource source);

  /// The newest reading per channel seen since start (or loaded from the store at start).
  [[nodiscard]] std::optional<StoredReading> latest(store::ChannelId channel) const;

  using Subscriber = std::function<void(std::span<const StoredReading>)>;
  /// Called on the writer thread after each durable commit; must be quick and not throw.
  std::size_t subscribe(Subscriber subscriber);
  void unsubscribe(std::size_t id);

  /// Waits until everything submitted so far is durable, then stops accepting (ingest() after
  /// stop() rejects with "shutting_down").
  void stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace egin::runtime
