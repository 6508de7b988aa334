// Listeners<T>: a thread-safe list of callbacks a provider notifies when something changes (an
// alarm raised, a command's state) — the plumbing behind subscribe()/unsubscribe() of the
// provider interfaces, so an implementation need not write its own. Callbacks run on the
// notifying thread, must be quick and must not throw (a throwing one is skipped).
// It must not queue, buffer or start threads.
#pragma once

#include <cstddef>
#include <functional>
#include <mutex>
#include <utility>
#include <vector>

namespace egin::runtime {

template <typename T>
class Listeners {
 public:
  using Listener = std::function<void(const T&)>;

  /// Adds a listener; the id removes it again.
  std::size_t add(Listener listener) {
    const std::lock_guard lock(mutex_);
    const std::size_t id = ++last_id_;
    entries_.emplace_back(id, std::move(listener));
    return id;
  }

  void remove(std::size_t id) {
    const std::lock_guard lock(mutex_);
    std::erase_if(entries_, [id](const auto& e) { return e.first == id; });
  }

  /// Calls every listener with `value` (on this thread).
  void notify(const T& value) const {
    std::vector<Listener> copy;
    {
      const std::lock_guard lock(mutex_);
      copy.reserve(entries_.size());
      for (const auto& e : entries_) {
        copy.push_back(e.second);
      }
    }
    for (const Listener& l : copy) {
      try {
        l(value);
      } catch (...) {  // a listener must not break the provider
      }
    }
  }

 private:
  mutable std::mutex mutex_;
  std::size_t last_id_ = 0;
  std::vector<std::pair<std::size_t, Listener>> entries_;
};

}  // namespace egin::runtime
