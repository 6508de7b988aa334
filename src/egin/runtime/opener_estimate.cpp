#include "egin/runtime/opener_estimate.hpp"

#include <algorithm>
#include <cmath>

namespace egin::runtime {

namespace {

double clamp01(double x) { return std::clamp(x, 0.0, 1.0); }

}  // namespace

double opener_position(const OpenerEstimate& e, TimeMs now_ms) {
  if (e.motion == 0 || !(e.travel_s > 0.0)) {
    return clamp01(e.from_frac);
  }
  const double elapsed_s = std::max(0.0, static_cast<double>(now_ms - e.since_ms) / 1000.0);
  return clamp01(e.from_frac + e.motion * std::min(elapsed_s, e.run_s) / e.travel_s);
}

double opener_end_position(const OpenerEstimate& e) {
  if (e.motion == 0 || !(e.travel_s > 0.0)) {
    return clamp01(e.from_frac);
  }
  return clamp01(e.from_frac + e.motion * e.run_s / e.travel_s);
}

void opener_executed(OpenerEstimate& e, std::string_view command, double duration_s, TimeMs at_ms) {
  const double now = opener_position(e, at_ms);
  if (command == "open" || command == "close") {
    e.from_frac = now;
    e.motion = command == "open" ? 1 : -1;
    e.run_s = e.travel_s;  // enough from anywhere; the end switch stops it
    e.since_ms = at_ms;
    e.known = true;
  } else if (command == "timed_open" || command == "timed_close") {
    e.from_frac = now;
    e.motion = command == "timed_open" ? 1 : -1;
    e.run_s = std::max(0.0, duration_s);
    e.since_ms = at_ms;
  } else if (command == "stop") {
    e.from_frac = now;
    e.motion = 0;
    e.run_s = 0.0;
    e.since_ms = at_ms;
  }
}

std::optional<OpenerMove> plan_opener_move(const OpenerEstimate& e, double target_frac,
                                           TimeMs now_ms, double deadband_frac) {
  const double target = clamp01(target_frac);
  if (!e.known) {
    // Homing: a run to an end switch makes the estimate known.
    const bool open = target > 0.5;
    if (e.motion == (open ? 1 : -1) && e.run_s >= e.travel_s) {
      return std::nullopt;  // already homing that way
    }
    return OpenerMove{open ? "open" : "close", std::nullopt};
  }
  if (std::abs(target - opener_end_position(e)) <= deadband_frac) {
    return std::nullopt;
  }
  if (target >= 1.0 - deadband_frac) {
    return OpenerMove{"open", std::nullopt};
  }
  if (target <= deadband_frac) {
    return OpenerMove{"close", std::nullopt};
  }
  const double position = opener_position(e, now_ms);
  const double run_s = std::round(std::abs(target - position) * e.travel_s);
  if (run_s < 1.0) {
    return std::nullopt;
  }
  return OpenerMove{target > position ? "timed_open" : "timed_close", run_s};
}

}  // namespace egin::runtime
