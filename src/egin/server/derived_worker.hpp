// DerivedWorker: computes the derived series (runtime/derived_series.hpp) of the readings the
// pipeline made durable and ingests them back as IngestSource::derived. The pipeline's subscriber
// only queues (it runs on the writer thread, which ingest() waits on); a worker thread of its
// own does the computing and the ingest. It must not compute anything itself.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <mutex>
#include <thread>
#include <vector>

#include "egin/runtime/derived_series.hpp"
#include "egin/runtime/ingest_pipeline.hpp"
#include "egin/server/logging.hpp"

namespace egin::server {

class DerivedWorker {
 public:
  /// Subscribes to `pipeline` at once; `derived` is used from the worker thread only.
  DerivedWorker(runtime::DerivedSeries& derived, runtime::IngestPipeline& pipeline, Log& log);
  ~DerivedWorker();  // stop()
  DerivedWorker(const DerivedWorker&) = delete;
  DerivedWorker& operator=(const DerivedWorker&) = delete;

  /// Feeds stored readings (e.g. today's, replayed at start to rebuild the integrals) through
  /// the same path as live ones.
  void feed(std::vector<runtime::StoredReading> readings);

  /// Unsubscribes, ingests what is queued, joins the thread. Idempotent.
  void stop();

  /// Blocks until everything queued so far has been processed (tests).
  void drain();

 private:
  void run();

  runtime::DerivedSeries& derived_;
  runtime::IngestPipeline& pipeline_;
  Log& log_;
  std::size_t subscription_ = 0;
  std::mutex mutex_;
  std::condition_variable wake_;
  std::condition_variable idle_;
  std::deque<std::vector<runtime::StoredReading>> queue_;
  bool busy_ = false;
  bool stopping_ = false;
  bool subscribed_ = false;
  std::thread thread_;
};

}  // namespace egin::server
