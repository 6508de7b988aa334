// The limit a wet cooling pad brings outdoor air to: saturation at the outdoor wet-bulb
// temperature (Vanthoor 2011 Eq. 8.58 needs it as x_Pad). The wet bulb solves the psychrometer
// equation e = e°(Tw) − γ (T − Tw) with γ = 0.000662 P kPa °C⁻¹ (FAO-56 Eq. 15–16, ventilated
// psychrometer — the air moves through a pad), e° the model's saturation curve (physics.hpp).
// Humidity ratio x = (M_W / M_Air) e / (P − e) (Stanghellini et al. 2019 Eq. 4.3, 18/29).
#pragma once

namespace egin::greenhouse {

/// Wet-bulb temperature (°C) of air at t_c with vapour pressure vp_pa, at pressure_pa.
double wet_bulb_temperature_c(double t_c, double vp_pa, double pressure_pa = 101325.0);

/// Humidity ratio (kg water per kg dry air) of air with vapour pressure vp_pa.
double humidity_ratio_kg_kg(double vp_pa, double pressure_pa = 101325.0);

/// x_Pad: the humidity ratio of saturated air at the wet-bulb temperature of (t_c, vp_pa).
double pad_saturation_humidity_ratio_kg_kg(double t_c, double vp_pa, double pressure_pa = 101325.0);

}  // namespace egin::greenhouse
