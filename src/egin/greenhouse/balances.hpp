// Energy, water and carbon stores of the twin and the flows across its boundary, for season
// totals and for checking that the model conserves what it should.
//
// | balance | store                                  | boundary flows                         |
// |---------|----------------------------------------|----------------------------------------|
// | energy  | Σ cap_i T_i over the heat nodes        | in: heating, lamps, sunlight absorbed, |
// |         | + ΔH (m_vp,air + m_vp,top), J m⁻²      | pad air; out: long-wave to the sky,    |
// |         |                                        | cover convection, ventilation (and ΔH  |
// |         |                                        | of its vapour), pad fans, deep soil,   |
// |         |                                        | lamp cooling                           |
// | water   | m_vp = cap_VP,Air VP_Air               | in: transpiration, fog, pad, heater;   |
// |         | + cap_VP,Top VP_Top, kg m⁻²            | out: condensation, ventilation, fans   |
// | carbon  | h_Air CO2_Air + (h_Gh − h_Air) CO2_Top | in: dosing, heater, pad; out:          |
// |         | + M_CO2/M_CH2O Σ crop CH2O, mg CO2 m⁻² | ventilation, harvest (as CO2)          |
//
// The model's heat balances use capacities that change with the state (the canopy's with LAI,
// Vanthoor Eq. 8.20; the vapour capacities with air temperature, Eq. 8.25) but integrate
// cap · dT/dt, not d(cap · T)/dt. So d(store)/dt = boundary + capacity_change, with
// capacity_change = T_Can dcap_Can/dt + ΔH Σ VP dcap_VP/dt (energy) and Σ VP dcap_VP/dt (water),
// which are reported separately so a balance closes exactly.
#pragma once

#include "egin/greenhouse/controls.hpp"
#include "egin/greenhouse/fluxes.hpp"
#include "egin/greenhouse/model.hpp"
#include "egin/greenhouse/scalar.hpp"
#include "egin/greenhouse/state.hpp"

namespace egin::greenhouse {

/// Energy held by the greenhouse (J m⁻², relative to 0 °C and liquid water).
double energy_store_j_m2(const GreenhouseModel& model, const double* x, const Controls& u);
/// Water vapour held in the two air compartments (kg m⁻²).
double water_store_kg_m2(const GreenhouseModel& model, const double* x);
/// CO2 in the air plus crop carbohydrates as CO2 (mg CO2 m⁻²).
double carbon_store_mg_co2_m2(const GreenhouseModel& model, const double* x);

// The flows below are templates on the scalar type (double, and AdScalar for the twin's
// derivative of its totals' integrands, twin.cpp), instantiated in balances.cpp.

/// Net energy into the greenhouse across its boundary (W m⁻²).
template <typename T>
T energy_boundary_w_m2(const Fluxes<T>& f);
/// T_Can dcap_Can/dt + ΔH (VP_Air dcap_VP,Air/dt + VP_Top dcap_VP,Top/dt) (W m⁻²).
template <typename T>
T energy_capacity_change_w_m2(const GreenhouseModel& model, const T* x, const T* dxdt,
                              const Fluxes<T>& f);
/// Net water vapour into the air (kg m⁻² s⁻¹).
template <typename T>
T water_boundary_kg_m2_s(const Fluxes<T>& f);
/// VP_Air dcap_VP,Air/dt + VP_Top dcap_VP,Top/dt (kg m⁻² s⁻¹).
template <typename T>
T water_capacity_change_kg_m2_s(const T* x, const T* dxdt, const Fluxes<T>& f);
/// Net CO2 into the greenhouse, harvest counted as CO2 leaving (mg m⁻² s⁻¹).
template <typename T>
T carbon_boundary_mg_co2_m2_s(const GreenhouseModel& model, const Fluxes<T>& f);

}  // namespace egin::greenhouse
