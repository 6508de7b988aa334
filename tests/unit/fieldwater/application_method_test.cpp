// Application methods: FAO-56 Table 20 wetted fractions and FAO field application
// efficiencies by name and alias, and the net/gross/volume arithmetic (1 mm on 1 ha = 10 m³).
#include "egin/fieldwater/application_method.hpp"

#include <gtest/gtest.h>

#include <string>

namespace egin::fieldwater {
namespace {

TEST(ApplicationMethod, TableTwentyAndFaoEfficiencies) {
  const auto* furrow = find_application_method("Furrow");
  ASSERT_NE(furrow, nullptr);
  EXPECT_DOUBLE_EQ(furrow->efficiency_pct, 60.0);
  EXPECT_DOUBLE_EQ(furrow->fw, 0.8);  // Table 20 narrow bed 0.6-1.0
  const auto* drip = find_application_method("trickle");
  ASSERT_NE(drip, nullptr);
  EXPECT_EQ(drip->method, ApplicationMethod::kDrip);
  EXPECT_DOUBLE_EQ(drip->efficiency_pct, 90.0);
  EXPECT_DOUBLE_EQ(drip->fw, 0.35);  // Table 20 trickle 0.3-0.4
  EXPECT_DOUBLE_EQ(find_application_method("sprinkler")->efficiency_pct, 75.0);
  EXPECT_EQ(find_application_method("micro_sprinkler")->method, ApplicationMethod::kMicroSprinkler);
  EXPECT_EQ(find_application_method("flood"), nullptr);
  EXPECT_NE(application_method_names().find("furrow-alternate"), std::string::npos);
}

TEST(ApplicationMethod, NetGrossAndVolume) {
  EXPECT_NEAR(gross_depth_mm(62.0, 70.0), 88.571428571, 1e-9);  // 62 / 0.7
  EXPECT_NEAR(net_depth_mm(88.571428571, 70.0), 62.0, 1e-8);
  EXPECT_DOUBLE_EQ(volume_m3(1.0, 1.0), 10.0);  // 1 mm on 1 ha = 10 m³
  EXPECT_NEAR(volume_m3(88.571428571, 1.0), 885.71428571, 1e-7);
  EXPECT_NEAR(volume_m3(50.0, 2.5), 1250.0, 1e-12);
}

}  // namespace
}  // namespace egin::fieldwater
