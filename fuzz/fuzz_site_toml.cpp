// libFuzzer target: arbitrary bytes to the site TOML reader. egin::InputError is the only
// accepted failure; any other exception, crash, leak or undefined behaviour is a bug. A site it
// accepts must pass check_site and survive write → parse unchanged.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "egin/core/input_error.hpp"
#include "egin/runtime/site_file.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  egin::runtime::Site site;
  try {
    site = egin::runtime::parse_site_toml(text, "fuzz.toml");
  } catch (const egin::InputError&) {
    return 0;
  }
  egin::runtime::check_site(site, "fuzz.toml");  // must not throw: parse applied the same rules
  const std::string written = egin::runtime::write_site_toml(site);
  const egin::runtime::Site back = egin::runtime::parse_site_toml(written, "written.toml");
  if (!egin::runtime::first_difference(site, back).empty() ||
      egin::runtime::write_site_toml(back) != written) {
    std::abort();
  }
  return 0;
}
