#include "egin/devices/command_authorisation.hpp"

#include <fmt/format.h>

namespace egin::devices {

bool glob_match(std::string_view pattern, std::string_view text) {
  // Iterative wildcard match with one back-track point (the last '*').
  std::size_t p = 0;
  std::size_t t = 0;
  std::size_t star = std::string_view::npos;
  std::size_t mark = 0;
  while (t < text.size()) {
    if (p < pattern.size() && pattern[p] == '*') {
      star = p++;
      mark = t;
    } else if (p < pattern.size() && pattern[p] == text[t]) {
      ++p;
      ++t;
    } else if (star != std::string_view::npos) {
      p = star + 1;
      t = ++mark;
    } else {
      return false;
    }
  }
  while (p < pattern.size() && pattern[p] == '*') {
    ++p;
  }
  return p == pattern.size();
}

namespace {

// Level by level, so that '*' never crosses a '/'.
bool target_match(std::string_view pattern, std::string_view target) {
  for (;;) {
    const std::size_t ps = pattern.find('/');
    const std::size_t ts = target.find('/');
    if (!glob_match(pattern.substr(0, ps), target.substr(0, ts))) {
      return false;
    }
    if (ps == std::string_view::npos || ts == std::string_view::npos) {
      return ps == std::string_view::npos && ts == std::string_view::npos;
    }
    pattern.remove_prefix(ps + 1);
    target.remove_prefix(ts + 1);
  }
}

}  // namespace

std::string CommandAuthorisation::check(std::string_view target,
                                        std::string_view requested_by) const {
  bool target_ok = false;
  for (const std::string& pattern : targets) {
    if (target_match(pattern, target)) {
      target_ok = true;
      break;
    }
  }
  if (!target_ok) {
    return fmt::format(
        "'{}' may not be commanded through MQTT (the devices file's "
        "[mqtt_bridge] allow list)",
        target);
  }
  if (requesters.empty()) {
    return {};
  }
  for (const std::string& pattern : requesters) {
    if (glob_match(pattern, requested_by)) {
      return {};
    }
  }
  return fmt::format("requester '{}' is not in the devices file's [mqtt_bridge] requesters",
                     requested_by);
}

}  // namespace egin::devices
