// Metrics: counters and gauges with labels, rendered in the Prometheus text exposition format
// (version 0.0.4) for /metrics. Thread-safe, lock-free on the hot path for counters already
// created. It must not know HTTP or what the numbers mean.
#pragma once

#include <atomic>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace egin::runtime {

using MetricLabels = std::vector<std::pair<std::string, std::string>>;

class Counter {
 public:
  void add(double amount = 1.0);
  [[nodiscard]] double value() const { return value_.load(); }

 private:
  std::atomic<double> value_{0.0};
};

class Gauge {
 public:
  void set(double value) { value_.store(value); }
  void add(double amount);
  [[nodiscard]] double value() const { return value_.load(); }

 private:
  std::atomic<double> value_{0.0};
};

class Metrics {
 public:
  Metrics();
  ~Metrics();
  Metrics(const Metrics&) = delete;
  Metrics& operator=(const Metrics&) = delete;

  /// The counter of `name` with `labels`, created at zero on first use; the reference stays valid
  /// as long as the Metrics lives. `help` is written once per name.
  Counter& counter(std::string_view name, std::string_view help, const MetricLabels& labels = {});
  Gauge& gauge(std::string_view name, std::string_view help, const MetricLabels& labels = {});

  /// Prometheus text format, metric families sorted by name.
  [[nodiscard]] std::string render() const;

 private:
  struct Family;
  mutable std::mutex mutex_;
  std::map<std::string, std::unique_ptr<Family>, std::less<>> families_;
};

}  // namespace egin::runtime
