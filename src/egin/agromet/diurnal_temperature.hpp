// The diurnal course of air temperature from the day's minimum and maximum: Parton & Logan
// (1981, Agric. Meteorol. 23, 205-216). By day, from the minimum at sunrise + c until sunset,
// a sine:  T = Tmin + (Tmax − Tmin) sin(π m / (Y + 2a)),  m hours after sunrise + c, Y the day
// length; it peaks at Tmax at sunrise + c + Y/2 + a, that is a + c hours after solar noon.
// By night, from the sunset temperature Tsn an exponential decay towards the NEXT day's
// minimum, reached at that day's sunrise + c. Parton & Logan write T = Tn + (Tsn − Tn) e^(−b n/Z)
// (n hours after sunset, Z the night's length); that curve stops short of Tn at the end of the
// night by (Tsn − Tn) e^(−b), so here it is rescaled to end exactly there:
//   T = Tn + (Tsn − Tn) (e^(−b n/Z) − e^(−b)) / (1 − e^(−b)),
// which makes the course continuous at sunset, through midnight and at sunrise.
// Parameters for air temperature at 150 cm, Parton & Logan 1981 Table 1: a = 1.86 h,
// b = 2.20, c = −0.17 h. Sun times from FAO-56 Eq. 24, 25, 31-34. Pure functions.
//
// | symbol | name                                         | unit |
// |--------|----------------------------------------------|------|
// | a      | lag of the maximum after solar noon (sine)   | h    |
// | b      | night-time decay coefficient                 | —    |
// | c      | lag of the minimum after sunrise             | h    |
// | Y, Z   | day and night length                         | h    |
// | Tsn    | temperature at sunset                        | °C   |
#pragma once

namespace egin::agromet {

struct PartonLoganParameters {
  double a_h = 1.86;   // Parton & Logan 1981 Table 1, air at 150 cm
  double b = 2.20;     // ibid.
  double c_h = -0.17;  // ibid.
};

/// Sunrise and sunset in local standard time, hours after local midnight.
struct SunTimes {
  double sunrise_h = 6.0;
  double sunset_h = 18.0;
};

/// FAO-56: δ (Eq. 24), ωs (Eq. 25), N = 24 ωs / π (Eq. 34), and solar noon where ω = 0 in
/// Eq. 31 written with universal time: t_utc = 12 − λ_east/15 − Sc (Eq. 32-33); local time is
/// t_utc + utc_offset_h. The day length is kept between 0.5 and 23.5 h so polar days and nights
/// still give a curve.
SunTimes sun_times(double latitude_deg, double longitude_deg_east, int doy, double utc_offset_h);

/// One day's inputs of the curve.
struct DayTemperature {
  double tmin_c = 0.0;
  double tmax_c = 0.0;
  SunTimes sun;
};

/// Temperature (°C) at `hour` (0 ≤ hour ≤ 24, local standard time) of `today`, with the
/// previous night coming from `yesterday` and the evening going towards `tomorrow`'s minimum.
double parton_logan_temperature_c(const DayTemperature& yesterday, const DayTemperature& today,
                                  const DayTemperature& tomorrow, double hour,
                                  const PartonLoganParameters& p = {});

}  // namespace egin::agromet
