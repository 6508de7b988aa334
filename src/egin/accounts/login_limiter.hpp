// LoginLimiter: slows down password guessing — a token bucket per user name and one per client
// address. Every failed login takes a token from both; an attempt is refused (HTTP 429 with
// Retry-After) while either is empty, before the password is even checked. A success refills
// the user's bucket. Buckets refill continuously, so a locked-out person waits minutes, not
// hours, and an attacker gets a handful of guesses per hour per name.
//
// | option                 | default | meaning                                            |
// |------------------------|---------|----------------------------------------------------|
// | user.capacity          | 5       | failures in a row one user name may have           |
// | user.refill_per_s      | 1/60    | one more try per minute after that                 |
// | address.capacity       | 20      | failures one client address may have (many names)  |
// | address.refill_per_s   | 1/30    | one more try per 30 s after that                   |
// | max_keys               | 10000   | buckets kept; full (idle) ones are dropped first   |
//
// State is in memory (a restart forgets it; argon2id's cost still bounds guessing). Time is
// passed in. Thread-safe.
#pragma once

#include <cstddef>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

#include "egin/core/clock.hpp"

namespace egin::accounts {

struct BucketRule {
  double capacity = 5.0;
  double refill_per_s = 1.0 / 60.0;
};

struct LimiterOptions {
  BucketRule user{5.0, 1.0 / 60.0};
  BucketRule address{20.0, 1.0 / 30.0};
  std::size_t max_keys = 10000;
};

class LoginLimiter {
 public:
  explicit LoginLimiter(LimiterOptions options = {});

  /// Seconds to wait before `user` may try from `address` (0: now).
  [[nodiscard]] double wait_s(std::string_view user, std::string_view address, TimeMs now_ms);
  void record_failure(std::string_view user, std::string_view address, TimeMs now_ms);
  void record_success(std::string_view user, TimeMs now_ms);

 private:
  struct Bucket {
    double tokens = 0.0;
    TimeMs at_ms = 0;
  };
  double level_locked(const std::string& key, const BucketRule& rule, TimeMs now_ms) const;
  void take_locked(const std::string& key, const BucketRule& rule, TimeMs now_ms);
  void trim_locked(TimeMs now_ms);

  LimiterOptions options_;
  std::mutex mutex_;
  std::unordered_map<std::string, Bucket> buckets_;
};

}  // namespace egin::accounts
