#include "egin/control/settings_toml.hpp"

#include <fstream>
#include <sstream>

#include <fmt/format.h>

#include "egin/control/operator_modes.hpp"
#include "egin/core/input_error.hpp"
#include "egin/core/toml_fields.hpp"

namespace egin::control {
namespace {

constexpr std::string_view kFrac = "(fraction 0–1)";

/// The plausible-range bounds a sensor's valid_min/valid_max may take.
struct SensorBounds {
  double min;
  double max;
};

SensorBounds sensor_bounds(SensorId id) {
  switch (id) {
    case SensorId::kTAir:
    case SensorId::kTOut:
      return {-60.0, 80.0};
    case SensorId::kRhAir:
    case SensorId::kRhOut:
      return {0.0, 100.0};
    case SensorId::kCo2Air:
      return {0.0, 10000.0};
    case SensorId::kIglob:
      return {0.0, 2000.0};
    case SensorId::kWind:
      return {0.0, 100.0};
    case SensorId::kRain:
      return {0.0, 500.0};
    case SensorId::kTPipe:
      return {-30.0, 150.0};
    case SensorId::kParAir:
      return {0.0, 5000.0};
    default:
      return {0.0, 1.0};  // positions
  }
}

std::string sub(const std::string& prefix, std::string_view key) {
  return prefix.empty() ? std::string(key) : prefix + "." + std::string(key);
}

/// `key` and `key`_offset_min as a TimeOfDay.
TimeOfDay read_time(const TomlFields& f, std::string_view key) {
  const std::string offset_key = std::string(key) + "_offset_min";
  const double offset = f.optional_number(offset_key, -720.0, 720.0, "min").value_or(0.0);
  const std::string text = f.text(key);
  const auto when = parse_time_of_day(text, offset);
  if (!when) {
    if (parse_clock_minutes(text)) {
      f.fail(offset_key, "an offset is given with a clock time",
             "an offset only with \"sunrise\" or \"sunset\"");
    }
    f.fail(key, "'" + text + "' is not a time of day",
           "\"sunrise\", \"sunset\" (with " + offset_key + ") or a clock time \"HH:MM\"");
  }
  return *when;
}

TimeOfDay read_clock(const TomlFields& f, std::string_view key) {
  const std::string text = f.text(key);
  const auto minutes = parse_clock_minutes(text);
  if (!minutes) {
    f.fail(key, "'" + text + "' is not a clock time", "\"HH:MM\", 00:00 to 23:59");
  }
  return {TimeAnchor::kClock, *minutes};
}

bool read_bool(const TomlFields& f, std::string_view key) {
  const auto v = f.optional_boolean(key);
  if (!v) {
    f.fail(key, "missing required key", "true or false");
  }
  return *v;
}

void require_order(const TomlFields& f, std::string_view low_key, double low,
                   std::string_view high_key, double high, bool strict) {
  if (strict ? !(low < high) : !(low <= high)) {
    f.fail(high_key,
           fmt::format("{:g} is {} {} {:g}", high, strict ? "not above" : "below", low_key, low),
           fmt::format("{} {} {}", high_key, strict ? ">" : ">=", low_key));
  }
}

std::vector<double> read_number_list(const TomlFields& f, const toml::table& t,
                                     std::string_view key, double min, double max,
                                     std::string_view unit, std::size_t max_count) {
  const toml::node* node = t.get(key);
  if (node == nullptr) {
    f.fail(key, "missing required key", "an array of numbers");
  }
  const auto* array = node->as_array();
  if (array == nullptr || array->empty() || array->size() > max_count) {
    f.fail(key, "is not an array of 1 to " + std::to_string(max_count) + " numbers",
           fmt::format("1 to {} numbers, {:g} to {:g} {}", max_count, min, max, unit));
  }
  std::vector<double> out;
  for (const toml::node& item : *array) {
    const std::optional<double> v = item.is_number() ? item.value<double>() : std::nullopt;
    if (!v || !(*v >= min && *v <= max)) {
      f.fail(key, "holds a value that is not a number in range",
             fmt::format("numbers {:g} to {:g} {}", min, max, unit));
    }
    out.push_back(*v);
  }
  return out;
}

const toml::table& required_table(const TomlFields& f, std::string_view key) {
  const toml::table* t = f.optional_table(key);
  if (t == nullptr) {
    f.fail(key, "missing required table", "a table [" + f.path_of(key) + "]");
  }
  return *t;
}

void read_controller(const TomlFields& root, ControllerSettings& s) {
  const TomlFields f(required_table(root, "controller"), root.source_name(), "controller",
                     root.log());
  f.reject_unknown_keys({"name", "source", "step_s"});
  s.name = f.text("name");
  if (normalize_name(s.name).empty()) {
    f.fail("name", "is empty", "a name for the greenhouse's controller");
  }
  s.source = f.optional_text("source").value_or("");
  s.step_s = f.number("step_s", 10.0, 3600.0, "s");
}

void read_setpoint_fields(const TomlFields& f, Setpoints& sp) {
  for (std::size_t i = 0; i < kSetpointCount; ++i) {
    const SetpointInfo& info = setpoint_info(static_cast<SetpointId>(i));
    sp.values[i] = f.number(info.key, info.min, info.max, info.unit);
  }
}

void read_bands(const TomlFields& root, ControllerSettings& s) {
  const auto tables = root.table_array("bands");
  if (tables.empty() || tables.size() > kMaxBands) {
    root.fail("bands", fmt::format("{} bands are given", tables.size()),
              fmt::format("1 to {} [[bands]] entries", kMaxBands));
  }
  for (std::size_t i = 0; i < tables.size(); ++i) {
    const TomlFields f(*tables[i], root.source_name(), fmt::format("bands[{}]", i), root.log());
    f.reject_unknown_keys({"name", "start", "start_offset_min", "ramp_min", "t_heat_c",
                           "vent_dead_zone_c", "rh_max_pct", "hd_min_g_m3", "co2_ppm",
                           "t_pipe_min_c"});
    Band band;
    band.name = f.text("name");
    if (normalize_name(band.name).empty()) {
      f.fail("name", "is empty", "a band name such as \"night\"");
    }
    for (const Band& other : s.bands) {
      if (normalize_name(other.name) == normalize_name(band.name)) {
        f.fail("name", "band name '" + band.name + "' is used twice", "a unique band name");
      }
    }
    band.start = read_time(f, "start");
    band.ramp_min = f.number("ramp_min", 0.0, kMaxRampMin, "min");
    read_setpoint_fields(f, band.setpoints);
    s.bands.push_back(std::move(band));
  }
}

/// "MM-DD" as a day of a non-leap year.
std::optional<int> parse_month_day(std::string_view text) {
  if (text.size() != 5 || text[2] != '-') {
    return std::nullopt;
  }
  const auto two = [&](std::size_t i) -> int {
    if (text[i] < '0' || text[i] > '9' || text[i + 1] < '0' || text[i + 1] > '9') {
      return -1;
    }
    return (text[i] - '0') * 10 + (text[i + 1] - '0');
  };
  const int month = two(0);
  const int day = two(3);
  constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12 || day < 1 || day > kDays[month - 1]) {
    return std::nullopt;
  }
  int doy = day;
  for (int m = 1; m < month; ++m) {
    doy += kDays[m - 1];
  }
  return doy;
}

void read_calendar(const TomlFields& root, ControllerSettings& s) {
  const auto tables = root.table_array("calendar");
  for (std::size_t i = 0; i < tables.size(); ++i) {
    const std::string prefix = fmt::format("calendar[{}]", i);
    const TomlFields f(*tables[i], root.source_name(), prefix, root.log());
    f.reject_unknown_keys({"setpoint", "points"});
    CalendarCurve curve;
    const std::string key = f.text("setpoint");
    if (!setpoint_from_key(key, curve.setpoint)) {
      std::vector<std::string> names;
      for (std::size_t k = 0; k < kSetpointCount; ++k) {
        names.emplace_back(setpoint_info(static_cast<SetpointId>(k)).key);
      }
      f.fail("setpoint", "unknown set-point '" + key + "'", "one of " + join_names(names));
    }
    const SetpointInfo& info = setpoint_info(curve.setpoint);
    const double span = info.max - info.min;
    const auto points = f.table_array("points");
    if (points.empty() || points.size() > kMaxCalendarPoints) {
      f.fail("points", fmt::format("{} points are given", points.size()),
             fmt::format("1 to {} points {{ date = \"MM-DD\", offset = … }}", kMaxCalendarPoints));
    }
    for (std::size_t k = 0; k < points.size(); ++k) {
      const TomlFields p(*points[k], root.source_name(), fmt::format("{}.points[{}]", prefix, k),
                         root.log());
      p.reject_unknown_keys({"date", "offset"});
      const std::string date = p.text("date");
      const auto doy = parse_month_day(date);
      if (!doy) {
        p.fail("date", "'" + date + "' is not a month and day", "\"MM-DD\" (01-01 to 12-31)");
      }
      if (!curve.points.empty() && *doy <= curve.points.back().day_of_year) {
        p.fail("date", "'" + date + "' does not come after the previous point",
               "dates in calendar order within the year");
      }
      const double offset = p.number("offset", -span, span, info.unit);
      curve.points.push_back({*doy, offset});
    }
    s.calendar.push_back(std::move(curve));
  }
}

void read_sensors(const TomlFields& root, ControllerSettings& s) {
  const toml::table& table = required_table(root, "sensors");
  const TomlFields f(table, root.source_name(), "sensors", root.log());
  for (const auto& [key, node] : table) {
    SensorId id{};
    if (!sensor_from_key(key.str(), id)) {
      std::vector<std::string> names;
      for (std::size_t k = 0; k < kSensorCount; ++k) {
        names.emplace_back(sensor_key(static_cast<SensorId>(k)));
      }
      f.fail(key.str(), "unknown sensor '" + std::string(key.str()) + "'",
             "one of " + join_names(names));
    }
    const std::string prefix = sub("sensors", key.str());
    const toml::table& t = required_table(f, key.str());
    const TomlFields g(t, root.source_name(), prefix, root.log());
    g.reject_unknown_keys({"valid_min", "valid_max", "stale_after_s"});
    const SensorBounds b = sensor_bounds(id);
    const std::string unit(sensor_unit(id));
    SensorSettings& out = s.sensors[index_of(id)];
    out.installed = true;
    out.valid_min = g.number("valid_min", b.min, b.max, unit);
    out.valid_max = g.number("valid_max", b.min, b.max, unit);
    require_order(g, "valid_min", out.valid_min, "valid_max", out.valid_max, true);
    out.stale_after_s = g.number("stale_after_s", 10.0, 86400.0, "s");
  }
  for (const SensorId id : {SensorId::kTAir, SensorId::kRhAir, SensorId::kTOut}) {
    if (!s.sensors[index_of(id)].installed) {
      f.fail(sensor_key(id), "missing required sensor",
             "a table [sensors." + std::string(sensor_key(id)) + "] (" +
                 std::string(sensor_label(id)) + " is needed by every rule)");
    }
  }
}

void read_light(const TomlFields& root, ControllerSettings& s) {
  const toml::table* t = root.optional_table("light");
  if (t == nullptr) {
    return;
  }
  const TomlFields f(*t, root.source_name(), "light", root.log());
  f.reject_unknown_keys({"transmission_frac", "par_umol_per_j"});
  s.light.transmission_frac = f.number("transmission_frac", 0.05, 1.0, kFrac);
  s.light.par_umol_per_j = f.number("par_umol_per_j", 1.0, 3.0, "umol/J");
}

void read_heating(const TomlFields& root, ControllerSettings& s) {
  const toml::table* t = root.optional_table("heating");
  if (t == nullptr) {
    return;
  }
  const TomlFields f(*t, root.source_name(), "heating", root.log());
  f.reject_unknown_keys(
      {"p_band_c", "integral_time_s", "t_pipe_max_c", "pipe_p_band_c", "radiation_raise_start_w_m2",
       "radiation_raise_end_w_m2", "radiation_raise_max_c", "humidity_raise_p_band_pct",
       "humidity_raise_max_c", "pipe_min_reduction_start_w_m2", "pipe_min_reduction_end_w_m2",
       "pipe_min_reduction_max_c", "unlit_dark_offset_c", "lamp_off_preheat_min",
       "lamp_off_preheat_pipe_c", "lamp_off_hold_min"});
  HeatingSettings& h = s.heating;
  h.installed = true;
  h.p_band_c = f.number("p_band_c", 0.1, 20.0, "°C");
  h.integral_time_s = f.number("integral_time_s", 0.0, 86400.0, "s");
  h.t_pipe_max_c = f.number("t_pipe_max_c", 20.0, 130.0, "°C");
  h.pipe_p_band_c = f.number("pipe_p_band_c", 1.0, 50.0, "°C");
  h.unlit_dark_offset_c =
      f.optional_number("unlit_dark_offset_c", -10.0, 0.0, "°C (0 = none)").value_or(0.0);
  h.radiation_raise_start_w_m2 = f.number("radiation_raise_start_w_m2", 0.0, 1500.0, "W/m2");
  h.radiation_raise_end_w_m2 = f.number("radiation_raise_end_w_m2", 0.0, 1500.0, "W/m2");
  require_order(f, "radiation_raise_start_w_m2", h.radiation_raise_start_w_m2,
                "radiation_raise_end_w_m2", h.radiation_raise_end_w_m2, false);
  h.radiation_raise_max_c = f.number("radiation_raise_max_c", 0.0, 10.0, "°C");
  h.humidity_raise_p_band_pct = f.number("humidity_raise_p_band_pct", 0.5, 50.0, "%");
  h.humidity_raise_max_c = f.number("humidity_raise_max_c", 0.0, 10.0, "°C");
  h.pipe_min_reduction_start_w_m2 = f.number("pipe_min_reduction_start_w_m2", 0.0, 1500.0, "W/m2");
  h.pipe_min_reduction_end_w_m2 = f.number("pipe_min_reduction_end_w_m2", 0.0, 1500.0, "W/m2");
  require_order(f, "pipe_min_reduction_start_w_m2", h.pipe_min_reduction_start_w_m2,
                "pipe_min_reduction_end_w_m2", h.pipe_min_reduction_end_w_m2, false);
  h.pipe_min_reduction_max_c = f.number("pipe_min_reduction_max_c", 0.0, 90.0, "°C");
  LampOffPreheatSettings& p = h.lamp_off;
  p.lead_min = f.optional_number("lamp_off_preheat_min", 0.0, 240.0, "min").value_or(0.0);
  p.pipe_excess_c =
      f.optional_number("lamp_off_preheat_pipe_c", 0.0, 80.0, "°C above the air (0 = none)")
          .value_or(0.0);
  p.hold_min = f.optional_number("lamp_off_hold_min", 0.0, 240.0, "min").value_or(0.0);
  if (p.pipe_excess_c > 0.0 && p.lead_min <= 0.0 && p.hold_min <= 0.0) {
    f.fail("lamp_off_preheat_pipe_c",
           fmt::format("{:g} °C is given with lamp_off_preheat_min and lamp_off_hold_min both 0",
                       p.pipe_excess_c),
           "lamp_off_preheat_min > 0 or lamp_off_hold_min > 0 (or lamp_off_preheat_pipe_c 0)");
  }
}

void read_ventilation(const TomlFields& root, ControllerSettings& s) {
  const toml::table* t = root.optional_table("ventilation");
  if (t == nullptr) {
    return;
  }
  const TomlFields f(*t, root.source_name(), "ventilation", root.log());
  f.reject_unknown_keys({"lee_p_band_c",
                         "lee_max_frac",
                         "wind_start_c",
                         "wind_p_band_c",
                         "wind_max_frac",
                         "humidity_p_band_pct",
                         "humidity_p_band_g_m3",
                         "humidity_crack_frac",
                         "humidity_max_frac",
                         "humidity_hysteresis_pct",
                         "humidity_hysteresis_g_m3",
                         "humidity_windward_frac",
                         "air_cold_stop_below_heat_c",
                         "air_cold_p_band_c",
                         "cold_t_out_c",
                         "cold_full_t_out_c",
                         "cold_min_frac",
                         "lee_wind_start_m_s",
                         "lee_wind_end_m_s",
                         "lee_wind_end_frac",
                         "wind_wind_start_m_s",
                         "wind_wind_end_m_s",
                         "wind_wind_end_frac",
                         "storm_m_s",
                         "storm_hysteresis_m_s",
                         "storm_hold_min",
                         "rain_threshold_mm_h",
                         "rain_lee_max_frac",
                         "rain_wind_max_frac",
                         "min_step_frac"});
  VentilationSettings& v = s.ventilation;
  v.installed = true;
  v.lee_p_band_c = f.number("lee_p_band_c", 0.1, 20.0, "°C");
  v.lee_max_frac = f.number("lee_max_frac", 0.0, 1.0, kFrac);
  v.wind_start_c = f.number("wind_start_c", 0.0, 20.0, "°C");
  v.wind_p_band_c = f.number("wind_p_band_c", 0.1, 20.0, "°C");
  v.wind_max_frac = f.number("wind_max_frac", 0.0, 1.0, kFrac);
  v.humidity_p_band_pct = f.number("humidity_p_band_pct", 0.5, 100.0, "%");
  v.humidity_p_band_g_m3 = f.number("humidity_p_band_g_m3", 0.05, 10.0, "g/m3");
  v.humidity_crack_frac = f.number("humidity_crack_frac", 0.0, 1.0, kFrac);
  v.humidity_max_frac = f.number("humidity_max_frac", 0.0, 1.0, kFrac);
  require_order(f, "humidity_crack_frac", v.humidity_crack_frac, "humidity_max_frac",
                v.humidity_max_frac, false);
  v.humidity_hysteresis_pct = f.number("humidity_hysteresis_pct", 0.0, 20.0, "%");
  v.humidity_hysteresis_g_m3 = f.number("humidity_hysteresis_g_m3", 0.0, 5.0, "g/m3");
  v.humidity_windward_frac = f.number("humidity_windward_frac", 0.0, 1.0, kFrac);
  v.air_cold_stop_below_heat_c = f.number("air_cold_stop_below_heat_c", -5.0, 20.0, "°C");
  v.air_cold_p_band_c = f.number("air_cold_p_band_c", 0.0, 10.0, "°C");
  v.cold_t_out_c = f.number("cold_t_out_c", -40.0, 30.0, "°C");
  v.cold_full_t_out_c = f.number("cold_full_t_out_c", -40.0, 40.0, "°C");
  require_order(f, "cold_t_out_c", v.cold_t_out_c, "cold_full_t_out_c", v.cold_full_t_out_c, true);
  v.cold_min_frac = f.number("cold_min_frac", 0.0, 1.0, kFrac);
  v.lee_wind_start_m_s = f.number("lee_wind_start_m_s", 0.0, 50.0, "m/s");
  v.lee_wind_end_m_s = f.number("lee_wind_end_m_s", 0.0, 50.0, "m/s");
  require_order(f, "lee_wind_start_m_s", v.lee_wind_start_m_s, "lee_wind_end_m_s",
                v.lee_wind_end_m_s, true);
  v.lee_wind_end_frac = f.number("lee_wind_end_frac", 0.0, 1.0, kFrac);
  v.wind_wind_start_m_s = f.number("wind_wind_start_m_s", 0.0, 50.0, "m/s");
  v.wind_wind_end_m_s = f.number("wind_wind_end_m_s", 0.0, 50.0, "m/s");
  require_order(f, "wind_wind_start_m_s", v.wind_wind_start_m_s, "wind_wind_end_m_s",
                v.wind_wind_end_m_s, true);
  v.wind_wind_end_frac = f.number("wind_wind_end_frac", 0.0, 1.0, kFrac);
  v.storm_m_s = f.number("storm_m_s", 1.0, 60.0, "m/s");
  v.storm_hysteresis_m_s = f.number("storm_hysteresis_m_s", 0.0, 30.0, "m/s");
  require_order(f, "storm_hysteresis_m_s", v.storm_hysteresis_m_s, "storm_m_s", v.storm_m_s, true);
  v.storm_hold_min = f.number("storm_hold_min", 0.0, 240.0, "min");
  v.rain_threshold_mm_h = f.number("rain_threshold_mm_h", 0.01, 50.0, "mm/h");
  v.rain_lee_max_frac = f.number("rain_lee_max_frac", 0.0, 1.0, kFrac);
  v.rain_wind_max_frac = f.number("rain_wind_max_frac", 0.0, 1.0, kFrac);
  v.min_step_frac = f.number("min_step_frac", 0.0, 0.2, kFrac);
}

void read_screens(const TomlFields& root, ControllerSettings& s) {
  const toml::table* t = root.optional_table("screens");
  if (t == nullptr) {
    return;
  }
  const TomlFields f(*t, root.source_name(), "screens", root.log());
  f.reject_unknown_keys({"energy", "shade", "blackout"});
  if (const toml::table* e = f.optional_table("energy")) {
    const TomlFields g(*e, root.source_name(), "screens.energy", root.log());
    g.reject_unknown_keys({"closed_frac", "night_close_below_t_out_c", "day_close_below_t_out_c",
                           "day_close_below_iglob_w_m2", "t_out_hysteresis_c",
                           "iglob_hysteresis_w_m2", "gap_max_frac", "gap_rh_p_band_pct",
                           "gap_heat_start_c", "gap_heat_p_band_c", "open_step_frac",
                           "open_step_interval_min", "gap_rh_cold_stop_below_heat_c",
                           "gap_rh_cold_p_band_c"});
    EnergyScreenSettings& x = s.screens.energy;
    x.installed = true;
    x.closed_frac = g.number("closed_frac", 0.0, 1.0, kFrac);
    x.night_close_below_t_out_c = g.number("night_close_below_t_out_c", -40.0, 40.0, "°C");
    x.day_close_below_t_out_c = g.number("day_close_below_t_out_c", -40.0, 40.0, "°C");
    x.day_close_below_iglob_w_m2 = g.number("day_close_below_iglob_w_m2", 0.0, 1500.0, "W/m2");
    x.t_out_hysteresis_c = g.number("t_out_hysteresis_c", 0.0, 10.0, "°C");
    x.iglob_hysteresis_w_m2 = g.number("iglob_hysteresis_w_m2", 0.0, 500.0, "W/m2");
    x.gap_max_frac = g.number("gap_max_frac", 0.0, 1.0, kFrac);
    x.gap_rh_p_band_pct = g.number("gap_rh_p_band_pct", 0.5, 50.0, "%");
    x.gap_heat_start_c = g.number("gap_heat_start_c", -10.0, 20.0, "°C");
    x.gap_heat_p_band_c = g.number("gap_heat_p_band_c", 0.1, 20.0, "°C");
    x.gap_rh_cold_stop_below_heat_c =
        g.optional_number("gap_rh_cold_stop_below_heat_c", -10.0, 10.0, "°C").value_or(0.0);
    x.gap_rh_cold_p_band_c =
        g.optional_number("gap_rh_cold_p_band_c", 0.0, 10.0, "°C (0 = no rule)").value_or(0.0);
    x.open_step_frac = g.number("open_step_frac", 0.01, 1.0, kFrac);
    x.open_step_interval_min = g.number("open_step_interval_min", 0.0, 120.0, "min");
  }
  if (const toml::table* e = f.optional_table("shade")) {
    const TomlFields g(*e, root.source_name(), "screens.shade", root.log());
    g.reject_unknown_keys(
        {"levels", "hysteresis_w_m2", "temperature_excess_c", "temperature_closed_frac"});
    ShadeScreenSettings& x = s.screens.shade;
    x.installed = true;
    const auto levels = g.table_array("levels");
    if (levels.size() > kMaxShadeLevels) {
      g.fail("levels", fmt::format("{} levels are given", levels.size()),
             fmt::format("0 to {} levels", kMaxShadeLevels));
    }
    for (std::size_t k = 0; k < levels.size(); ++k) {
      const TomlFields l(*levels[k], root.source_name(), fmt::format("screens.shade.levels[{}]", k),
                         root.log());
      l.reject_unknown_keys({"above_iglob_w_m2", "closed_frac"});
      ShadeLevel level;
      level.above_iglob_w_m2 = l.number("above_iglob_w_m2", 1.0, 1500.0, "W/m2");
      level.closed_frac = l.number("closed_frac", 0.0, 1.0, kFrac);
      if (!x.levels.empty()) {
        require_order(l, "previous level's above_iglob_w_m2", x.levels.back().above_iglob_w_m2,
                      "above_iglob_w_m2", level.above_iglob_w_m2, true);
      }
      x.levels.push_back(level);
    }
    x.hysteresis_w_m2 = g.number("hysteresis_w_m2", 0.0, 500.0, "W/m2");
    x.temperature_excess_c = g.number("temperature_excess_c", 0.0, 20.0, "°C");
    x.temperature_closed_frac = g.number("temperature_closed_frac", 0.0, 1.0, kFrac);
  }
  if (const toml::table* e = f.optional_table("blackout")) {
    const TomlFields g(*e, root.source_name(), "screens.blackout", root.log());
    g.reject_unknown_keys({"closed_frac", "with_lamps", "with_lamps_below_iglob_w_m2",
                           "window_start", "window_start_offset_min", "window_end",
                           "window_end_offset_min"});
    BlackoutScreenSettings& x = s.screens.blackout;
    x.installed = true;
    x.closed_frac = g.number("closed_frac", 0.0, 1.0, kFrac);
    x.with_lamps = read_bool(g, "with_lamps");
    x.with_lamps_below_iglob_w_m2 = g.number("with_lamps_below_iglob_w_m2", 0.0, 1500.0, "W/m2");
    x.has_window = e->contains("window_start") || e->contains("window_end");
    if (x.has_window) {
      x.window_start = read_time(g, "window_start");
      x.window_end = read_time(g, "window_end");
    }
  }
}

void read_co2(const TomlFields& root, ControllerSettings& s) {
  const toml::table* t = root.optional_table("co2");
  if (t == nullptr) {
    return;
  }
  const TomlFields f(*t, root.source_name(), "co2", root.log());
  f.reject_unknown_keys({"capacity_kg_ha_h", "p_band_ppm", "vent_reduction_start_frac",
                         "vent_reduction_end_frac", "reduced_setpoint_ppm", "daily_quota_kg_ha",
                         "only_in_light", "min_iglob_w_m2"});
  Co2Settings& c = s.co2;
  c.installed = true;
  c.capacity_kg_ha_h = f.number("capacity_kg_ha_h", 1.0, 1000.0, "kg/ha/h");
  c.p_band_ppm = f.number("p_band_ppm", 10.0, 1000.0, "ppm");
  c.vent_reduction_start_frac = f.number("vent_reduction_start_frac", 0.0, 1.0, kFrac);
  c.vent_reduction_end_frac = f.number("vent_reduction_end_frac", 0.0, 1.0, kFrac);
  require_order(f, "vent_reduction_start_frac", c.vent_reduction_start_frac,
                "vent_reduction_end_frac", c.vent_reduction_end_frac, false);
  c.reduced_setpoint_ppm = f.number("reduced_setpoint_ppm", 0.0, 3000.0, "ppm");
  c.daily_quota_kg_ha = f.number("daily_quota_kg_ha", 0.0, 20000.0, "kg/ha/d (0 = none)");
  c.only_in_light = read_bool(f, "only_in_light");
  c.min_iglob_w_m2 = f.number("min_iglob_w_m2", 0.0, 500.0, "W/m2");
  if (!s.sensors[index_of(SensorId::kCo2Air)].installed) {
    root.fail("co2", "CO2 dosing without a CO2 sensor",
              "a table [sensors.co2_air_ppm] when [co2] is given");
  }
}

void read_lamps(const TomlFields& root, ControllerSettings& s) {
  const toml::table* t = root.optional_table("lamps");
  if (t == nullptr) {
    return;
  }
  const TomlFields f(*t, root.source_name(), "lamps", root.log());
  f.reject_unknown_keys({"window_start", "window_start_offset_min", "window_end",
                         "window_end_offset_min", "off_above_iglob_w_m2", "on_below_iglob_w_m2",
                         "light_sum_target_mol_m2", "max_on_h", "tariff_blocks", "min_on_min",
                         "min_off_min", "ppfd_umol_m2_s", "hot_off_excess_c",
                         "rad_sum_limit_mj_m2"});
  LampSettings& l = s.lamps;
  l.installed = true;
  l.window_start = read_time(f, "window_start");
  l.window_end = read_time(f, "window_end");
  l.off_above_iglob_w_m2 = f.number("off_above_iglob_w_m2", 1.0, 1500.0, "W/m2");
  l.on_below_iglob_w_m2 = f.number("on_below_iglob_w_m2", 0.0, 1500.0, "W/m2");
  require_order(f, "on_below_iglob_w_m2", l.on_below_iglob_w_m2, "off_above_iglob_w_m2",
                l.off_above_iglob_w_m2, true);
  l.light_sum_target_mol_m2 = f.number("light_sum_target_mol_m2", 0.0, 100.0, "mol/m2 (0 = none)");
  l.max_on_h = f.number("max_on_h", 0.0, 24.0, "h");
  const auto blocks = f.table_array("tariff_blocks");
  for (std::size_t k = 0; k < blocks.size(); ++k) {
    const TomlFields b(*blocks[k], root.source_name(), fmt::format("lamps.tariff_blocks[{}]", k),
                       root.log());
    b.reject_unknown_keys({"start", "end"});
    l.tariff_blocks.push_back({read_clock(b, "start"), read_clock(b, "end")});
  }
  l.min_on_min = f.number("min_on_min", 0.0, 240.0, "min");
  l.min_off_min = f.number("min_off_min", 0.0, 240.0, "min");
  l.ppfd_umol_m2_s = f.number("ppfd_umol_m2_s", 1.0, 2000.0, "umol/m2/s");
  l.hot_off_excess_c = f.number("hot_off_excess_c", 0.0, 20.0, "°C (0 = no rule)");
  l.rad_sum_limit_mj_m2 =
      f.optional_number("rad_sum_limit_mj_m2", 0.0, 50.0, "MJ/m2/d (0 = none)").value_or(0.0);
}

void read_cooling(const TomlFields& root, ControllerSettings& s) {
  const toml::table* t = root.optional_table("cooling");
  if (t == nullptr) {
    return;
  }
  const TomlFields f(*t, root.source_name(), "cooling", root.log());
  f.reject_unknown_keys({"fogging", "pad_fan"});
  if (const toml::table* e = f.optional_table("fogging")) {
    const TomlFields g(*e, root.source_name(), "cooling.fogging", root.log());
    g.reject_unknown_keys(
        {"vpd_start_kpa", "vpd_p_band_kpa", "t_excess_start_c", "t_p_band_c", "max_frac"});
    FoggingSettings& x = s.cooling.fog;
    x.installed = true;
    x.vpd_start_kpa = g.number("vpd_start_kpa", 0.0, 5.0, "kPa");
    x.vpd_p_band_kpa = g.number("vpd_p_band_kpa", 0.05, 5.0, "kPa");
    x.t_excess_start_c = g.number("t_excess_start_c", 0.0, 15.0, "°C");
    x.t_p_band_c = g.number("t_p_band_c", 0.1, 15.0, "°C");
    x.max_frac = g.number("max_frac", 0.0, 1.0, kFrac);
  }
  if (const toml::table* e = f.optional_table("pad_fan")) {
    const TomlFields g(*e, root.source_name(), "cooling.pad_fan", root.log());
    g.reject_unknown_keys(
        {"stage_excess_c", "hysteresis_c", "min_stage_time_s", "close_vents", "max_rh_out_pct"});
    PadFanSettings& x = s.cooling.pad;
    x.installed = true;
    x.stage_excess_c = read_number_list(g, *e, "stage_excess_c", 0.0, 20.0, "°C", kMaxPadStages);
    for (std::size_t k = 1; k < x.stage_excess_c.size(); ++k) {
      if (!(x.stage_excess_c[k] > x.stage_excess_c[k - 1])) {
        g.fail("stage_excess_c", "stage thresholds are not increasing",
               "each stage's excess above the previous one's");
      }
    }
    x.hysteresis_c = g.number("hysteresis_c", 0.0, 10.0, "°C");
    x.min_stage_time_s = g.number("min_stage_time_s", 0.0, 3600.0, "s");
    x.close_vents = read_bool(g, "close_vents");
    x.max_rh_out_pct = g.number("max_rh_out_pct", 0.0, 100.0, "%");
  }
}

void read_irrigation(const TomlFields& root, ControllerSettings& s) {
  const toml::table* t = root.optional_table("irrigation");
  if (t == nullptr) {
    return;
  }
  const TomlFields f(*t, root.source_name(), "irrigation", root.log());
  f.reject_unknown_keys({"radiation_sum_j_cm2", "min_interval_min", "max_interval_min",
                         "first_start", "first_start_offset_min", "last_start",
                         "last_start_offset_min", "dose_l_m2"});
  IrrigationSettings& x = s.irrigation;
  x.installed = true;
  x.radiation_sum_j_cm2 = f.number("radiation_sum_j_cm2", 1.0, 5000.0, "J/cm2");
  x.min_interval_min = f.number("min_interval_min", 1.0, 1440.0, "min");
  x.max_interval_min = f.number("max_interval_min", 1.0, 1440.0, "min");
  require_order(f, "min_interval_min", x.min_interval_min, "max_interval_min", x.max_interval_min,
                false);
  x.first_start = read_time(f, "first_start");
  x.last_start = read_time(f, "last_start");
  x.dose_l_m2 = f.number("dose_l_m2", 0.01, kMaxIrrigationDoseLM2, "L/m2");
}

ProcessAlarmSettings read_process_alarm(const TomlFields& alarms, std::string_view key,
                                        std::string_view unit_suffix, double min, double max,
                                        std::string_view unit) {
  ProcessAlarmSettings a;
  const toml::table* t = alarms.optional_table(key);
  if (t == nullptr) {
    return a;  // not enabled
  }
  const TomlFields f(*t, alarms.source_name(), alarms.path_of(key), alarms.log());
  const std::string limit_key = "limit_" + std::string(unit_suffix);
  const std::string hyst_key = "hysteresis_" + std::string(unit_suffix);
  f.reject_unknown_keys({limit_key, hyst_key, "delay_s", "priority"});
  a.enabled = true;
  a.limit = f.number(limit_key, min, max, unit);
  a.hysteresis = f.number(hyst_key, 0.0, (max - min) / 4.0, unit);
  a.delay_s = f.number("delay_s", 0.0, 86400.0, "s");
  a.priority = f.integer("priority", 1, 3, "(1 urgent, 2 high, 3 low)");
  return a;
}

void read_alarms(const TomlFields& root, ControllerSettings& s) {
  const TomlFields f(required_table(root, "alarms"), root.source_name(), "alarms", root.log());
  f.reject_unknown_keys({"t_air_high", "t_air_low", "rh_air_high", "co2_air_high", "sensor_delay_s",
                         "sensor_priority", "feedback_tolerance_frac", "pipe_tolerance_c",
                         "feedback_delay_s", "pipe_delay_s", "feedback_priority"});
  AlarmSettings& a = s.alarms;
  a.t_air_high = read_process_alarm(f, "t_air_high", "c", -20.0, 70.0, "°C");
  a.t_air_low = read_process_alarm(f, "t_air_low", "c", -20.0, 70.0, "°C");
  a.rh_air_high = read_process_alarm(f, "rh_air_high", "pct", 30.0, 100.0, "%");
  a.co2_air_high = read_process_alarm(f, "co2_air_high", "ppm", 400.0, 10000.0, "ppm");
  a.sensor_delay_s = f.number("sensor_delay_s", 0.0, 86400.0, "s");
  a.sensor_priority = f.integer("sensor_priority", 1, 3, "(1 urgent, 2 high, 3 low)");
  a.feedback_tolerance_frac = f.number("feedback_tolerance_frac", 0.01, 1.0, kFrac);
  a.pipe_tolerance_c = f.number("pipe_tolerance_c", 1.0, 50.0, "°C");
  a.feedback_delay_s = f.number("feedback_delay_s", 0.0, 86400.0, "s");
  a.pipe_delay_s = f.optional_number("pipe_delay_s", 0.0, 86400.0, "s (default feedback_delay_s)")
                       .value_or(a.feedback_delay_s);
  a.feedback_priority = f.integer("feedback_priority", 1, 3, "(1 urgent, 2 high, 3 low)");
}

void read_safety(const TomlFields& root, ControllerSettings& s) {
  const TomlFields f(required_table(root, "safety"), root.source_name(), "safety", root.log());
  f.reject_unknown_keys(
      {"frost_t_pipe_c", "frost_heating_frac", "safe_vent_closed_below_t_out_c",
       "safe_vent_full_above_t_out_c", "safe_vent_max_frac", "safe_vent_without_t_out_frac",
       "vent_max_without_t_out_frac", "vent_max_without_wind_frac", "safe_pad_fan_stage",
       "safe_pad_fan_above_t_out_c", "co2_max_vent_open_frac", "fog_min_t_air_c", "fog_max_rh_pct",
       "vent_travel_frac_per_min", "screen_travel_frac_per_min", "pipe_setpoint_c_per_min"});
  SafetySettings& x = s.safety;
  x.frost_t_pipe_c = f.number("frost_t_pipe_c", 0.0, 130.0, "°C");
  x.frost_heating_frac = f.number("frost_heating_frac", 0.0, 1.0, kFrac);
  x.safe_vent_closed_below_t_out_c = f.number("safe_vent_closed_below_t_out_c", -40.0, 50.0, "°C");
  x.safe_vent_full_above_t_out_c = f.number("safe_vent_full_above_t_out_c", -40.0, 60.0, "°C");
  require_order(f, "safe_vent_closed_below_t_out_c", x.safe_vent_closed_below_t_out_c,
                "safe_vent_full_above_t_out_c", x.safe_vent_full_above_t_out_c, true);
  x.safe_vent_max_frac = f.number("safe_vent_max_frac", 0.0, 1.0, kFrac);
  x.safe_vent_without_t_out_frac = f.number("safe_vent_without_t_out_frac", 0.0, 1.0, kFrac);
  x.vent_max_without_t_out_frac = f.number("vent_max_without_t_out_frac", 0.0, 1.0, kFrac);
  x.vent_max_without_wind_frac = f.number("vent_max_without_wind_frac", 0.0, 1.0, kFrac);
  x.safe_pad_fan_stage =
      f.integer("safe_pad_fan_stage", 0, static_cast<int>(kMaxPadStages), "stage");
  x.safe_pad_fan_above_t_out_c = f.number("safe_pad_fan_above_t_out_c", -40.0, 60.0, "°C");
  x.co2_max_vent_open_frac = f.number("co2_max_vent_open_frac", 0.0, 1.0, kFrac);
  x.fog_min_t_air_c = f.number("fog_min_t_air_c", 0.0, 40.0, "°C");
  x.fog_max_rh_pct = f.number("fog_max_rh_pct", 30.0, 100.0, "%");
  x.vent_travel_frac_per_min = f.number("vent_travel_frac_per_min", 0.0, 10.0, "1/min (0 = none)");
  x.screen_travel_frac_per_min =
      f.number("screen_travel_frac_per_min", 0.0, 10.0, "1/min (0 = none)");
  x.pipe_setpoint_c_per_min = f.number("pipe_setpoint_c_per_min", 0.0, 100.0, "°C/min (0 = none)");
}

void check_cross(const TomlFields& root, const ControllerSettings& s) {
  if (s.heating.lamp_off.pipe_excess_c > 0.0 && !s.lamps.installed) {
    const TomlFields f(*root.optional_table("heating"), root.source_name(), "heating");
    f.fail("lamp_off_preheat_pipe_c", "a lamp switch-off preheat without lamps",
           "a table [lamps] when lamp_off_preheat_pipe_c > 0");
  }
  if (s.heating.installed) {
    for (std::size_t i = 0; i < s.bands.size(); ++i) {
      const double t_min = s.bands[i].setpoints[SetpointId::kTPipeMinC];
      if (t_min > s.heating.t_pipe_max_c) {
        const TomlFields f(*root.table_array("bands")[i], root.source_name(),
                           fmt::format("bands[{}]", i), root.log());
        f.fail("t_pipe_min_c",
               fmt::format("{:g} °C is above heating.t_pipe_max_c {:g} °C", t_min,
                           s.heating.t_pipe_max_c),
               "t_pipe_min_c <= heating.t_pipe_max_c");
      }
    }
  }
}

}  // namespace

ControllerSettings parse_controller_settings(std::string_view text, const std::string& source_name,
                                             FieldLog* log) {
  const toml::table doc = parse_toml_text(text, source_name);
  const TomlFields root(doc, source_name, "", log);
  root.reject_unknown_keys({"controller", "bands", "calendar", "sensors", "light", "heating",
                            "ventilation", "screens", "co2", "lamps", "cooling", "irrigation",
                            "alarms", "safety"});
  ControllerSettings s;
  read_controller(root, s);
  read_bands(root, s);
  read_calendar(root, s);
  read_sensors(root, s);
  read_light(root, s);
  read_heating(root, s);
  read_ventilation(root, s);
  read_screens(root, s);
  read_co2(root, s);
  read_lamps(root, s);
  read_cooling(root, s);
  read_irrigation(root, s);
  read_alarms(root, s);
  read_safety(root, s);
  check_cross(root, s);
  return s;
}

ControllerSettings load_controller_settings(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    throw InputError({path, 0, ""}, "cannot read the file", "a readable controller settings file");
  }
  std::ostringstream text;
  text << in.rdbuf();
  return parse_controller_settings(text.str(), path);
}

}  // namespace egin::control
