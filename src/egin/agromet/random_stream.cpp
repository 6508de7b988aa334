#include "egin/agromet/random_stream.hpp"

#include <cmath>

namespace egin::agromet {

double RandomStream::uniform() {
  const std::uint64_t k = engine_() >> 11;  // 53 bits
  return (static_cast<double>(k) + 0.5) * 0x1.0p-53;
}

double RandomStream::normal() {
  if (have_spare_normal_) {
    have_spare_normal_ = false;
    return spare_normal_;
  }
  // Marsaglia & Bray (1964): a point uniform in the unit disc, s = u² + v² in (0, 1).
  double u = 0.0;
  double v = 0.0;
  double s = 0.0;
  do {
    u = 2.0 * uniform() - 1.0;
    v = 2.0 * uniform() - 1.0;
    s = u * u + v * v;
  } while (s >= 1.0 || s == 0.0);
  const double factor = std::sqrt(-2.0 * std::log(s) / s);
  spare_normal_ = v * factor;
  have_spare_normal_ = true;
  return u * factor;
}

double RandomStream::gamma(double shape, double scale) {
  if (shape < 1.0) {
    // Marsaglia & Tsang (2000) Section 6: Gamma(a) = Gamma(a + 1) U^(1/a).
    const double boost = std::pow(uniform(), 1.0 / shape);
    return gamma(shape + 1.0, scale) * boost;
  }
  // Marsaglia & Tsang (2000): d = a − 1/3, c = 1/√(9d); x normal, v = (1 + c x)³;
  // accept d v if ln U < x²/2 + d − d v + d ln v (with the squeeze U < 1 − 0.0331 x⁴ first).
  const double d = shape - 1.0 / 3.0;
  const double c = 1.0 / std::sqrt(9.0 * d);
  for (;;) {
    double x = 0.0;
    double v = 0.0;
    do {
      x = normal();
      v = 1.0 + c * x;
    } while (v <= 0.0);
    v = v * v * v;
    const double u = uniform();
    const double x2 = x * x;
    if (u < 1.0 - 0.0331 * x2 * x2 || std::log(u) < 0.5 * x2 + d * (1.0 - v + std::log(v))) {
      return d * v * scale;
    }
  }
}

}  // namespace egin::agromet
