// Wind height conversion against FAO-56 Ch. 3 Example 14, Ch. 4 Example 18 and ASCE-FALN-D.
#include "egin/agromet/wind_speed.hpp"

#include <gtest/gtest.h>

namespace egin::agromet {
namespace {

TEST(WindSpeed, Fao56Example14) { EXPECT_NEAR(wind_speed_2m_m_s(3.2, 10.0), 2.4, 0.05); }

TEST(WindSpeed, Fao56Example18TenKmPerHourAt10m) {
  EXPECT_NEAR(wind_speed_2m_m_s(10.0 / 3.6, 10.0), 2.078, 0.0005);
}

TEST(WindSpeed, AsceFallon3m) {
  // ASCE-FALN-D: 4.80 mph at 3 m → u2 = 1.976112 m s⁻¹.
  EXPECT_NEAR(wind_speed_2m_m_s(4.80 * 0.44704, 3.0), 1.976112, 1e-6);
}

TEST(WindSpeed, ProfileProperties) {
  EXPECT_NEAR(wind_speed_2m_m_s(5.0, 2.0), 5.0, 0.002);  // the 2 m factor is 1.0002
  EXPECT_LT(wind_speed_2m_m_s(5.0, 10.0), wind_speed_2m_m_s(5.0, 3.0));
  EXPECT_GT(wind_speed_2m_m_s(5.0, 1.0), 5.0);
}

}  // namespace
}  // namespace egin::agromet
