// The controller settings reader: both shipped files load with the values they state, and each
// kind of mistake is reported as file:line: field 'key': problem (expected range).
#include "egin/control/settings_toml.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>

#include "egin/core/input_error.hpp"

namespace egin::control {
namespace {

std::string data_file(const std::string& name) {
  return std::string(EGIN_SOURCE_DIR) + "/data/controllers/" + name;
}

std::string read_text(const std::string& path) {
  std::ifstream in(path);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

TEST(SettingsToml, TurkistanFileLoads) {
  const ControllerSettings s = load_controller_settings(data_file("turkistan-korean-tomato.toml"));
  EXPECT_EQ(s.step_s, 300.0);
  ASSERT_EQ(s.bands.size(), 5u);
  EXPECT_EQ(s.bands[0].name, "pre-dawn");
  EXPECT_EQ(s.bands[0].start.anchor, TimeAnchor::kSunrise);
  EXPECT_EQ(s.bands[0].start.minutes, -90.0);
  EXPECT_EQ(s.bands[2].start.anchor, TimeAnchor::kClock);
  EXPECT_EQ(s.bands[2].start.minutes, 13 * 60.0);
  EXPECT_EQ(s.bands[4].setpoints[SetpointId::kTPipeMinC], 35.0);
  ASSERT_EQ(s.calendar.size(), 4u);  // t_heat, CO2, summer dead zone, summer pipe minimum
  EXPECT_EQ(s.calendar[1].setpoint, SetpointId::kCo2Ppm);
  EXPECT_EQ(s.calendar[1].points[1].day_of_year, 166);  // 15 June
  // The summer curves tuned in closed loop: a wider vent dead zone, a lower minimum pipe.
  EXPECT_EQ(s.calendar[2].setpoint, SetpointId::kVentDeadZoneC);
  EXPECT_EQ(s.calendar[2].points[1].offset, 3.0);
  EXPECT_EQ(s.calendar[3].setpoint, SetpointId::kTPipeMinC);
  EXPECT_EQ(s.calendar[3].points[1].offset, -35.0);
  EXPECT_TRUE(s.sensors[index_of(SensorId::kRain)].installed);
  EXPECT_FALSE(s.sensors[index_of(SensorId::kParAir)].installed);
  EXPECT_TRUE(s.heating.installed);
  EXPECT_EQ(s.ventilation.storm_m_s, 17.0);
  EXPECT_TRUE(s.screens.energy.installed);
  ASSERT_EQ(s.screens.shade.levels.size(), 2u);
  EXPECT_EQ(s.screens.shade.levels[1].above_iglob_w_m2, 850.0);
  EXPECT_FALSE(s.screens.blackout.installed);
  EXPECT_FALSE(s.lamps.installed);
  EXPECT_TRUE(s.cooling.fog.installed);
  EXPECT_EQ(s.cooling.pad.stage_excess_c.size(), 3u);
  EXPECT_TRUE(s.irrigation.installed);
  EXPECT_EQ(s.irrigation.first_start.minutes, 90.0);
  EXPECT_EQ(s.alarms.t_air_high.limit, 38.0);
  EXPECT_EQ(s.alarms.t_air_high.priority, 1);
  EXPECT_EQ(s.safety.fog_min_t_air_c, 18.0);
}

TEST(SettingsToml, GreenLightFileLoads) {
  const ControllerSettings s = load_controller_settings(data_file("greenlight-venlo.toml"));
  // GreenLight (Katzin 2021 ch. 4): tSpDay 19.5, tSpNight 18.5 °C, lampRadSumLimit 10 MJ/m².
  ASSERT_EQ(s.bands.size(), 1u);
  EXPECT_EQ(s.bands[0].setpoints[SetpointId::kTHeatC], 19.5);
  EXPECT_EQ(s.bands[0].setpoints[SetpointId::kTHeatC] + s.heating.unlit_dark_offset_c, 18.5);
  EXPECT_EQ(s.lamps.rad_sum_limit_mj_m2, 10.0);
  // The humidity gap shuts from the heating temperature down (docs/benchmarks.md), and the
  // lamp switch-off preheat: 15 min lead, the air + 30 °C, 15 min hold.
  EXPECT_EQ(s.screens.energy.gap_rh_cold_stop_below_heat_c, 0.0);
  EXPECT_EQ(s.heating.lamp_off.lead_min, 15.0);
  EXPECT_EQ(s.heating.lamp_off.pipe_excess_c, 30.0);
  EXPECT_EQ(s.heating.lamp_off.hold_min, 15.0);
  EXPECT_EQ(s.screens.energy.gap_rh_cold_p_band_c, 1.0);
  EXPECT_EQ(s.alarms.pipe_delay_s, 3600.0);
  EXPECT_EQ(s.step_s, 60.0);
  EXPECT_EQ(s.bands[0].setpoints[SetpointId::kVentDeadZoneC], 5.0);
  EXPECT_EQ(s.bands[0].setpoints[SetpointId::kRhMaxPct], 87.0);
  EXPECT_EQ(s.bands[0].setpoints[SetpointId::kCo2Ppm], 1000.0);
  EXPECT_EQ(s.heating.p_band_c, 1.0);
  EXPECT_EQ(s.ventilation.lee_p_band_c, 4.0);
  EXPECT_EQ(s.ventilation.humidity_p_band_pct, 100.0);
  EXPECT_EQ(s.co2.capacity_kg_ha_h, 185.0);
  EXPECT_TRUE(s.lamps.installed);
  EXPECT_EQ(s.lamps.window_end.minutes, 18 * 60.0);
  EXPECT_EQ(s.lamps.off_above_iglob_w_m2, 400.0);
  EXPECT_FALSE(s.screens.shade.installed);
  EXPECT_FALSE(s.cooling.fog.installed);
}

/// Parses the Turkistan file with `from` replaced by `to` and returns the error message.
std::string error_after(const std::string& from, const std::string& to) {
  std::string text = read_text(data_file("turkistan-korean-tomato.toml"));
  const auto at = text.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  text.replace(at, from.size(), to);
  try {
    parse_controller_settings(text, "gh.toml");
  } catch (const InputError& e) {
    return e.what();
  }
  return "no error";
}

int line_of(const std::string& needle) {
  const std::string text = read_text(data_file("turkistan-korean-tomato.toml"));
  const auto at = text.find(needle);
  int line = 1;
  for (std::size_t i = 0; i < at; ++i) {
    line += text[i] == '\n' ? 1 : 0;
  }
  return line;
}

TEST(SettingsToml, OutOfRangeNamesFileLineFieldAndRange) {
  const int line = line_of("storm_m_s = 17.0");
  EXPECT_EQ(error_after("storm_m_s = 17.0", "storm_m_s = 90.0"),
            "gh.toml:" + std::to_string(line) +
                ": field 'ventilation.storm_m_s': value 90 is out of range (expected 1 to 60 m/s)");
  EXPECT_NE(error_after("t_heat_c = 20.0", "t_heat_c = 55.0")
                .find("field 'bands[1].t_heat_c': value 55 is out of range (expected 0 to 40 °C)"),
            std::string::npos);
}

TEST(SettingsToml, EachKindOfMistake) {
  const auto has = [](const std::string& message, const std::string& part) {
    return message.find(part) != std::string::npos;
  };
  EXPECT_TRUE(has(error_after("lee_p_band_c = 2.0", "lee_p_band_c = 2.0\nlee_pband = 2"),
                  "field 'ventilation.lee_pband': unknown key"));
  EXPECT_TRUE(has(error_after("min_step_frac = 0.02\n", ""),
                  "field 'ventilation.min_step_frac': missing required key"));
  EXPECT_TRUE(has(error_after("start = \"13:00\"", "start = \"1 pm\""),
                  "field 'bands[2].start': '1 pm' is not a time of day"));
  EXPECT_TRUE(has(error_after("start = \"13:00\"", "start = \"13:00\"\nstart_offset_min = 5"),
                  "field 'bands[2].start_offset_min': an offset is given with a clock time"));
  EXPECT_TRUE(has(error_after("cold_full_t_out_c = 10.0", "cold_full_t_out_c = -6.0"),
                  "field 'ventilation.cold_full_t_out_c': -6 is not above cold_t_out_c -5"));
  EXPECT_TRUE(has(
      error_after("{ date = \"06-15\", offset = -300.0 }", "{ date = \"03-15\", offset = -300.0 }"),
      "field 'calendar[1].points[1].date': '03-15' does not come after"));
  EXPECT_TRUE(has(
      error_after("{ date = \"06-15\", offset = -300.0 }", "{ date = \"06-31\", offset = -300.0 }"),
      "'06-31' is not a month and day"));
  EXPECT_TRUE(has(error_after("setpoint = \"t_heat_c\"", "setpoint = \"t_heating\""),
                  "unknown set-point 't_heating'"));
  EXPECT_TRUE(has(error_after("[sensors.t_out_c]", "[sensors.t_outside_c]"),
                  "unknown sensor 't_outside_c'"));
  EXPECT_TRUE(has(error_after("stage_excess_c = [0.5, 1.25, 2.0]", "stage_excess_c = [2.0, 1.5]"),
                  "stage thresholds are not increasing"));
  EXPECT_TRUE(has(error_after("{ above_iglob_w_m2 = 850.0, closed_frac = 0.7 }",
                              "{ above_iglob_w_m2 = 600.0, closed_frac = 0.7 }"),
                  "screens.shade.levels[1].above_iglob_w_m2"));
  EXPECT_TRUE(has(error_after("t_pipe_min_c = 35.0", "t_pipe_min_c = 90.0"),
                  "field 'bands[0].t_pipe_min_c': 90 °C is above heating.t_pipe_max_c 80 °C"));
  EXPECT_TRUE(has(error_after("[sensors.co2_air_ppm]", "[sensors.par_air_umol_m2_s]"),
                  "CO2 dosing without a CO2 sensor"));
  EXPECT_TRUE(has(error_after("priority = 1 }", "priority = 4 }"),
                  "value 4 is out of range (expected 1 to 3 (1 urgent, 2 high, 3 low))"));
  EXPECT_TRUE(has(error_after("name = \"night\"", "name = \"Day\""), "is used twice"));
  EXPECT_TRUE(has(error_after("[controller]", "[controler]"), "unknown key"));
  EXPECT_TRUE(has(error_after("step_s = 300", "step_s = = 300"), "TOML syntax error"));
  EXPECT_TRUE(has(error_after("only_in_light = true", "only_in_light = 1"), "only_in_light"));
  const std::string reduction = "pipe_min_reduction_max_c = 15.0";
  EXPECT_TRUE(has(error_after(reduction, reduction + "\nlamp_off_preheat_pipe_c = 30.0"),
                  "field 'heating.lamp_off_preheat_pipe_c': 30 °C is given with "
                  "lamp_off_preheat_min and lamp_off_hold_min both 0"));
  EXPECT_TRUE(has(error_after(reduction, reduction + "\nlamp_off_preheat_min = 300"),
                  "field 'heating.lamp_off_preheat_min': value 300 is out of range (expected 0 "
                  "to 240 min)"));
  EXPECT_TRUE(
      has(error_after(reduction,
                      reduction + "\nlamp_off_preheat_pipe_c = 30.0\nlamp_off_preheat_min = 15"),
          "field 'heating.lamp_off_preheat_pipe_c': a lamp switch-off preheat without lamps"));
}

TEST(SettingsToml, RequiredPartsAndBandCount) {
  const std::string minimal_sensors =
      "[sensors.t_air_c]\nvalid_min = -30\nvalid_max = 60\nstale_after_s = 600\n"
      "[sensors.rh_air_pct]\nvalid_min = 0\nvalid_max = 100\nstale_after_s = 600\n";
  const std::string band =
      "[[bands]]\nname = \"b{}\"\nstart = \"06:00\"\nramp_min = 0\nt_heat_c = 18\n"
      "vent_dead_zone_c = 3\nrh_max_pct = 85\nhd_min_g_m3 = 0\nco2_ppm = 0\nt_pipe_min_c = 0\n";
  std::string bands;
  for (int i = 0; i < 7; ++i) {
    // Appended in pieces, not replace(): GCC 12's -O3 false -Wrestrict (bug 105329).
    const std::size_t at = band.find("{}");
    bands.append(band, 0, at);
    bands.append(std::to_string(i));
    bands.append(band, at + 2);
  }
  try {
    parse_controller_settings("[controller]\nname = \"x\"\nstep_s = 60\n" + bands, "x.toml");
    FAIL();
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("7 bands are given (expected 1 to 6 [[bands]] entries)"),
              std::string::npos)
        << e.what();
  }
  std::string one_band = band;
  one_band.replace(one_band.find("{}"), 2, "0");
  try {
    parse_controller_settings(
        "[controller]\nname = \"x\"\nstep_s = 60\n" + one_band + minimal_sensors, "x.toml");
    FAIL();
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("field 'sensors.t_out_c': missing required sensor"),
              std::string::npos)
        << e.what();
  }
  EXPECT_THROW(load_controller_settings("/nonexistent/controller.toml"), InputError);
}

}  // namespace
}  // namespace egin::control
