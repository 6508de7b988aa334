// NamedLibrary<Item>: parameter sets (crops, soils, …) of one kind, loaded from a directory of
// TOML files and found by name or alias under the one name rule of normalize_name() ("Sweet
// Pepper", "sweet_pepper" and "pepper" as an alias). It owns the items and checks that names and
// aliases are unique; it knows no file layout (the loader given to load_directory() does).
// An Item has `std::string name`, `std::vector<std::string> aliases`, `std::string source_file`.
#pragma once

#include <algorithm>
#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>
#include <system_error>
#include <utility>
#include <vector>

#include "egin/core/input_error.hpp"
#include "egin/core/toml_fields.hpp"

namespace egin {

template <typename Item>
class NamedLibrary {
 public:
  /// `kind` names one item in messages: "crop", "soil".
  explicit NamedLibrary(std::string kind) : kind_(std::move(kind)) {}

  /// Adds an item; a name or alias given twice, or already taken, throws InputError naming both
  /// files.
  void add(Item item) {
    const auto new_keys = keys_of(item);
    for (std::size_t i = 0; i < new_keys.size(); ++i) {
      for (std::size_t j = 0; j < i; ++j) {
        if (new_keys[i] == new_keys[j]) {
          throw InputError({item.source_file, 0, "aliases"},
                           "name or alias '" + new_keys[i] + "' is given twice",
                           "distinct names and aliases");
        }
      }
    }
    for (const Item& existing : items_) {
      for (const auto& k : keys_of(existing)) {
        if (std::find(new_keys.begin(), new_keys.end(), k) != new_keys.end()) {
          throw InputError({item.source_file, 0, "name"},
                           "name or alias '" + k + "' is already used by " + kind_ + " '" +
                               existing.name + "' (" + existing.source_file + ")",
                           "names and aliases unique across the " + kind_ + " directory");
        }
      }
    }
    items_.push_back(std::move(item));
  }

  /// nullptr when no item has that name or alias.
  [[nodiscard]] const Item* try_find(std::string_view name) const {
    const std::string key = normalize_name(name);
    for (const Item& item : items_) {
      for (const auto& k : keys_of(item)) {
        if (k == key) {
          return &item;
        }
      }
    }
    return nullptr;
  }

  /// The item called `name` (or with that alias); unknown names throw InputError listing the
  /// known ones.
  [[nodiscard]] const Item& find(std::string_view name) const {
    if (const Item* item = try_find(name)) {
      return *item;
    }
    throw InputError({"", 0, kind_}, "unknown " + kind_ + " '" + std::string(name) + "'",
                     "one of: " + join_names(names()));
  }

  /// Item names, sorted.
  [[nodiscard]] std::vector<std::string> names() const {
    std::vector<std::string> out;
    out.reserve(items_.size());
    for (const Item& item : items_) {
      out.push_back(item.name);
    }
    std::sort(out.begin(), out.end());
    return out;
  }

  [[nodiscard]] std::size_t size() const { return items_.size(); }
  [[nodiscard]] const std::vector<Item>& items() const { return items_; }

 protected:
  /// Adds every *.toml file of `dir`, in file-name order, read by `load(path)`. A missing
  /// directory or a bad file throws InputError.
  template <typename Loader>
  void add_directory(const std::filesystem::path& dir, Loader load) {
    std::error_code ec;
    if (!std::filesystem::is_directory(dir, ec)) {
      throw InputError({dir.string(), 0, ""}, "not a directory of " + kind_ + " files",
                       "a directory holding <" + kind_ + ">.toml files");
    }
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
      if (entry.is_regular_file() && entry.path().extension() == ".toml") {
        files.push_back(entry.path());
      }
    }
    if (ec) {
      throw InputError({dir.string(), 0, ""}, "cannot list the directory: " + ec.message(),
                       "a readable directory");
    }
    std::sort(files.begin(), files.end());
    for (const auto& file : files) {
      add(load(file));
    }
  }

 private:
  static std::vector<std::string> keys_of(const Item& item) {
    std::vector<std::string> keys{normalize_name(item.name)};
    for (const auto& a : item.aliases) {
      keys.push_back(normalize_name(a));
    }
    return keys;
  }

  std::string kind_;
  std::vector<Item> items_;
};

}  // namespace egin
