#include "egin/devices/command_authorisation.hpp"

#include <gtest/gtest.h>

namespace egin::devices {
namespace {

TEST(CommandAuthorisation, Glob) {
  EXPECT_TRUE(glob_match("panel-*", "panel-1"));
  EXPECT_TRUE(glob_match("*", ""));
  EXPECT_TRUE(glob_match("a*b*c", "axxbyyc"));
  EXPECT_FALSE(glob_match("a*b*c", "axxbyy"));
  EXPECT_TRUE(glob_match("controller:climate", "controller:climate"));
  EXPECT_FALSE(glob_match("controller:climate", "controller:climate2"));
}

TEST(CommandAuthorisation, TargetsLevelByLevel) {
  CommandAuthorisation auth;
  auth.targets = {"gh1/vents/*", "gh2/*/switch_1"};
  EXPECT_EQ(auth.check("gh1/vents/opener_1", "anyone"), "");
  EXPECT_EQ(auth.check("gh2/pumps/switch_1", "anyone"), "");
  EXPECT_NE(auth.check("gh2/pumps/switch_2", "anyone"), "");
  EXPECT_NE(auth.check("gh1/vents", "anyone"), "");      // too short
  EXPECT_NE(auth.check("gh1/vents/a/b", "anyone"), "");  // '*' does not cross '/'
  auth.requesters = {"panel-*"};
  EXPECT_EQ(auth.check("gh1/vents/opener_1", "panel-3"), "");
  EXPECT_NE(auth.check("gh1/vents/opener_1", "intruder").find("requester"), std::string::npos);
  EXPECT_NE(CommandAuthorisation{}.check("gh1/vents/opener_1", "x"), "");  // nothing allowed
}

}  // namespace
}  // namespace egin::devices
