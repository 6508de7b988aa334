#include "egin/runtime/metrics.hpp"

#include <cmath>

#include <fmt/format.h>

namespace egin::runtime {

struct Metrics::Family {
  std::string help;
  bool is_counter = true;
  // Series by their rendered label set ("{a=\"1\"}"), so the text comes out sorted and stable.
  std::map<std::string, std::unique_ptr<Counter>, std::less<>> counters;
  std::map<std::string, std::unique_ptr<Gauge>, std::less<>> gauges;
};

namespace {

// Prometheus text format 0.0.4: label values escape backslash, double quote and line feed.
std::string escape_label_value(std::string_view value) {
  std::string out;
  out.reserve(value.size());
  for (const char c : value) {
    if (c == '\\') {
      out += "\\\\";
    } else if (c == '"') {
      out += "\\\"";
    } else if (c == '\n') {
      out += "\\n";
    } else {
      out += c;
    }
  }
  return out;
}

std::string render_labels(const MetricLabels& labels) {
  if (labels.empty()) return {};
  std::string out = "{";
  for (std::size_t i = 0; i < labels.size(); ++i) {
    if (i > 0) out += ',';
    out += labels[i].first;
    out += "=\"";
    out += escape_label_value(labels[i].second);
    out += '"';
  }
  out += '}';
  return out;
}

// HELP text escapes backslash and line feed.
std::string escape_help(std::string_view help) {
  std::string out;
  for (const char c : help) {
    if (c == '\\') {
      out += "\\\\";
    } else if (c == '\n') {
      out += "\\n";
    } else {
      out += c;
    }
  }
  return out;
}

std::string format_value(double value) {
  if (std::isnan(value)) return "NaN";
  if (std::isinf(value)) return value > 0 ? "+Inf" : "-Inf";
  return fmt::format("{}", value);
}

}  // namespace

Metrics::Metrics() = default;
Metrics::~Metrics() = default;

void Counter::add(double amount) {
  if (amount > 0.0) value_.fetch_add(amount);
}

void Gauge::add(double amount) { value_.fetch_add(amount); }

Counter& Metrics::counter(std::string_view name, std::string_view help,
                          const MetricLabels& labels) {
  const std::lock_guard lock(mutex_);
  auto it = families_.find(name);
  if (it == families_.end()) {
    auto family = std::make_unique<Family>();
    family->help = std::string(help);
    family->is_counter = true;
    it = families_.emplace(std::string(name), std::move(family)).first;
  }
  auto& series = it->second->counters[render_labels(labels)];
  if (!series) series = std::make_unique<Counter>();
  return *series;
}

Gauge& Metrics::gauge(std::string_view name, std::string_view help, const MetricLabels& labels) {
  const std::lock_guard lock(mutex_);
  auto it = families_.find(name);
  if (it == families_.end()) {
    auto family = std::make_unique<Family>();
    family->help = std::string(help);
    family->is_counter = false;
    it = families_.emplace(std::string(name), std::move(family)).first;
  }
  auto& series = it->second->gauges[render_labels(labels)];
  if (!series) series = std::make_unique<Gauge>();
  return *series;
}

std::string Metrics::render() const {
  const std::lock_guard lock(mutex_);
  std::string out;
  for (const auto& [name, family] : families_) {
    out += fmt::format("# HELP {} {}\n# TYPE {} {}\n", name, escape_help(family->help), name,
                       family->is_counter ? "counter" : "gauge");
    for (const auto& [labels, counter] : family->counters) {
      out += fmt::format("{}{} {}\n", name, labels, format_value(counter->value()));
    }
    for (const auto& [labels, gauge] : family->gauges) {
      out += fmt::format("{}{} {}\n", name, labels, format_value(gauge->value()));
    }
  }
  return out;
}

}  // namespace egin::runtime
