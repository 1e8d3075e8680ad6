// SPDX-License-Identifier: Apache-2.0
// The fast path of factsToJson(facts) (compact form): writes the text
// straight from the structs, without building an nlohmann DOM first
// (FactsJsonWriter.cpp).
#pragma once

#include "forksafe/Facts.h"

#include <string>

namespace forksafe::detail {

/// Writes F as nlohmann's dump() of the DOM that FactsJson.cpp builds would
/// (compact, keys sorted, ensure_ascii off), byte for byte. Returns false,
/// leaving Out unspecified, when a string is not valid UTF-8: the caller
/// then takes the DOM path, whose error handler decides what is written.
bool writeFactsFast(const TUFacts &F, std::string &Out);

/// The DOM path of factsToJson (FactsJson.cpp): the reference the fast
/// path must match.
std::string factsToJsonDom(const TUFacts &F, bool Pretty);

} // namespace forksafe::detail
