// OpenerEstimate: where a KS X 3267 level-1 opener (a vent or screen motor with end switches but
// no position feedback, §1.6: open, close, timed_open, timed_close, stop) stands, estimated from
// the commands it executed and its full travel time — the way climate computers drive such
// motors: a constant-speed motor run for d seconds moves d/T of its stroke, T its full travel
// (the travel model of twin_actuators.hpp and of the node simulator, devices/sim_node.hpp).
//
// position(t) = clamp(from + motion · min(t − since, run_s) / travel_s, 0, 1)
//
// A full open/close runs to the end switch and makes the estimate known; a timed run on an
// unknown position keeps it unknown. plan_opener_move() picks the command that takes the opener
// from its estimate to a target: none when the motion in progress ends within the dead band of
// the target; a full open (close) for a target within the dead band of 1 (0) — or any target
// while the position is unknown (homing: close below one half, open above); otherwise a timed
// run of |target − position| · travel_s whole seconds (none under 1 s). Pure functions.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "egin/core/clock.hpp"

namespace egin::runtime {

struct OpenerEstimate {
  double travel_s = 60.0;  // closed → open, s
  bool known = false;      // false until a full open or close ran
  double from_frac = 0.0;  // position when the current motion started, 0 closed … 1 open
  int motion = 0;          // +1 opening, −1 closing, 0 stopped
  TimeMs since_ms = 0;     // when the current motion started
  double run_s = 0.0;      // how long it runs
};

/// The estimated position at `now_ms` (0–1).
double opener_position(const OpenerEstimate& estimate, TimeMs now_ms);
/// Where the motion in progress ends (0–1).
double opener_end_position(const OpenerEstimate& estimate);
/// Folds a command the node confirmed at `at_ms` into the estimate ("open", "close",
/// "timed_open", "timed_close" with `duration_s`, "stop"; other names change nothing).
void opener_executed(OpenerEstimate& estimate, std::string_view command, double duration_s,
                     TimeMs at_ms);

struct OpenerMove {
  std::string command;               // "open", "close", "timed_open", "timed_close"
  std::optional<double> duration_s;  // the timed ones, whole seconds
};

/// The command towards `target_frac` (0–1), or nullopt when none is needed.
std::optional<OpenerMove> plan_opener_move(const OpenerEstimate& estimate, double target_frac,
                                           TimeMs now_ms, double deadband_frac);

}  // namespace egin::runtime
