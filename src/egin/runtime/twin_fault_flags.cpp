#include "egin/runtime/twin_fault_flags.hpp"

#include <fmt/format.h>

#include <cmath>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "egin/core/input_error.hpp"

namespace egin::runtime {

namespace {

using control::SensorId;

constexpr const char* kFaultForms =
    "sensor:NAME:stale|lost|bad@TIME[/END] or actuator:NAME:stuck@TIME[/END], TIME ISO 8601 "
    "(e.g. sensor:t_air:stale@2025-07-14T13:00, actuator:vent_lee:stuck@2025-07-14T13:00+05:00)";

const std::pair<std::string_view, SensorId> kShortNames[] = {
    {"t_air", SensorId::kTAir},     {"rh_air", SensorId::kRhAir},   {"co2", SensorId::kCo2Air},
    {"co2_air", SensorId::kCo2Air}, {"t_out", SensorId::kTOut},     {"rh_out", SensorId::kRhOut},
    {"iglob", SensorId::kIglob},    {"wind", SensorId::kWind},      {"rain", SensorId::kRain},
    {"t_pipe", SensorId::kTPipe},   {"par_air", SensorId::kParAir},
};

std::string sensor_names() {
  std::string s;
  for (const auto& [name, id] : kShortNames) {
    s += std::string(s.empty() ? "" : ", ") + std::string(name);
  }
  for (std::size_t i = 0; i < control::kSensorCount; ++i) {
    s += ", " + std::string(control::sensor_key(static_cast<SensorId>(i)));
  }
  return s;
}

std::string actuator_names() {
  std::string s;
  for (std::size_t i = 0; i < control::kActuatorCount; ++i) {
    const auto id = static_cast<control::ActuatorId>(i);
    if (id == control::ActuatorId::kIrrigation) {
      continue;
    }
    s += std::string(s.empty() ? "" : ", ") + std::string(control::actuator_key(id));
  }
  return s;
}

std::vector<std::string_view> split(std::string_view text, char sep) {
  std::vector<std::string_view> parts;
  std::size_t start = 0;
  while (true) {
    const std::size_t k = text.find(sep, start);
    parts.push_back(text.substr(start, k == std::string_view::npos ? k : k - start));
    if (k == std::string_view::npos) {
      return parts;
    }
    start = k + 1;
  }
}

bool has_offset(std::string_view t) {
  const std::size_t tpos = t.find('T');
  if (tpos == std::string_view::npos) {
    return false;  // a plain date: local midnight
  }
  const std::string_view clock = t.substr(tpos);
  return clock.find('Z') != std::string_view::npos || clock.find('z') != std::string_view::npos ||
         clock.find('+') != std::string_view::npos || clock.find('-') != std::string_view::npos;
}

/// "name:value,name:value" with value a finite number ≥ 0, for --noise and --delay.
void parse_sensor_numbers(std::string_view text, const char* flag, const char* unit,
                          std::array<double, control::kSensorCount>& out) {
  const std::string forms = fmt::format("NAME:{}[,NAME:{}…], NAME a sensor ({}), the number ≥ 0",
                                        unit, unit, sensor_names());
  if (text.empty()) {
    throw InputError({"", 0, flag}, "an empty value", forms);
  }
  for (std::string_view item : split(text, ',')) {
    const std::size_t colon = item.rfind(':');
    if (colon == std::string_view::npos) {
      throw InputError({"", 0, flag}, fmt::format("'{}' has no ':'", item), forms);
    }
    SensorId id{};
    if (!sensor_from_flag_name(item.substr(0, colon), id)) {
      throw InputError({"", 0, flag}, fmt::format("unknown sensor '{}'", item.substr(0, colon)),
                       forms);
    }
    const std::string number(item.substr(colon + 1));
    std::size_t used = 0;
    double v = 0.0;
    try {
      v = std::stod(number, &used);
    } catch (const std::exception&) {
      used = 0;
    }
    if (number.empty() || used != number.size() || !std::isfinite(v) || v < 0.0) {
      throw InputError({"", 0, flag}, fmt::format("'{}' is not a number ≥ 0", number), forms);
    }
    out[control::index_of(id)] = v;
  }
}

}  // namespace

bool sensor_from_flag_name(std::string_view name, SensorId& id) {
  for (const auto& [short_name, sid] : kShortNames) {
    if (short_name == name) {
      id = sid;
      return true;
    }
  }
  return control::sensor_from_key(name, id);
}

std::optional<TimeMs> parse_flag_time(std::string_view text, int utc_offset_min) {
  if (has_offset(text)) {
    return parse_iso_time_ms(text);
  }
  const int off = utc_offset_min < 0 ? -utc_offset_min : utc_offset_min;
  const bool date_only = text.find('T') == std::string_view::npos;
  const std::string with_offset = fmt::format("{}{}{}{:02}:{:02}", text, date_only ? "T00:00" : "",
                                              utc_offset_min < 0 ? '-' : '+', off / 60, off % 60);
  return parse_iso_time_ms(with_offset);
}

void parse_fault_flag(std::string_view text, int utc_offset_min, FaultPlan& plan) {
  const std::size_t at = text.find('@');
  if (at == std::string_view::npos) {
    throw InputError({"", 0, "--fault"}, fmt::format("'{}' has no '@TIME'", text), kFaultForms);
  }
  const std::vector<std::string_view> what = split(text.substr(0, at), ':');
  if (what.size() != 3) {
    throw InputError({"", 0, "--fault"},
                     fmt::format("'{}' is not KIND:NAME:FAULT", text.substr(0, at)), kFaultForms);
  }
  std::string_view when = text.substr(at + 1);
  std::string_view end_text;
  if (const std::size_t slash = when.find('/'); slash != std::string_view::npos) {
    end_text = when.substr(slash + 1);
    when = when.substr(0, slash);
  }
  const std::optional<TimeMs> from = parse_flag_time(when, utc_offset_min);
  if (!from) {
    throw InputError({"", 0, "--fault"}, fmt::format("'{}' is not an ISO 8601 time", when),
                     kFaultForms);
  }
  TimeMs until = kNoFaultEnd;
  if (!end_text.empty()) {
    const std::optional<TimeMs> end = parse_flag_time(end_text, utc_offset_min);
    if (!end || *end <= *from) {
      throw InputError({"", 0, "--fault"},
                       fmt::format("'{}' is not an ISO 8601 time after the start", end_text),
                       kFaultForms);
    }
    until = *end;
  }
  if (what[0] == "sensor") {
    SensorFault f;
    if (!sensor_from_flag_name(what[1], f.sensor)) {
      throw InputError({"", 0, "--fault"}, fmt::format("unknown sensor '{}'", what[1]),
                       "one of: " + sensor_names());
    }
    if (what[2] == "stale") {
      f.kind = SensorFaultKind::kStale;
    } else if (what[2] == "lost") {
      f.kind = SensorFaultKind::kLost;
    } else if (what[2] == "bad") {
      f.kind = SensorFaultKind::kBad;
    } else {
      throw InputError({"", 0, "--fault"}, fmt::format("unknown sensor fault '{}'", what[2]),
                       "stale, lost or bad");
    }
    f.from_ms = *from;
    f.until_ms = until;
    plan.sensor_faults.push_back(f);
    return;
  }
  if (what[0] == "actuator") {
    ActuatorFault f;
    if (!control::actuator_from_key(what[1], f.actuator) ||
        f.actuator == control::ActuatorId::kIrrigation) {
      throw InputError({"", 0, "--fault"}, fmt::format("unknown actuator '{}'", what[1]),
                       "one of: " + actuator_names());
    }
    if (what[2] != "stuck") {
      throw InputError({"", 0, "--fault"}, fmt::format("unknown actuator fault '{}'", what[2]),
                       "stuck");
    }
    f.from_ms = *from;
    f.until_ms = until;
    plan.actuator_faults.push_back(f);
    return;
  }
  throw InputError({"", 0, "--fault"}, fmt::format("unknown fault kind '{}'", what[0]),
                   kFaultForms);
}

void parse_noise_flag(std::string_view text, FaultPlan& plan) {
  parse_sensor_numbers(text, "--noise", "SD", plan.noise_sd);
}

void parse_delay_flag(std::string_view text, FaultPlan& plan) {
  parse_sensor_numbers(text, "--delay", "SECONDS", plan.delay_s);
}

}  // namespace egin::runtime
