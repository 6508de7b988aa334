#include "egin/agromet/humidity.hpp"

namespace egin::agromet {

double psychrometer_coefficient_per_c(PsychrometerVentilation ventilation) {
  switch (ventilation) {
    case PsychrometerVentilation::kVentilated:
      return 0.000662;  // FAO-56 Eq. 16 text, Asmann type
    case PsychrometerVentilation::kNatural:
      return 0.000800;  // FAO-56 Eq. 16 text, natural ventilation
    case PsychrometerVentilation::kIndoor:
      return 0.001200;  // FAO-56 Eq. 16 text, non-ventilated indoors
  }
  return 0.000662;
}

double ea_from_psychrometer_kpa(double t_dry_c, double t_wet_c, double pressure_kpa,
                                PsychrometerVentilation ventilation) {
  const double gamma_psy = psychrometer_coefficient_per_c(ventilation) * pressure_kpa;  // Eq. 16
  return saturation_vapour_pressure_kpa(t_wet_c) - gamma_psy * (t_dry_c - t_wet_c);     // Eq. 15
}

}  // namespace egin::agromet
