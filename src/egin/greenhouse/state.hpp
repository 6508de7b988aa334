// The state vector of the greenhouse twin: the GreenLight state set (Katzin 2021 Eq. 7.1 and
// Vanthoor 2011 §8.3.3 and §9.4), in this order. A state is a plain double array indexed by
// StateIndex; names carry units.
//
// | index         | name                 | unit          | what                                  |
// |---------------|----------------------|---------------|---------------------------------------|
// | kCo2Air       | co2_air_mg_m3        | mg m⁻³        | CO2, main compartment (below screens) |
// | kCo2Top       | co2_top_mg_m3        | mg m⁻³        | CO2, top compartment (above screens)  |
// | kTAir         | t_air_c              | °C            | air, main compartment                 |
// | kTTop         | t_top_c              | °C            | air, top compartment                  |
// | kTCan         | t_can_c              | °C            | canopy                                |
// | kTCovIn       | t_cov_in_c           | °C            | cover, inner side                     |
// | kTCovE        | t_cov_e_c            | °C            | cover, outer side                     |
// | kTThScr       | t_th_scr_c           | °C            | thermal screen                        |
// | kTBlScr       | t_bl_scr_c           | °C            | blackout screen                       |
// | kTFlr         | t_flr_c              | °C            | floor                                 |
// | kTSo1…kTSo5   | t_so1_c … t_so5_c    | °C            | soil layers 1 (top) to 5              |
// | kTPipe        | t_pipe_c             | °C            | heating pipes (pipe rail)             |
// | kTGroPipe     | t_gro_pipe_c         | °C            | grow pipes (heating in the canopy)    |
// | kTLamp        | t_lamp_c             | °C            | top lights                            |
// | kTIntLamp     | t_int_lamp_c         | °C            | interlights                           |
// | kVpAir        | vp_air_pa            | Pa            | vapour pressure, main compartment     |
// | kVpTop        | vp_top_pa            | Pa            | vapour pressure, top compartment      |
// | kTCan24       | t_can_24_c           | °C            | 24-hour mean canopy temperature       |
// | kCBuf         | c_buf_mg_ch2o_m2     | mg CH2O m⁻²   | carbohydrate buffer                   |
// | kCLeaf        | c_leaf_mg_ch2o_m2    | mg CH2O m⁻²   | leaves                                |
// | kCStem        | c_stem_mg_ch2o_m2    | mg CH2O m⁻²   | stems and roots                       |
// | kCFruit       | c_fruit_mg_ch2o_m2   | mg CH2O m⁻²   | fruit on the plants                   |
// | kTCanSum      | t_can_sum_c_d        | °C d          | canopy temperature sum since planting |
#pragma once

#include <array>
#include <string_view>

#include "egin/greenhouse/scalar.hpp"

namespace egin::greenhouse {

enum StateIndex : int {
  kCo2Air = 0,
  kCo2Top,
  kTAir,
  kTTop,
  kTCan,
  kTCovIn,
  kTCovE,
  kTThScr,
  kTBlScr,
  kTFlr,
  kTSo1,
  kTSo2,
  kTSo3,
  kTSo4,
  kTSo5,
  kTPipe,
  kTGroPipe,
  kTLamp,
  kTIntLamp,
  kVpAir,
  kVpTop,
  kTCan24,
  kCBuf,
  kCLeaf,
  kCStem,
  kCFruit,
  kTCanSum,
  kStateEnd
};
static_assert(kStateEnd == kStateCount, "scalar.hpp's kStateCount must match the state list");

using StateVector = std::array<double, kStateCount>;

struct StateInfo {
  std::string_view name;  // with its unit, e.g. "t_air_c"
  std::string_view unit;
  std::string_view description;
};

/// Name, unit and description of every state, in StateIndex order.
const std::array<StateInfo, kStateCount>& state_info();

/// Which crop the run starts with: GreenLight's defaults (Katzin 2021; a young crop just
/// planted) or GreenLight-1's "isMature" state (runGreenLight.m) of a crop in full production.
enum class InitialCrop { kYoung, kMature };

/// GreenLight 2.0's initial state (Vanthoor 2011 chapter 8 file: 16.5 °C air and structure,
/// 20.5 °C canopy, soil 16.5 → 3.956 °C downwards, 1681.91 Pa ≈ 90 % RH, 722 mg m⁻³ ≈ 390 ppm;
/// crop file: buffer 20e3, leaves 4368, stems 1560, fruit 312 mg CH2O m⁻², sum 0 °C d), or with
/// the mature crop of GreenLight-1 (leaves 0.9e5, stems 2.5e5, fruit 2.8e5, sum 3000 °C d).
StateVector greenlight_initial_state(InitialCrop crop);

}  // namespace egin::greenhouse
