#include "egin/core/version.hpp"

namespace egin {

std::string_view version() { return EGIN_VERSION; }

}  // namespace egin
