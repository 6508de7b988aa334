#include "egin/server/event_hub.hpp"

namespace egin::server {

std::string_view event_type_name(EventType type) {
  switch (type) {
    case EventType::kReading:
      return "reading";
    case EventType::kAlarm:
      return "alarm";
    case EventType::kCommand:
      return "command";
  }
  return "reading";
}

void EventHub::push_locked(LiveEvent event) {
  event.seq = ++last_seq_;
  ring_.push_back(std::move(event));
  while (ring_.size() > capacity_) {
    ring_.pop_front();
  }
}

void EventHub::publish_readings(std::span<const runtime::StoredReading> readings) {
  {
    const std::lock_guard lock(mutex_);
    if (streams_ == 0 || closed_) {
      return;
    }
    for (const runtime::StoredReading& r : readings) {
      LiveEvent e;
      e.type = EventType::kReading;
      e.reading = r;
      push_locked(std::move(e));
    }
  }
  changed_.notify_all();
}

void EventHub::publish(EventType type, std::string zone, std::string data) {
  {
    const std::lock_guard lock(mutex_);
    if (closed_) {
      return;
    }
    LiveEvent e;
    e.type = type;
    e.zone = std::move(zone);
    e.data = std::move(data);
    push_locked(std::move(e));
  }
  changed_.notify_all();
}

EventBatch EventHub::wait_after(std::uint64_t after, std::chrono::milliseconds timeout,
                                std::size_t max) {
  std::unique_lock lock(mutex_);
  changed_.wait_for(lock, timeout, [&] { return closed_ || last_seq_ > after; });
  EventBatch batch;
  if (closed_ || ring_.empty() || last_seq_ <= after) {
    return batch;
  }
  const std::uint64_t first = ring_.front().seq;
  batch.lost = after + 1 < first;
  const std::size_t start = after + 1 < first ? 0 : static_cast<std::size_t>(after + 1 - first);
  for (std::size_t i = start; i < ring_.size() && batch.events.size() < max; ++i) {
    batch.events.push_back(ring_[i]);
  }
  return batch;
}

std::uint64_t EventHub::last_seq() const {
  const std::lock_guard lock(mutex_);
  return last_seq_;
}

bool EventHub::open_stream(std::size_t limit) {
  const std::lock_guard lock(mutex_);
  if (streams_ >= limit || closed_) {
    return false;
  }
  ++streams_;
  return true;
}

void EventHub::close_stream() {
  const std::lock_guard lock(mutex_);
  if (streams_ > 0) {
    --streams_;
  }
}

std::size_t EventHub::streams() const {
  const std::lock_guard lock(mutex_);
  return streams_;
}

void EventHub::close() {
  {
    const std::lock_guard lock(mutex_);
    closed_ = true;
  }
  changed_.notify_all();
}

bool EventHub::closed() const {
  const std::lock_guard lock(mutex_);
  return closed_;
}

}  // namespace egin::server
