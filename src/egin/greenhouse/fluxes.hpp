// Fluxes<T>: the flows the climate rates report besides the state derivatives — those that cross
// the greenhouse's boundary (for the season totals and the energy, water and carbon balances,
// balances.hpp) and those a grower or a climate computer reads. Per m² of floor; heat and
// radiation W m⁻², vapour kg m⁻² s⁻¹, CO2 mg m⁻² s⁻¹, carbohydrate mg CH2O m⁻² s⁻¹.
#pragma once

namespace egin::greenhouse {

template <typename T>
struct Fluxes {
  // Energy into the greenhouse.
  T h_boil_pipe_w_m2{0.0};      // boiler to the pipe rail (Vanthoor Eq. 8.56)
  T h_boil_gro_pipe_w_m2{0.0};  // boiler to the grow pipes
  T h_blow_air_w_m2{0.0};       // direct air heater (Eq. 8.53)
  T q_lamp_in_w_m2{0.0};        // top-light electricity (Katzin 2021 Eq. 7.8)
  T q_int_lamp_in_w_m2{0.0};    // interlight electricity (Eq. 7.15)
  T r_sun_absorbed_w_m2{0.0};   // sunlight absorbed by canopy, floor, air and cover
  T h_pad_air_w_m2{0.0};        // sensible heat of the air entering through the pad (Eq. 8.60)
  // Energy out of the greenhouse.
  T r_sky_w_m2{0.0};          // long-wave to the sky, from every surface
  T h_cov_e_out_w_m2{0.0};    // convection from the cover to the outside air
  T h_vent_w_m2{0.0};         // sensible heat with ventilation and leakage (side, roof, fans)
  T h_air_out_pad_w_m2{0.0};  // sensible heat of the air leaving through the pad fans (Eq. 8.61)
  T h_so_out_w_m2{0.0};       // conduction into the deep soil
  T h_lamp_cool_w_m2{0.0};    // heat removed by lamp cooling (Katzin 2021 Eq. 7.34)
  // Vapour.
  T mv_can_air_kg_m2_s{0.0};          // transpiration (Eq. 8.47)
  T mv_fog_air_kg_m2_s{0.0};          // fog evaporated (Eq. 8.64)
  T mv_pad_air_kg_m2_s{0.0};          // vapour entering with the pad air (Eq. 8.58)
  T mv_pad_evaporation_kg_m2_s{0.0};  // of which evaporated from the pad (pad water use)
  T mv_blow_air_kg_m2_s{0.0};         // vapour from a direct air heater (Eq. 8.55)
  T mv_vent_kg_m2_s{0.0};             // vapour out with ventilation and leakage
  T mv_air_out_pad_kg_m2_s{0.0};      // vapour out through the pad fans (Eq. 8.62)
  T mv_condensation_kg_m2_s{0.0};     // on the cover and the screens
  // CO2.
  T mc_ext_air_mg_m2_s{0.0};   // CO2 dosing (Eq. 8.77)
  T mc_blow_air_mg_m2_s{0.0};  // CO2 from a direct air heater (Eq. 8.54)
  T mc_pad_air_mg_m2_s{0.0};   // CO2 exchange through the pad (p. 221)
  T mc_vent_mg_m2_s{0.0};      // CO2 out with ventilation and leakage
  T mc_air_can_mg_m2_s{0.0};   // net crop uptake
  // Crop.
  T mc_fruit_har_mg_m2_s{0.0};  // fruit harvest (CH2O)
  T mc_leaf_har_mg_m2_s{0.0};   // leaf pruning (CH2O)
  T lai{0.0};
  T par_can_umol_m2_s{0.0};  // PAR absorbed by the canopy (Katzin 2021 Eq. 7.27)
  // Ventilation (air exchange per m² floor).
  T f_vent_roof_m3_m2_s{0.0};
  T f_vent_side_m3_m2_s{0.0};
  T f_vent_forced_m3_m2_s{0.0};
  T f_pad_m3_m2_s{0.0};
  // Capacities that change with the state (for the balances): canopy heat capacity and the
  // vapour capacities of the two compartments.
  T cap_can_j_k_m2{0.0};
  T cap_vp_air_kg_m2_pa{0.0};
  T cap_vp_top_kg_m2_pa{0.0};
  T cap_cov_in_j_k_m2{0.0};
  T cap_cov_e_j_k_m2{0.0};
};

}  // namespace egin::greenhouse
