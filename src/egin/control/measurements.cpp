#include "egin/control/measurements.hpp"

namespace egin::control {
namespace {

struct SensorInfo {
  Reading Measurements::*member;
  std::string_view key;
  std::string_view label;
  std::string_view unit;
};

constexpr std::array<SensorInfo, kSensorCount> kSensors{{
    {&Measurements::t_air_c, "t_air_c", "air temperature", "°C"},
    {&Measurements::rh_air_pct, "rh_air_pct", "air relative humidity", "%"},
    {&Measurements::co2_air_ppm, "co2_air_ppm", "air CO2 concentration", "ppm"},
    {&Measurements::t_out_c, "t_out_c", "outdoor temperature", "°C"},
    {&Measurements::rh_out_pct, "rh_out_pct", "outdoor relative humidity", "%"},
    {&Measurements::iglob_w_m2, "iglob_w_m2", "outdoor global radiation", "W/m²"},
    {&Measurements::wind_m_s, "wind_m_s", "wind speed", "m/s"},
    {&Measurements::rain_mm_h, "rain_mm_h", "rain", "mm/h"},
    {&Measurements::t_pipe_c, "t_pipe_c", "heating pipe temperature", "°C"},
    {&Measurements::par_air_umol_m2_s, "par_air_umol_m2_s", "PAR at the canopy", "µmol/m²/s"},
    {&Measurements::vent_lee_open_frac, "vent_lee_open_frac", "lee vent position", "(0–1)"},
    {&Measurements::vent_wind_open_frac, "vent_wind_open_frac", "windward vent position", "(0–1)"},
    {&Measurements::screen_energy_closed_frac, "screen_energy_closed_frac",
     "energy screen position", "(0–1)"},
    {&Measurements::screen_shade_closed_frac, "screen_shade_closed_frac", "shade screen position",
     "(0–1)"},
    {&Measurements::screen_blackout_closed_frac, "screen_blackout_closed_frac",
     "blackout screen position", "(0–1)"},
}};

}  // namespace

const Reading& Measurements::operator[](SensorId id) const {
  return this->*kSensors[index_of(id)].member;
}

Reading& Measurements::operator[](SensorId id) { return this->*kSensors[index_of(id)].member; }

std::string_view sensor_key(SensorId id) { return kSensors[index_of(id)].key; }
std::string_view sensor_label(SensorId id) { return kSensors[index_of(id)].label; }
std::string_view sensor_unit(SensorId id) { return kSensors[index_of(id)].unit; }

bool sensor_from_key(std::string_view key, SensorId& id) {
  for (std::size_t i = 0; i < kSensorCount; ++i) {
    if (kSensors[i].key == key) {
      id = static_cast<SensorId>(i);
      return true;
    }
  }
  return false;
}

}  // namespace egin::control
