#include "egin/runtime/ingest_pipeline.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <exception>
#include <map>
#include <shared_mutex>
#include <unordered_map>
#include <utility>

#include "egin/runtime/validator.hpp"

namespace egin::runtime {

std::string_view ingest_source_name(IngestSource source) {
  switch (source) {
    case IngestSource::http:
      return "http";
    case IngestSource::mqtt:
      return "mqtt";
    case IngestSource::driver:
      return "driver";
    case IngestSource::derived:
      return "derived";
  }
  return "unknown";
}

namespace {

// One caller's readings waiting for the writer thread. Lives on the caller's stack; the caller
// waits until `done` is set.
struct Submission {
  std::vector<store::Reading> readings;
  std::vector<std::string> keys;  // parallel to readings
  std::vector<std::uint8_t> inserted_mask;
  std::exception_ptr error;
  bool done = false;
};

}  // namespace

struct IngestPipeline::Impl {
  Impl(LiveSite& site_in, store::TimeSeriesStore& store_in, const Clock& clock_in,
       Metrics& metrics_in, PipelineOptions options_in)
      : site(site_in),
        store(store_in),
        clock(clock_in),
        metrics(metrics_in),
        options(options_in),
        commits(metrics.counter("egin_store_commits_total", "Group commits made durable")),
        commit_seconds(metrics.counter("egin_store_commit_seconds_total",
                                       "Time spent making group commits durable")),
        commit_readings(metrics.counter("egin_store_commit_readings_total",
                                        "Readings handed to the store in group commits")),
        commit_errors(metrics.counter("egin_store_errors_total", "Group commits that failed")),
        last_commit_seconds(
            metrics.gauge("egin_store_last_commit_seconds", "Duration of the latest group commit")),
        queue_depth(metrics.gauge("egin_ingest_queue_readings",
                                  "Readings waiting for the writer thread")) {}

  LiveSite& site;
  store::TimeSeriesStore& store;
  const Clock& clock;
  Metrics& metrics;
  PipelineOptions options;

  Counter& commits;
  Counter& commit_seconds;
  Counter& commit_readings;
  Counter& commit_errors;
  Gauge& last_commit_seconds;
  Gauge& queue_depth;

  // Validation state per channel; one lock so that a pack is checked in order.
  std::mutex history_mutex;
  std::unordered_map<store::ChannelId, ChannelHistory> history;

  // The commit queue.
  std::mutex queue_mutex;
  std::condition_variable queue_cv;  // writer waits for work
  std::condition_variable done_cv;   // callers wait for their submission
  std::vector<Submission*> queue;
  std::size_t queued_readings = 0;
  bool stopping = false;
  bool stopped = false;
  std::thread writer;

  // Latest value per channel.
  mutable std::shared_mutex latest_mutex;
  std::unordered_map<store::ChannelId, StoredReading> latest;

  std::mutex subscribers_mutex;
  std::map<std::size_t, Subscriber> subscribers;
  std::size_t next_subscriber = 1;

  void load_latest() {
    for (const auto& info : site.channels()) {
      if (const auto reading = store.latest(info.id)) {
        latest[info.id] =
            StoredReading{info.id, info.key, reading->t_ms, reading->value, reading->flags};
      }
    }
  }

  void writer_loop() {
    for (;;) {
      std::vector<Submission*> batch;
      {
        std::unique_lock lock(queue_mutex);
        queue_cv.wait(lock, [&] { return !queue.empty() || stopping; });
        if (queue.empty()) break;  // stopping and drained
        // Take submissions in arrival order up to the batch limit (at least one).
        std::size_t taken_readings = 0;
        std::size_t taken = 0;
        while (taken < queue.size() &&
               (taken == 0 ||
                taken_readings + queue[taken]->readings.size() <= options.max_batch_readings)) {
          taken_readings += queue[taken]->readings.size();
          ++taken;
        }
        batch.assign(queue.begin(), queue.begin() + static_cast<std::ptrdiff_t>(taken));
        queue.erase(queue.begin(), queue.begin() + static_cast<std::ptrdiff_t>(taken));
        queued_readings -= taken_readings;
        queue_depth.set(static_cast<double>(queued_readings));
      }
      commit(batch);
      {
        const std::lock_guard lock(queue_mutex);
        for (Submission* submission : batch) submission->done = true;
      }
      done_cv.notify_all();
    }
  }

  void commit(const std::vector<Submission*>& batch) {
    std::vector<store::Reading> readings;
    std::size_t total = 0;
    for (const Submission* submission : batch) total += submission->readings.size();
    readings.reserve(total);
    for (const Submission* submission : batch) {
      readings.insert(readings.end(), submission->readings.begin(), submission->readings.end());
    }
    const auto started = std::chrono::steady_clock::now();
    store::WriteResult result;
    try {
      result = store.write(readings);
    } catch (const std::exception& error) {
      commit_errors.add();
      const auto failure = std::make_exception_ptr(StoreUnavailable(error.what()));
      for (Submission* submission : batch) submission->error = failure;
      return;
    }
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    commits.add();
    commit_seconds.add(seconds);
    commit_readings.add(static_cast<double>(readings.size()));
    last_commit_seconds.set(seconds);

    // Split the per-reading outcome back to the submissions; a store that gives no mask is
    // treated as "all inserted" only when it reported no duplicates.
    const bool have_mask = result.inserted_mask.size() == readings.size();
    std::vector<StoredReading> stored;
    stored.reserve(result.inserted);
    std::size_t offset = 0;
    for (Submission* submission : batch) {
      const std::size_t n = submission->readings.size();
      submission->inserted_mask.assign(n, 1);
      for (std::size_t i = 0; i < n; ++i) {
        const bool inserted =
            have_mask ? result.inserted_mask[offset + i] != 0 : result.duplicates == 0;
        submission->inserted_mask[i] = inserted ? 1 : 0;
        if (inserted) {
          const auto& r = submission->readings[i];
          stored.push_back(StoredReading{r.channel, submission->keys[i], r.t_ms, r.value, r.flags});
        }
      }
      offset += n;
    }
    publish(stored);
  }

  void publish(const std::vector<StoredReading>& stored) {
    if (stored.empty()) return;
    {
      const std::unique_lock lock(latest_mutex);
      for (const auto& reading : stored) {
        auto [it, inserted] = latest.try_emplace(reading.channel, reading);
        if (!inserted && reading.t_ms >= it->second.t_ms) it->second = reading;
      }
    }
    const std::lock_guard lock(subscribers_mutex);
    for (const auto& [id, subscriber] : subscribers) {
      try {
        subscriber(stored);
      } catch (...) {
        // A subscriber must not throw; one that does must not stop the writer.
        metrics.counter("egin_subscriber_errors_total", "Subscriber callbacks that threw").add();
      }
    }
  }
};

IngestPipeline::IngestPipeline(LiveSite& site, store::TimeSeriesStore& store, const Clock& clock,
                               Metrics& metrics, PipelineOptions options)
    : impl_(std::make_unique<Impl>(site, store, clock, metrics, options)) {
  impl_->load_latest();
  impl_->writer = std::thread([this] { impl_->writer_loop(); });
}

IngestPipeline::~IngestPipeline() { stop(); }

IngestResult IngestPipeline::ingest(std::span<const SenmlRecord> records,
                                    std::string_view name_prefix, IngestSource source) {
  Impl& p = *impl_;
  IngestResult result;
  const std::string source_name(ingest_source_name(source));
  std::map<std::string, std::size_t, std::less<>> rejects_by_reason;
  auto reject = [&](std::size_t index, std::string name, std::string code, std::string why) {
    ++rejects_by_reason[code];
    result.rejects.push_back(IngestReject{index, std::move(name), std::move(code), std::move(why)});
  };

  Submission submission;
  std::vector<std::size_t> record_index;  // parallel to submission.readings
  std::vector<std::uint32_t> flags;
  bool shutting_down = false;
  {
    const std::lock_guard lock(p.queue_mutex);
    shutting_down = p.stopping;
  }
  if (shutting_down) {
    for (const auto& record : records) {
      reject(record.index, std::string(name_prefix) + record.name, "shutting_down",
             "the server is shutting down; send again later");
    }
  } else {
    const ValidationContext context{p.clock.now_ms(), p.site.future_tolerance_s(),
                                    p.site.max_age_days()};
    const std::lock_guard lock(p.history_mutex);
    for (const auto& record : records) {
      std::string key = std::string(name_prefix) + record.name;
      const auto channel = p.site.lookup(key);
      if (!channel) {
        reject(record.index, key, "unknown_channel",
               "no channel '" + key + "' in the site (names are zone/device/channel)");
        continue;
      }
      const Verdict verdict =
          validate_reading(channel->spec, record, p.history[channel->id], context);
      if (!verdict.accepted) {
        reject(record.index, key, verdict.reason_code, verdict.reason);
        continue;
      }
      const double value = reading_value(channel->spec, record).value_or(0.0);
      const TimeMs t_ms = reading_time_ms(record).value_or(0);
      submission.readings.push_back(store::Reading{channel->id, t_ms, value, verdict.flags});
      submission.keys.push_back(std::move(key));
      record_index.push_back(record.index);
      flags.push_back(verdict.flags);
    }
  }

  if (!submission.readings.empty()) {
    std::unique_lock lock(p.queue_mutex);
    p.queue.push_back(&submission);
    p.queued_readings += submission.readings.size();
    p.queue_depth.set(static_cast<double>(p.queued_readings));
    p.queue_cv.notify_one();
    p.done_cv.wait(lock, [&] { return submission.done; });
  }

  if (submission.error) {
    p.metrics
        .counter("egin_ingest_records_total", "Records by source and outcome",
                 {{"source", source_name}, {"result", "store_error"}})
        .add(static_cast<double>(submission.readings.size()));
    std::rethrow_exception(submission.error);
  }

  for (std::size_t i = 0; i < submission.readings.size(); ++i) {
    if (submission.inserted_mask[i] != 0) {
      ++result.accepted;
      if (flags[i] != 0) ++result.flagged;
    } else {
      ++result.duplicates;
    }
  }
  result.rejected = result.rejects.size();

  auto count = [&](std::string_view outcome, std::size_t n) {
    if (n == 0) return;
    p.metrics
        .counter("egin_ingest_records_total", "Records by source and outcome",
                 {{"source", source_name}, {"result", std::string(outcome)}})
        .add(static_cast<double>(n));
  };
  count("accepted", result.accepted - result.flagged);
  count("flagged", result.flagged);
  count("duplicate", result.duplicates);
  count("rejected", result.rejected);
  for (const auto& [reason, n] : rejects_by_reason) {
    p.metrics
        .counter("egin_ingest_rejected_total", "Rejected records by reason", {{"reason", reason}})
        .add(static_cast<double>(n));
  }
  return result;
}

std::optional<StoredReading> IngestPipeline::latest(store::ChannelId channel) const {
  const std::shared_lock lock(impl_->latest_mutex);
  const auto it = impl_->latest.find(channel);
  if (it == impl_->latest.end()) return std::nullopt;
  return it->second;
}

std::size_t IngestPipeline::subscribe(Subscriber subscriber) {
  const std::lock_guard lock(impl_->subscribers_mutex);
  const std::size_t id = impl_->next_subscriber++;
  impl_->subscribers.emplace(id, std::move(subscriber));
  return id;
}

void IngestPipeline::unsubscribe(std::size_t id) {
  const std::lock_guard lock(impl_->subscribers_mutex);
  impl_->subscribers.erase(id);
}

void IngestPipeline::stop() {
  {
    const std::lock_guard lock(impl_->queue_mutex);
    if (impl_->stopped) return;
    impl_->stopping = true;
    impl_->stopped = true;
  }
  impl_->queue_cv.notify_all();
  if (impl_->writer.joinable()) impl_->writer.join();
}

}  // namespace egin::runtime
