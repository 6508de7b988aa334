// The backend-independent TimeSeriesStore test suite: a value-parameterized fixture whose cases
// (store_conformance_test.cpp) every backend must pass. A backend instantiates it with a factory
// that returns a fresh, EMPTY store:
//
//   INSTANTIATE_TEST_SUITE_P(Sqlite, StoreConformance,
//                            ::testing::Values(StoreFactory{"sqlite", [] { return ...; }}),
//                            [](const auto& info) { return info.param.name; });
//
// It must not hold backend-specific checks (those live in each backend's own test file).
#pragma once

#include <gtest/gtest.h>

#include <functional>
#include <memory>
#include <ostream>
#include <string>

#include "egin/store/time_series_store.hpp"

namespace egin::store::testing {

/// A backend under test: a name (used as the test-name suffix, letters and digits only) and a
/// factory giving a fresh, empty store each time it is called.
struct StoreFactory {
  std::string name;
  std::function<std::unique_ptr<TimeSeriesStore>()> make;
};

inline std::ostream& operator<<(std::ostream& out, const StoreFactory& factory) {
  return out << factory.name;
}

/// Gives each test a fresh store in `store` (made in SetUp, destroyed in TearDown).
class StoreConformance : public ::testing::TestWithParam<StoreFactory> {
 protected:
  void SetUp() override {
    store = GetParam().make();
    ASSERT_NE(store, nullptr);
  }
  void TearDown() override { store.reset(); }

  std::unique_ptr<TimeSeriesStore> store;
};

/// Test-name generator for INSTANTIATE_TEST_SUITE_P: the factory's name.
inline std::string store_factory_name(const ::testing::TestParamInfo<StoreFactory>& info) {
  return info.param.name;
}

}  // namespace egin::store::testing
