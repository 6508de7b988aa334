// Reads a greenhouse's controller settings from TOML (docs/formats/controller-settings.md; the
// shipped examples are data/controllers/*.toml). Every key carries its unit in its name and is
// checked against its accepted range; cross-field rules (start before end, thresholds in
// order, a band's minimum pipe below the maximum) are checked too; an unknown key is an error
// that lists the accepted ones. Every problem is an egin::InputError naming the file, the line,
// the dotted key and the accepted range. A table that is absent means the greenhouse lacks that
// equipment (no [lamps]: no lamps); [controller], [[bands]], [sensors] with t_air_c, rh_air_pct
// and t_out_c, [alarms] and [safety] are required.
#pragma once

#include <string>
#include <string_view>

#include "egin/control/settings.hpp"

namespace egin {
class FieldLog;  // core/toml_fields.hpp
}

namespace egin::control {

/// Parses settings text; `source_name` is the file name used in messages. With a `log`, every
/// key read is recorded there with its accepted range (control/settings_schema.hpp makes the
/// JSON Schema of the settings from it).
ControllerSettings parse_controller_settings(std::string_view text, const std::string& source_name,
                                             FieldLog* log = nullptr);

/// Reads and parses a file; a file that cannot be read is an InputError too.
ControllerSettings load_controller_settings(const std::string& path);

}  // namespace egin::control
