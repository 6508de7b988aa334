#include "egin/greenhouse/state.hpp"

namespace egin::greenhouse {

const std::array<StateInfo, kStateCount>& state_info() {
  static const std::array<StateInfo, kStateCount> kInfo = {{
      {"co2_air_mg_m3", "mg m-3", "CO2 concentration, main compartment"},
      {"co2_top_mg_m3", "mg m-3", "CO2 concentration, top compartment"},
      {"t_air_c", "degC", "air temperature, main compartment"},
      {"t_top_c", "degC", "air temperature, top compartment"},
      {"t_can_c", "degC", "canopy temperature"},
      {"t_cov_in_c", "degC", "cover temperature, inner side"},
      {"t_cov_e_c", "degC", "cover temperature, outer side"},
      {"t_th_scr_c", "degC", "thermal screen temperature"},
      {"t_bl_scr_c", "degC", "blackout screen temperature"},
      {"t_flr_c", "degC", "floor temperature"},
      {"t_so1_c", "degC", "soil layer 1 temperature"},
      {"t_so2_c", "degC", "soil layer 2 temperature"},
      {"t_so3_c", "degC", "soil layer 3 temperature"},
      {"t_so4_c", "degC", "soil layer 4 temperature"},
      {"t_so5_c", "degC", "soil layer 5 temperature"},
      {"t_pipe_c", "degC", "heating pipe temperature"},
      {"t_gro_pipe_c", "degC", "grow pipe temperature"},
      {"t_lamp_c", "degC", "top light temperature"},
      {"t_int_lamp_c", "degC", "interlight temperature"},
      {"vp_air_pa", "Pa", "vapour pressure, main compartment"},
      {"vp_top_pa", "Pa", "vapour pressure, top compartment"},
      {"t_can_24_c", "degC", "24-hour mean canopy temperature"},
      {"c_buf_mg_ch2o_m2", "mg CH2O m-2", "carbohydrate buffer"},
      {"c_leaf_mg_ch2o_m2", "mg CH2O m-2", "leaf carbohydrates"},
      {"c_stem_mg_ch2o_m2", "mg CH2O m-2", "stem carbohydrates"},
      {"c_fruit_mg_ch2o_m2", "mg CH2O m-2", "fruit carbohydrates"},
      {"t_can_sum_c_d", "degC d", "canopy temperature sum"},
  }};
  return kInfo;
}

StateVector greenlight_initial_state(InitialCrop crop) {
  StateVector x{};
  // greenhouse_vanthoor_2011_chapter_8.json and extension_greenhouse_katzin_2021_vanthoor_2011
  // .json "init" values (GreenLight 2.0).
  x[kCo2Air] = 722.0;
  x[kCo2Top] = 722.0;
  for (int i : {kTAir, kTTop, kTCovIn, kTCovE, kTThScr, kTBlScr, kTFlr, kTSo1, kTPipe, kTGroPipe,
                kTLamp, kTIntLamp}) {
    x[i] = 16.5;
  }
  x[kTSo2] = 13.364;
  x[kTSo3] = 10.228;
  x[kTSo4] = 7.092;
  x[kTSo5] = 3.956;
  x[kTCan] = 20.5;
  x[kTCan24] = 20.5;
  x[kVpAir] = 1681.91;
  x[kVpTop] = 1313.0;
  // crop_vanthoor_2011_chapter_9_simplified.json: 3.12 plants m⁻² of 2 g, 70/25/5 % leaf, stem,
  // fruit (GreenLight-1 setGlInit.m).
  x[kCBuf] = 20e3;
  if (crop == InitialCrop::kYoung) {
    x[kCLeaf] = 4368.0;
    x[kCStem] = 1560.0;
    x[kCFruit] = 312.0;
    x[kTCanSum] = 0.0;
  } else {
    x[kCLeaf] = 0.9e5;
    x[kCStem] = 2.5e5;
    x[kCFruit] = 2.8e5;
    x[kTCanSum] = 3000.0;
  }
  return x;
}

}  // namespace egin::greenhouse
