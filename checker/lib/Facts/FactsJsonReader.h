// SPDX-License-Identifier: Apache-2.0
// The fast path of factsFromJson(text): a reader specialised to the facts
// layout that fills a TUFacts straight from the text, without building an
// nlohmann DOM first (FactsJsonReader.cpp).
#pragma once

#include "forksafe/Facts.h"

#include <cstddef>

namespace forksafe::detail {

/// Reads facts written in the usual shape. Returns false, leaving Out alone,
/// for anything else: malformed JSON, a value of an unexpected type or
/// range, a duplicate key, an unsupported version, an invalid CFG... The
/// caller then parses the text with nlohmann and converts the DOM, which
/// decides whether it loads and says why not. So when this returns true,
/// Out is exactly what that path would have produced.
bool readFactsFast(const char *Begin, size_t Size, TUFacts &Out);

} // namespace forksafe::detail
