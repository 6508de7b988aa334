// RandomStream: the seeded random numbers of the weather generator, the same on every compiler
// and machine for a seed. The engine is std::mt19937_64, whose output the C++ standard fixes
// ([rand.predef]); the distributions are written here because the standard library's
// std::normal_distribution and std::gamma_distribution differ between implementations.
//   uniform  (k + 0.5) 2^-53 with k the top 53 bits of one draw: strictly inside (0, 1)
//   normal   Marsaglia & Bray (1964) polar method, the second value of each pair kept
//   gamma    Marsaglia & Tsang (2000), ACM TOMS 26(3) 363-372; shape < 1 by their boost
//            Gamma(a) = Gamma(a + 1) U^(1/a) (ibid., Section 6)
// It holds no global state; each generator run owns one stream.
#pragma once

#include <cstdint>
#include <random>

namespace egin::agromet {

class RandomStream final {
 public:
  explicit RandomStream(std::uint64_t seed) : engine_(seed) {}

  /// Uniform on the open interval (0, 1).
  double uniform();
  /// Standard normal N(0, 1).
  double normal();
  /// Gamma with `shape` (α > 0) and `scale` (θ > 0): mean α θ, variance α θ².
  double gamma(double shape, double scale);

 private:
  std::mt19937_64 engine_;
  bool have_spare_normal_ = false;
  double spare_normal_ = 0.0;
};

}  // namespace egin::agromet
