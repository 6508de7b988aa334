// Outputs: what sensors and meters in a greenhouse would show at one instant — the quantities a
// climate computer or a node simulator reads from the twin — computed from the state, the
// controls in force and the outdoor conditions.
//
// | field                     | unit        | what                                        |
// |---------------------------|-------------|---------------------------------------------|
// | t_air_c, rh_air_pct       | °C, %       | air below the screens (RH by the model's e°(T)) |
// | vp_air_kpa, vpd_air_kpa   | kPa         | vapour pressure, deficit                    |
// | co2_air_ppm               | ppm         | CO2 at air temperature and 1 atm            |
// | t_can_c, t_top_c, t_cov_in_c, t_th_scr_c, t_flr_c, t_pipe_c, … | °C | surfaces     |
// | heating_w_m2              | W m⁻²       | boiler to pipes and grow pipes + air heater |
// | lamp_w_m2                 | W m⁻²       | electricity of top lights and interlights   |
// | co2_dosing_mg_m2_s        | mg m⁻² s⁻¹  | CO2 supplied                                |
// | transpiration_kg_m2_s     | kg m⁻² s⁻¹  | canopy transpiration                        |
// | ventilation_m3_m2_s       | m³ m⁻² s⁻¹  | roof + side + fans + pad air exchange       |
// | par_can_umol_m2_s, lai    | µmol m⁻² s⁻¹, m² m⁻² | PAR absorbed by the canopy, leaf area |
// | fruit_dm_g_m2             | g m⁻²       | fruit dry matter on the plants (CH2O)       |
// | controls                  | —           | the actuator positions in force             |
// | outdoor                   | —           | the weather at this instant                 |
#pragma once

#include "egin/greenhouse/controls.hpp"
#include "egin/greenhouse/fluxes.hpp"
#include "egin/greenhouse/model.hpp"
#include "egin/greenhouse/outdoor.hpp"
#include "egin/greenhouse/state.hpp"

namespace egin::greenhouse {

struct Outputs {
  double time_utc_s = 0.0;
  double t_air_c = 0.0;
  double rh_air_pct = 0.0;
  double vp_air_kpa = 0.0;
  double vpd_air_kpa = 0.0;
  double co2_air_ppm = 0.0;
  double t_can_c = 0.0;
  double t_top_c = 0.0;
  double t_cov_in_c = 0.0;
  double t_th_scr_c = 0.0;
  double t_flr_c = 0.0;
  double t_pipe_c = 0.0;
  double t_gro_pipe_c = 0.0;
  double t_lamp_c = 0.0;
  double heating_w_m2 = 0.0;
  double heat_pipe_w_m2 = 0.0;
  double heat_grow_pipe_w_m2 = 0.0;
  double lamp_w_m2 = 0.0;
  double co2_dosing_mg_m2_s = 0.0;
  double transpiration_kg_m2_s = 0.0;
  double ventilation_m3_m2_s = 0.0;
  double par_can_umol_m2_s = 0.0;
  double lai = 0.0;
  double fruit_dm_g_m2 = 0.0;
  double fruit_harvest_mg_m2_s = 0.0;
  Controls controls;
  OutdoorConditions outdoor;
};

/// Outputs at time `t_utc_s` for state `x` under controls `u` in weather `w`.
Outputs make_outputs(const GreenhouseModel& model, double t_utc_s, const StateVector& x,
                     const Controls& u, const OutdoorConditions& w);

}  // namespace egin::greenhouse
