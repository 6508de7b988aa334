// EventHub: the live events of a running server for its server-sent-event streams
// (GET /api/v1/events) — every durable reading (from the ingest pipeline's subscriber), and the
// alarm and command changes the providers report — in one ring of the newest `capacity` events,
// numbered 1, 2, 3, … so a stream resumes after the last id it sent (Last-Event-ID) and knows
// when it fell behind (the ring moved past it: it sends a "resync" event, the client reloads).
// Readings are kept as numbers and formatted by the streams, so the pipeline's writer thread only
// copies them; and nothing is kept while no stream is open. Thread-safe.
// It must not write to sockets: the event routes do.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <mutex>
#include <span>
#include <string>
#include <vector>

#include "egin/runtime/ingest_pipeline.hpp"

namespace egin::server {

enum class EventType { kReading, kAlarm, kCommand };
std::string_view event_type_name(EventType type);  // "reading", "alarm", "command"

struct LiveEvent {
  std::uint64_t seq = 0;
  EventType type = EventType::kReading;
  runtime::StoredReading reading;  // kReading
  std::string data;                // kAlarm, kCommand: the JSON text
  std::string zone;                // for filters ("" for readings: from the key)
};

struct EventBatch {
  std::vector<LiveEvent> events;
  bool lost = false;  // events after `after` were dropped before this reader saw them
};

class EventHub {
 public:
  explicit EventHub(std::size_t capacity = 16384) : capacity_(capacity) {}

  /// Readings from the pipeline (its subscriber); dropped at once while no stream is open.
  void publish_readings(std::span<const runtime::StoredReading> readings);
  void publish(EventType type, std::string zone, std::string data);

  /// The events after `after` (at most `max`), waiting up to `timeout` for one to come; empty
  /// after the timeout or once closed.
  EventBatch wait_after(std::uint64_t after, std::chrono::milliseconds timeout,
                        std::size_t max = 1000);

  [[nodiscard]] std::uint64_t last_seq() const;

  /// A stream opens or closes (publish_readings keeps nothing while there are none). open_stream
  /// returns false when `limit` streams are open already.
  bool open_stream(std::size_t limit);
  void close_stream();
  [[nodiscard]] std::size_t streams() const;

  /// Wakes every waiting stream and makes further waits return at once (server shutdown).
  void close();
  [[nodiscard]] bool closed() const;

 private:
  void push_locked(LiveEvent event);

  std::size_t capacity_;
  mutable std::mutex mutex_;
  std::condition_variable changed_;
  std::deque<LiveEvent> ring_;
  std::uint64_t last_seq_ = 0;
  std::size_t streams_ = 0;
  bool closed_ = false;
};

}  // namespace egin::server
