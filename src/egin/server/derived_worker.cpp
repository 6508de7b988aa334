#include "egin/server/derived_worker.hpp"

#include <exception>
#include <utility>

#include "egin/core/senml.hpp"

namespace egin::server {

namespace {

/// A queue that grows past this many batches drops the oldest (derived values of a burst are
/// recomputed from the next readings; raw data are never at stake).
constexpr std::size_t kMaxQueuedBatches = 10000;

}  // namespace

DerivedWorker::DerivedWorker(runtime::DerivedSeries& derived, runtime::IngestPipeline& pipeline,
                             Log& log)
    : derived_(derived), pipeline_(pipeline), log_(log) {
  thread_ = std::thread([this] { run(); });
  subscription_ = pipeline_.subscribe([this](std::span<const runtime::StoredReading> readings) {
    std::vector<runtime::StoredReading> batch;
    batch.reserve(readings.size());
    for (const auto& r : readings) {
      // Derived readings come back through the pipeline too; they are nobody's source.
      if ((r.flags & store::kFlagDerived) != 0U) {
        continue;
      }
      batch.push_back(r);
    }
    if (batch.empty()) {
      return;
    }
    {
      const std::lock_guard lock(mutex_);
      if (queue_.size() >= kMaxQueuedBatches) {
        queue_.pop_front();
      }
      queue_.push_back(std::move(batch));
    }
    wake_.notify_one();
  });
  subscribed_ = true;
}

DerivedWorker::~DerivedWorker() { stop(); }

void DerivedWorker::feed(std::vector<runtime::StoredReading> readings) {
  if (readings.empty()) {
    return;
  }
  {
    const std::lock_guard lock(mutex_);
    queue_.push_back(std::move(readings));
  }
  wake_.notify_one();
}

void DerivedWorker::drain() {
  std::unique_lock lock(mutex_);
  idle_.wait(lock, [this] { return queue_.empty() && !busy_; });
}

void DerivedWorker::stop() {
  if (subscribed_) {
    pipeline_.unsubscribe(subscription_);
    subscribed_ = false;
  }
  {
    const std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) {
    thread_.join();
  }
}

void DerivedWorker::run() {
  for (;;) {
    std::vector<runtime::StoredReading> batch;
    {
      std::unique_lock lock(mutex_);
      wake_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
      if (queue_.empty()) {
        break;  // stopping and nothing left
      }
      batch = std::move(queue_.front());
      queue_.pop_front();
      busy_ = true;
    }
    try {
      const std::vector<runtime::DerivedReading> out = derived_.on_readings(batch);
      if (!out.empty()) {
        std::vector<SenmlRecord> records;
        records.reserve(out.size());
        for (std::size_t i = 0; i < out.size(); ++i) {
          SenmlRecord record;
          record.index = i;
          record.name = out[i].key;
          record.time_s = static_cast<double>(out[i].t_ms) / 1000.0;
          record.value = out[i].value;
          records.push_back(std::move(record));
        }
        const runtime::IngestResult result =
            pipeline_.ingest(records, "", runtime::IngestSource::derived);
        if (result.rejected > 0) {
          log_.warn("derived_rejected", {{"rejected", result.rejected},
                                         {"first_reason", result.rejects.front().reason}});
        }
      }
    } catch (const std::exception& e) {
      log_.error("derived_failed", {{"reason", e.what()}});
    }
    {
      const std::lock_guard lock(mutex_);
      busy_ = false;
    }
    idle_.notify_all();
  }
  idle_.notify_all();
}

}  // namespace egin::server
