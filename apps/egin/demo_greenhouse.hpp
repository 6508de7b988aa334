// The demo farm's greenhouse (serve_demo.hpp): the twin under the climate computer, built from the
// farm file's design and weather and the controller settings of `settings_file` (the data
// directory's copy, which the settings editor rewrites), starting at `start_ms`.
#pragma once

#include <filesystem>
#include <memory>

#include "demo_farm_file.hpp"
#include "egin/runtime/site.hpp"
#include "egin/runtime/twin_greenhouse.hpp"

namespace egin::cli {

std::unique_ptr<runtime::TwinGreenhouse> make_demo_greenhouse(
    const DemoFarmFile& farm, const runtime::Site& site, TimeMs start_ms,
    const std::filesystem::path& settings_file);

}  // namespace egin::cli
