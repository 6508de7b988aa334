// The egin version string, set by the build from CMakeLists.txt's project() version.
#pragma once

#include <string_view>

namespace egin {

std::string_view version();

}  // namespace egin
