// Query parameters of the API read the one way every route reads them: ISO 8601 times
// (from, to), comma lists of channels (keys or ids), required parameters. Each failure is a
// BadRequest naming the parameter and the accepted form. It must not answer HTTP itself.
#pragma once

#include <httplib.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "egin/core/clock.hpp"
#include "egin/runtime/live_site.hpp"

namespace egin::server {

/// "a, b,,c" → {"a", "b", "c"}.
std::vector<std::string> split_list(std::string_view text);

/// The parameter's value; BadRequest "missing parameter 'name' (expected …)" when absent or empty.
std::string required_param(const httplib::Request& req, std::string_view name,
                           std::string_view expected);

/// An ISO 8601 time ("2026-11-28T10:00:00Z", "…+05:00", "2026-11-28"); nullopt when absent.
std::optional<TimeMs> time_param(const httplib::Request& req, std::string_view name);

/// The channels a comma list names (keys or ids), in order; 404 BadRequest for an unknown one,
/// 400 when the list is empty.
std::vector<runtime::ChannelInfo> channels_param(const httplib::Request& req,
                                                 const runtime::LiveSite& site,
                                                 std::string_view name);

}  // namespace egin::server
