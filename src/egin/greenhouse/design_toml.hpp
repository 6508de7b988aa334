// Reading greenhouse design files (data/greenhouses/*.toml; the format is
// docs/formats/greenhouse-design.md): one TOML table per part of the greenhouse, units in every
// key, each value range-checked, unknown keys rejected, every problem an InputError naming file,
// line and dotted key. A design may start from another (`base = "greenlight-venlo"`): then only
// the keys it gives change. Without a base every key of a present section is required; optional
// equipment (screens, whitewash, grow pipes, lamps, interlights, air heater, fogging, pad-and-fan)
// is absent when its section is, and is then inert. The file may also set the tomato parameters
// ([crop]) and the GreenLight controller's set points ([controller.greenlight]).
#pragma once

#include <filesystem>
#include <functional>
#include <string>
#include <string_view>

#include "egin/greenhouse/design.hpp"
#include "egin/greenhouse/greenlight_rules.hpp"

namespace egin::greenhouse {

struct DesignFile {
  GreenhouseDesign design;
  GreenLightRules greenlight;  // [controller.greenlight], Katzin 2021 defaults otherwise
};

/// Finds the design a `base` key names (a name in the designs directory, or a path relative to
/// the including file); throws InputError if there is none.
using DesignBaseResolver =
    std::function<DesignFile(const std::string& base, const std::string& from_file)>;

DesignFile parse_design_toml(std::string_view text, const std::string& source,
                             const DesignBaseResolver& resolve_base);

/// Reads `name_or_path`: a path to a .toml file, or the name of a design in `designs_dir`
/// (`<designs_dir>/<name>.toml`). Bases resolve the same way (relative to the including file
/// first). Throws InputError for unknown names, unreadable files and bad content.
DesignFile read_design(const std::string& name_or_path, const std::filesystem::path& designs_dir);

}  // namespace egin::greenhouse
