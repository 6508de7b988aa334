#include "egin/accounts/login_limiter.hpp"

#include <algorithm>
#include <vector>

namespace egin::accounts {

namespace {

std::string user_key(std::string_view user) { return "u:" + std::string(user); }
std::string address_key(std::string_view address) { return "a:" + std::string(address); }

/// Seconds until a bucket at `level` holds one whole token again.
double seconds_to_one(double level, const BucketRule& rule) {
  if (level >= 1.0) {
    return 0.0;
  }
  return rule.refill_per_s > 0.0 ? (1.0 - level) / rule.refill_per_s : 1.0e9;
}

}  // namespace

LoginLimiter::LoginLimiter(LimiterOptions options) : options_(options) {}

double LoginLimiter::level_locked(const std::string& key, const BucketRule& rule,
                                  TimeMs now_ms) const {
  const auto found = buckets_.find(key);
  if (found == buckets_.end()) {
    return rule.capacity;
  }
  const double elapsed_s = static_cast<double>(std::max<TimeMs>(0, now_ms - found->second.at_ms)) /
                           static_cast<double>(kMsPerSecond);
  return std::min(rule.capacity, found->second.tokens + elapsed_s * rule.refill_per_s);
}

void LoginLimiter::take_locked(const std::string& key, const BucketRule& rule, TimeMs now_ms) {
  const double level = level_locked(key, rule, now_ms);
  buckets_[key] = Bucket{std::max(0.0, level - 1.0), now_ms};
}

double LoginLimiter::wait_s(std::string_view user, std::string_view address, TimeMs now_ms) {
  const std::lock_guard lock(mutex_);
  const double u =
      seconds_to_one(level_locked(user_key(user), options_.user, now_ms), options_.user);
  const double a = seconds_to_one(level_locked(address_key(address), options_.address, now_ms),
                                  options_.address);
  return std::max(u, a);
}

void LoginLimiter::record_failure(std::string_view user, std::string_view address, TimeMs now_ms) {
  const std::lock_guard lock(mutex_);
  take_locked(user_key(user), options_.user, now_ms);
  take_locked(address_key(address), options_.address, now_ms);
  if (buckets_.size() > options_.max_keys) {
    trim_locked(now_ms);
  }
}

void LoginLimiter::record_success(std::string_view user, TimeMs /*now_ms*/) {
  const std::lock_guard lock(mutex_);
  buckets_.erase(user_key(user));
}

void LoginLimiter::trim_locked(TimeMs now_ms) {
  // Full buckets say nothing a missing one would not: drop them first.
  std::erase_if(buckets_, [&](const auto& entry) {
    const BucketRule& rule = entry.first.starts_with("u:") ? options_.user : options_.address;
    return level_locked(entry.first, rule, now_ms) >= rule.capacity;
  });
  if (buckets_.size() <= options_.max_keys) {
    return;
  }
  // Still too many (a flood of names or addresses): keep the newest half.
  std::vector<TimeMs> times;
  times.reserve(buckets_.size());
  for (const auto& entry : buckets_) {
    times.push_back(entry.second.at_ms);
  }
  const auto mid = times.begin() + static_cast<std::ptrdiff_t>(times.size() / 2);
  std::nth_element(times.begin(), mid, times.end());
  const TimeMs cut = *mid;
  std::erase_if(buckets_, [cut](const auto& entry) { return entry.second.at_ms < cut; });
}

}  // namespace egin::accounts
