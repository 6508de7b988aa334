// GreenhouseDesign: everything that makes one greenhouse differ from another in the Vanthoor
// (2011) / Katzin (2021) model — construction, cover, screens, floor and soil, heating pipes, grow
// pipes, lamps, interlights, ventilation, CO2 supply, and the hot-climate equipment (direct air
// heater, fogging, pad-and-fan) — plus the tomato parameters. Values come from a design file
// (data/greenhouses/*.toml, read by design_toml.hpp; format in docs/formats/greenhouse-design.md).
// Capacities of equipment are per m² of floor (Vanthoor writes them per greenhouse and divides
// by A_Flr). The model constants that no design changes are in constants.hpp.
//
// | group         | Vanthoor 2011 / Katzin 2021 symbols                                          |
// |---------------|------------------------------------------------------------------------------|
// | construction  | A_Flr, A_Cov, h_Air, h_Gh, ψ, η_GlobAir, h_Elevation (Table 8.2)              |
// | cover         | τ/ρ PAR, NIR, FIR of the roof; ρ_Rf, c_p,Rf, h_Rf, λ_Rf; c_HEC,in/out1–3 |
// | whitewash     | the semi-permanent shading layer (ShScrPer): τ/ρ, ρ, c_p, h, λ                |
// | shade_screen  | the movable outdoor shading screen (ShScr): τ/ρ, η_ShScrCd, η_ShScrCw  |
// | thermal/blackout screen | τ/ρ, ε_FIR, ρ, c_p, h, K (screen air flux coefficient)             |
// | floor, soil   | ε_Flr, ρ_Flr PAR/NIR, ρ, c_p, h, λ_Flr; ρc_p,So, λ_So; deep soil temperature  |
// | pipes         | ε, φ_ext, φ_int, l, boiler capacity (heating pipes, grow pipes)               |
// | lamps         | Katzin 2021 Table 7.6 / 4.3: θ_LampMax, A_Lamp, τ, ρ, η_Par, η_Nir, ζ, c, ε   |
// | interlights   | Katzin 2021 Table 7.6                                                        |
// | ventilation   | A_Roof, A_Side, h_Vent, h_SideRoof, C_Dgh, C_Wgh, c_leakage, c_leakTop, ζ |
// | co2, heater, fog, pad_fan | φ_ExtCO2, P_Blow (+ CO2 and vapour release), φ_Fog, φ_Pad, η_Pad |
#pragma once

#include <string>

#include "egin/greenhouse/tomato.hpp"

namespace egin::greenhouse {

/// Shortwave (PAR, NIR) and long-wave (FIR) transmission and reflection of one layer.
struct OpticalProperties {
  double tau_par = 1.0;
  double rho_par = 0.0;
  double tau_nir = 1.0;
  double rho_nir = 0.0;
  double tau_fir = 1.0;
  double rho_fir = 0.0;
};

struct ConstructionDesign {
  double floor_area_m2 = 0.0;
  double cover_area_m2 = 0.0;    // cover including side walls
  double air_height_m = 0.0;     // main compartment, below the screens
  double mean_height_m = 0.0;    // mean height of the greenhouse
  double cover_slope_deg = 0.0;  // mean slope of the cover
  double eta_glob_air = 0.0;     // share of global radiation absorbed by the construction
  double elevation_m = 0.0;      // site altitude
};

struct CoverDesign {
  OpticalProperties optics;
  double density_kg_m3 = 0.0;
  double specific_heat_j_kg_k = 0.0;
  double thickness_m = 0.0;
  double conductivity_w_m_k = 0.0;
  double c_hec_in_w_m2_k = 0.0;    // inner convection, multiplies |ΔT|^0.33
  double c_hec_out1_w_m2_k = 0.0;  // outer convection c1 + c2 · wind^c3
  double c_hec_out2_j_m3_k = 0.0;
  double c_hec_out3 = 1.0;
};

struct WhitewashDesign {
  OpticalProperties optics;
  double density_kg_m3 = 0.0;
  double specific_heat_j_kg_k = 0.0;
  double thickness_m = 0.0;
  double conductivity_w_m_k = 1e10;
};

struct ShadeScreenDesign {
  OpticalProperties optics;
  double eta_discharge = 0.0;  // η_ShScrCd: effect on the discharge coefficient
  double eta_wind = 0.0;       // η_ShScrCw: effect on the wind pressure coefficient
};

struct ScreenDesign {
  OpticalProperties optics;
  double eps_fir = 0.0;
  double density_kg_m3 = 0.0;
  double specific_heat_j_kg_k = 0.0;
  double thickness_m = 0.0;
  double flux_coef_m3_m2_k_s = 0.0;  // K_ThScr / K_BlScr (Vanthoor Eq. 8.41)
};

struct FloorDesign {
  double eps_fir = 1.0;
  double rho_par = 0.0;
  double rho_nir = 0.0;
  double density_kg_m3 = 0.0;
  double specific_heat_j_kg_k = 0.0;
  double thickness_m = 0.0;
  double conductivity_w_m_k = 0.0;
};

struct SoilDesign {
  double volumetric_heat_capacity_j_m3_k = 0.0;
  double conductivity_w_m_k = 0.0;
  // The temperature below the fifth layer when the weather gives no t_soil_c: an annual sine.
  double deep_mean_c = 10.0;
  double deep_amplitude_k = 5.0;
  double deep_peak_doy = 228.0;
};

struct PipeDesign {
  double eps_fir = 0.0;
  double outer_diameter_m = 0.0;
  double inner_diameter_m = 0.0;
  double length_m_m2 = 0.0;
  double capacity_w_m2 = 0.0;  // boiler capacity for these pipes
};

struct LampDesign {
  double max_input_w_m2 = 0.0;  // electrical input at full power
  double area_m2_m2 = 0.0;      // lamp area per floor area
  double tau_par = 1.0;
  double tau_nir = 1.0;
  double tau_fir = 1.0;
  double rho_par = 0.0;
  double rho_nir = 0.0;
  double eta_par = 0.0;  // share of input emitted as PAR
  double eta_nir = 0.0;  // share emitted as NIR
  double par_umol_j = 0.0;
  double heat_capacity_j_k_m2 = 10.0;
  double c_hec_air_w_m2_k = 0.0;
  double eps_top = 0.0;
  double eps_bottom = 0.0;
  double eta_cool = 0.0;  // share of input removed by lamp cooling
};

struct InterlightDesign {
  double max_input_w_m2 = 0.0;
  double area_m2_m2 = 0.0;
  double eta_par = 0.0;
  double eta_nir = 0.0;
  double par_umol_j = 0.0;
  double heat_capacity_j_k_m2 = 10.0;
  double c_hec_air_w_m2_k = 0.0;
  double eps = 0.0;
  double tau_fir = 1.0;
  double down_fraction = 0.5;
  double k1_par = 1.4;
  double k2_par = 1.4;
  double k_fir = 1.88;
  double k_nir = 0.54;
  double vertical_position = 0.5;  // position in the canopy as a share of LAI from the top
};

struct VentilationDesign {
  double roof_area_m2 = 0.0;
  double side_area_m2 = 0.0;
  double vent_height_m = 0.0;       // vertical size of one roof opening
  double side_roof_height_m = 0.0;  // between the mid-points of side and roof openings
  double discharge_coef = 0.0;      // C_Dgh
  double wind_pressure_coef = 0.0;  // C_Wgh
  double leakage_coef = 0.0;        // c_leakage
  double leak_top_fraction = 0.5;   // c_leakTop: share of leakage through the top compartment
  double insect_screen_porosity = 1.0;
  double forced_capacity_m3_m2_s = 0.0;  // fan ventilation capacity φ_VentForced / A_Flr
};

struct HotClimateDesign {
  double air_heater_capacity_w_m2 = 0.0;  // P_Blow / A_Flr (direct air heater)
  double air_heater_co2_mg_j = 0.0;       // η_HeatCO2: 0.057 if flue gas enters; 0 if vented
  double air_heater_vapour_kg_j = 0.0;    // η_HeatVap: 4.43e-8 if flue gas enters
  double fog_capacity_kg_m2_s = 0.0;      // φ_Fog / A_Flr
  double pad_air_flow_m3_m2_s = 0.0;      // φ_Pad / A_Flr
  double pad_efficiency = 0.0;            // η_Pad, saturation efficiency of the pad
};

/// Which optional equipment the greenhouse has. Controls of equipment it lacks are held at 0,
/// and the absent parts exchange no heat (design_toml.hpp gives them inert parameters).
struct InstalledEquipment {
  bool whitewash = false;
  bool shade_screen = false;
  bool thermal_screen = false;
  bool blackout_screen = false;
  bool grow_pipes = false;
  bool lamps = false;
  bool interlights = false;
  bool air_heater = false;
  bool fogging = false;
  bool pad_fan = false;
};

struct GreenhouseDesign {
  std::string name;
  std::string description;
  std::string source;
  InstalledEquipment installed;
  ConstructionDesign construction;
  CoverDesign cover;
  WhitewashDesign whitewash;
  ShadeScreenDesign shade_screen;
  ScreenDesign thermal_screen;
  ScreenDesign blackout_screen;
  FloorDesign floor;
  SoilDesign soil;
  PipeDesign pipes;
  PipeDesign grow_pipes;
  LampDesign lamps;
  InterlightDesign interlights;
  VentilationDesign ventilation;
  double co2_capacity_mg_m2_s = 0.0;  // φ_ExtCO2 / A_Flr
  HotClimateDesign hot_climate;
  TomatoParameters crop;
};

}  // namespace egin::greenhouse
