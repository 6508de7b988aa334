#include "egin/accounts/sodium_init.hpp"

#include <sodium.h>

#include <stdexcept>

namespace egin::accounts {

void ensure_sodium() {
  // sodium_init() returns 0 the first time, 1 when already done, -1 on failure (libsodium docs,
  // "Usage"); it is thread-safe.
  if (sodium_init() < 0) {
    throw std::runtime_error("libsodium cannot initialise (no random source)");
  }
}

}  // namespace egin::accounts
