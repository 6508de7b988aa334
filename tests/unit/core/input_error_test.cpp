#include "egin/core/input_error.hpp"

#include <gtest/gtest.h>

namespace egin {
namespace {

TEST(InputError, NamesFileLineFieldAndRange) {
  const InputError e({"weather.csv", 12, "rh_max_pct"}, "value 130 is out of range", "0 to 100");
  EXPECT_STREQ(e.what(),
               "weather.csv:12: field 'rh_max_pct': value 130 is out of range (expected 0 to 100)");
  EXPECT_EQ(e.where().line, 12);
}

TEST(InputError, OmitsWhatIsNotKnown) {
  EXPECT_STREQ(InputError({}, "no weather rows").what(), "no weather rows");
  EXPECT_STREQ(InputError({"f.toml", 0, ""}, "unknown crop 'x'").what(),
               "f.toml: unknown crop 'x'");
  EXPECT_STREQ(InputError({"", 3, "kc"}, "bad").what(), "line 3: field 'kc': bad");
}

}  // namespace
}  // namespace egin
