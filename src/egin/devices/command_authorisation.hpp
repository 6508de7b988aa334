// Who may command which actuator through MQTT, by configuration: a list of target patterns
// "zone/device/actuator" (each level a name or '*', "gh1/vents/*") and an optional list of
// requester patterns ("panel-*", "controller:climate"; '*' matches any run of characters).
// An MQTT command is allowed only when its target matches a target pattern and, when requester
// patterns are given, its `requested_by` matches one. (The HTTP API has its own roles; the
// broker's ACLs say who may publish on cmd topics at all.) Pure.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace egin::devices {

struct CommandAuthorisation {
  std::vector<std::string> targets;     // empty: nothing may be commanded
  std::vector<std::string> requesters;  // empty: any requester

  /// "" when allowed, else the reason.
  [[nodiscard]] std::string check(std::string_view target, std::string_view requested_by) const;
};

/// '*' matches any (possibly empty) run of characters; everything else itself.
bool glob_match(std::string_view pattern, std::string_view text);

}  // namespace egin::devices
