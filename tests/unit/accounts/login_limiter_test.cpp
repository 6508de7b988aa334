// LoginLimiter: five failures lock a name for about a minute per further try, twenty lock an
// address across names, a success frees the name, buckets refill with time, and the table stays
// bounded under a flood of names.
#include "egin/accounts/login_limiter.hpp"

#include <gtest/gtest.h>

#include <string>

namespace egin::accounts {
namespace {

constexpr TimeMs kT0 = 1'790'000'000'000;

TEST(LoginLimiter, FiveFailuresThenOneTryPerMinute) {
  LoginLimiter limiter;
  for (int i = 0; i < 5; ++i) {
    EXPECT_EQ(limiter.wait_s("aigerim", "10.0.0.1", kT0), 0.0) << i;
    limiter.record_failure("aigerim", "10.0.0.1", kT0);
  }
  EXPECT_NEAR(limiter.wait_s("aigerim", "10.0.0.1", kT0), 60.0, 1e-9);
  EXPECT_NEAR(limiter.wait_s("aigerim", "10.0.0.2", kT0), 60.0, 1e-9);  // the name, any address
  EXPECT_EQ(limiter.wait_s("bolat", "10.0.0.1", kT0), 0.0);             // others go on
  EXPECT_NEAR(limiter.wait_s("aigerim", "10.0.0.1", kT0 + 45 * kMsPerSecond), 15.0, 1e-9);
  EXPECT_EQ(limiter.wait_s("aigerim", "10.0.0.1", kT0 + 60 * kMsPerSecond), 0.0);
  limiter.record_failure("aigerim", "10.0.0.1", kT0 + 60 * kMsPerSecond);
  EXPECT_NEAR(limiter.wait_s("aigerim", "10.0.0.1", kT0 + 60 * kMsPerSecond), 60.0, 1e-9);
}

TEST(LoginLimiter, ASuccessFreesTheName) {
  LoginLimiter limiter;
  for (int i = 0; i < 5; ++i) {
    limiter.record_failure("dana", "a", kT0);
  }
  EXPECT_GT(limiter.wait_s("dana", "b", kT0), 0.0);
  limiter.record_success("dana", kT0);
  EXPECT_EQ(limiter.wait_s("dana", "b", kT0), 0.0);
}

TEST(LoginLimiter, AnAddressTryingManyNamesIsStopped) {
  LoginLimiter limiter;
  for (int i = 0; i < 20; ++i) {
    EXPECT_EQ(limiter.wait_s("user" + std::to_string(i), "203.0.113.9", kT0), 0.0) << i;
    limiter.record_failure("user" + std::to_string(i), "203.0.113.9", kT0);
  }
  EXPECT_NEAR(limiter.wait_s("fresh-name", "203.0.113.9", kT0), 30.0, 1e-9);
  EXPECT_EQ(limiter.wait_s("fresh-name", "198.51.100.1", kT0), 0.0);
}

TEST(LoginLimiter, StaysBoundedUnderAFloodOfNames) {
  LimiterOptions options;
  options.max_keys = 100;
  LoginLimiter limiter(options);
  for (int i = 0; i < 1000; ++i) {
    limiter.record_failure("n" + std::to_string(i), "a" + std::to_string(i), kT0 + i);
  }
  // The newest failures are still counted after the trims.
  for (int i = 0; i < 4; ++i) {
    limiter.record_failure("n999", "x", kT0 + 1000);
  }
  EXPECT_GT(limiter.wait_s("n999", "y", kT0 + 1000), 0.0);
}

}  // namespace
}  // namespace egin::accounts
