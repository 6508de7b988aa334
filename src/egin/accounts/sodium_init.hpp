// ensure_sodium: libsodium's one-time initialisation (sodium_init, safe to call from any thread
// and any number of times), called before every libsodium use in this library.
// It must not be used for anything else.
#pragma once

namespace egin::accounts {

/// Throws std::runtime_error when libsodium cannot initialise (no entropy source).
void ensure_sodium();

}  // namespace egin::accounts
