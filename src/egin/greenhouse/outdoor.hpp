// OutdoorConditions: the weather at one instant in the model's units (Vanthoor 2011 inputs
// T_Out, VP_Out, I_Glob, v_Wind, T_Sky, CO2_Out, T_So,Out) plus what rule-based controllers read
// about the day (GreenLight's isDay, isDaySmooth, dayRadSum; local time of day and day of year).
// weather_forcing.hpp makes these from a weather file; nothing here depends on the state.
#pragma once

namespace egin::greenhouse {

struct OutdoorConditions {
  double time_utc_s = 0.0;  // the instant these conditions are for
  double t_out_c = 20.0;
  double vp_out_pa = 1650.0;
  double rh_out_pct = 70.0;
  double iglob_w_m2 = 0.0;
  double wind_m_s = 0.0;
  double t_sky_c = -20.0;
  double co2_out_mg_m3 = 700.0;
  double co2_out_ppm = 400.0;
  double t_soil_out_c = 20.0;  // below the fifth soil layer
  /// Humidity ratio of saturated air at the outdoor wet-bulb temperature (kg water per kg dry
  /// air): the limit a wet pad brings the air to (Vanthoor 2011 Eq. 8.58, x_Pad).
  double x_pad_kg_kg = 0.0;
  // For controllers.
  double is_day = 0.0;             // 1 with the sun up, 0 at night (interpolated in between)
  double is_day_smooth = 0.0;      // the same, smooth
  double day_rad_sum_mj_m2 = 0.0;  // the whole local day's global radiation sum
  double time_of_day_h = 0.0;      // local standard time
  double day_of_year = 1.0;        // local, 1 on 1 January (fractional)
};

}  // namespace egin::greenhouse
