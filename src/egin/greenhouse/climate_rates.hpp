// The rates of the greenhouse twin: dx/dt of every state (state.hpp) from the state, the outdoor
// conditions and the controls — the Vanthoor (2011) chapter 8 climate model with the extensions
// of Katzin (2020, 2021: lamps, interlights, grow pipes, blackout screen, leakage through the top
// compartment), the simplified Vanthoor tomato model (tomato.hpp), and the hot-climate inputs of
// this twin (fogging, pad-and-fan, fans, direct air heater — all Vanthoor 2011 §8.10). It is the
// model GreenLight 2.0 solves (katzin_2021 definition files), equation for equation; each term
// cites its equation in climate_rates.cpp.
//
// Heat balances (W m⁻², Katzin 2021 Eq. 7.1; Vanthoor Eq. 8.1–8.9):
//   cap_i dT_i/dt = Σ fluxes into node i − Σ fluxes out, for canopy, air, top air, floor, five
//   soil layers, thermal and blackout screens, cover (inner, outer), pipes, grow pipes, lamps and
//   interlights.
// Vapour (Vanthoor Eq. 8.10–8.11, Katzin 2021 Eq. 7.40), CO2 (Eq. 8.12–8.13), crop (tomato.hpp).
//
// Instantiated for double and AdScalar (scalar.hpp). Pure: no state is kept between calls.
#pragma once

#include "egin/greenhouse/controls.hpp"
#include "egin/greenhouse/fluxes.hpp"
#include "egin/greenhouse/model.hpp"
#include "egin/greenhouse/outdoor.hpp"
#include "egin/greenhouse/scalar.hpp"

namespace egin::greenhouse {

/// Time constant (s) with which an imposed pipe temperature is tracked (ControlsT::t_pipe_set_c).
inline constexpr double kPipeTrackingTimeS = 60.0;

/// Writes dx/dt (kStateCount values, state units per second) for state `x`; fills `fluxes` when
/// it is not null.
template <typename T>
void climate_rates(const GreenhouseModel& model, const T* x, const OutdoorConditions& w,
                   const ControlsT<T>& u, T* dxdt, Fluxes<T>* fluxes);

extern template void climate_rates<double>(const GreenhouseModel&, const double*,
                                           const OutdoorConditions&, const ControlsT<double>&,
                                           double*, Fluxes<double>*);
extern template void climate_rates<AdScalar>(const GreenhouseModel&, const AdScalar*,
                                             const OutdoorConditions&, const ControlsT<AdScalar>&,
                                             AdScalar*, Fluxes<AdScalar>*);

}  // namespace egin::greenhouse
