// SPDX-License-Identifier: Apache-2.0
#include "forksafe/Cache.h"

#include "../Facts/FactsJsonReader.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"
#include "llvm/Support/xxhash.h"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <unistd.h>

namespace forksafe {

namespace {
// Facts nest about ten levels deep. Deeper values are not kept: a
// corrupt entry '[[[[...' a megabyte long overflowed the stack.
constexpr int MaxDepth = 64;

nlohmann::json parseLimited(llvm::StringRef Text, bool &TooDeep) {
  return nlohmann::json::parse(
      Text.begin(), Text.end(),
      [&](int Depth, nlohmann::json::parse_event_t, nlohmann::json &) {
        TooDeep |= Depth > MaxDepth;
        return Depth <= MaxDepth;
      },
      /*allow_exceptions=*/false);
}

/// An entry as store() writes it, {"inputs":[...],"facts":{...}}, read
/// without a DOM for the facts (most of it): true, with Inputs and Facts
/// set, when the inputs parse and the facts reader takes the facts. The
/// whole entry is then valid JSON and lookup() decides as it would from
/// the DOM. False for anything else, which lookup() parses whole.
bool readEntryFast(llvm::StringRef Text, nlohmann::json &Inputs,
                   TUFacts &Facts) {
  const llvm::StringRef Open = "{\"inputs\":", Sep = ",\"facts\":";
  if (!Text.starts_with(Open))
    return false;
  // No string holds an unescaped '"', so the first Sep is the key.
  size_t At = Text.find(Sep);
  if (At == llvm::StringRef::npos)
    return false;
  llvm::StringRef Rest = Text.substr(At + Sep.size()).rtrim(" \t\n\r");
  if (!Rest.ends_with("}"))
    return false;
  bool TooDeep = false;
  Inputs = parseLimited(Text.slice(Open.size(), At), TooDeep);
  if (Inputs.is_discarded() || TooDeep || !Inputs.is_array())
    return false;
  llvm::StringRef F = Rest.drop_back();
  return detail::readFactsFast(F.data(), F.size(), Facts);
}

std::string hex(uint64_t V) {
  char Buf[17];
  snprintf(Buf, sizeof Buf, "%016llx", static_cast<unsigned long long>(V));
  return Buf;
}
} // namespace

bool prepareCacheDir(const std::string &Dir, std::string &Error) {
  if (std::error_code EC = llvm::sys::fs::create_directories(Dir)) {
    Error = "cannot create cache directory '" + Dir + "': " + EC.message();
    return false;
  }
  if (access(Dir.c_str(), R_OK | W_OK | X_OK) != 0) {
    Error = "cache directory '" + Dir + "' is not readable and writable";
    return false;
  }
  return true;
}

FactsCache::FactsCache(std::string Dir, std::string Salt)
    : Dir(std::move(Dir)), Salt(std::move(Salt)) {}

std::string
FactsCache::entryPath(const clang::tooling::CompileCommand &C) const {
  std::string Key = Salt + "\n" + C.Directory + "\n" + C.Filename + "\n";
  for (const std::string &Arg : C.CommandLine)
    Key += Arg + '\0';
  std::string Name = hex(llvm::xxh3_64bits(Key));
  llvm::SmallString<256> P(Dir);
  llvm::sys::path::append(P, "facts-v" + std::to_string(FactsVersion),
                          Name.substr(0, 2), Name + ".json");
  return std::string(P.str());
}

std::string FactsCache::contentHash(const std::string &Path) {
  {
    std::lock_guard<std::mutex> Lock(HashesMutex);
    auto It = Hashes.find(Path);
    if (It != Hashes.end())
      return It->second;
  }
  // Hashed outside the lock; two threads may hash one file, to one result.
  auto remember = [&](std::string H) {
    std::lock_guard<std::mutex> Lock(HashesMutex);
    return Hashes.emplace(Path, std::move(H)).first->second;
  };
  // Only regular files: an entry naming /dev/zero or a FIFO (the paths in
  // an entry are input like the rest of it) would never finish reading.
  llvm::sys::fs::file_status Status;
  if (llvm::sys::fs::status(Path, Status) ||
      !llvm::sys::fs::is_regular_file(Status))
    return remember("missing");
  auto Buf = llvm::MemoryBuffer::getFile(Path, /*IsText=*/false,
                                         /*RequiresNullTerminator=*/false);
  std::string H = Buf ? hex(llvm::xxh3_64bits((*Buf)->getBuffer())) : "missing";
  return remember(H);
}

std::optional<TUFacts>
FactsCache::lookup(const clang::tooling::CompileCommand &Command,
                   std::string &Why) {
  std::string Path = entryPath(Command);
  auto Buf = llvm::MemoryBuffer::getFile(Path);
  if (!Buf) {
    Why = "not cached";
    return std::nullopt;
  }
  TUFacts Facts;
  nlohmann::json Inputs, J;
  bool Fast = readEntryFast((*Buf)->getBuffer(), Inputs, Facts);
  if (!Fast) {
    bool TooDeep = false;
    J = parseLimited((*Buf)->getBuffer(), TooDeep);
    if (J.is_discarded() || TooDeep || !J.is_object() ||
        !J.contains("inputs") || !J["inputs"].is_array() ||
        !J.contains("facts")) {
      Why = "corrupt cache entry " + Path + " ignored";
      return std::nullopt;
    }
    Inputs = std::move(J["inputs"]);
  }
  for (const nlohmann::json &In : Inputs) {
    if (!In.is_array() || In.size() != 2 || !In[0].is_string() ||
        !In[1].is_string()) {
      Why = "corrupt cache entry " + Path + " ignored";
      return std::nullopt;
    }
    if (contentHash(In[0].get<std::string>()) != In[1].get<std::string>()) {
      Why = In[0].get<std::string>() + " changed";
      return std::nullopt;
    }
  }
  std::string Error;
  if (!Fast && !factsFromJson(J["facts"], Facts, Error)) {
    Why = "cache entry " + Path + " ignored: " + Error;
    return std::nullopt;
  }
  return Facts;
}

bool FactsCache::store(const clang::tooling::CompileCommand &Command,
                       const TUFacts &Facts,
                       const std::vector<std::string> &Inputs,
                       std::string &Error) {
  std::string Path = entryPath(Command);
  llvm::SmallString<256> Parent(llvm::sys::path::parent_path(Path));
  if (std::error_code EC = llvm::sys::fs::create_directories(Parent)) {
    Error = "cannot write cache: " + EC.message();
    return false;
  }
  nlohmann::json In = nlohmann::json::array();
  for (const std::string &F : Inputs)
    In.push_back({F, contentHash(F)});
  std::string Text = "{\"inputs\":" + In.dump() +
                     ",\"facts\":" + factsToJson(Facts) + "}";
  // Write + rename: readers see the old entry or the new one, never half.
  std::string Tmp = Path + ".tmp." + std::to_string(getpid());
  {
    std::error_code EC;
    llvm::raw_fd_ostream OS(Tmp, EC);
    if (EC) {
      Error = "cannot write cache: " + EC.message();
      return false;
    }
    OS << Text;
    OS.close();
    if (OS.has_error()) {
      Error = "cannot write cache: " + OS.error().message();
      OS.clear_error();
      llvm::sys::fs::remove(Tmp);
      return false;
    }
  }
  if (std::error_code EC = llvm::sys::fs::rename(Tmp, Path)) {
    Error = "cannot write cache: " + EC.message();
    llvm::sys::fs::remove(Tmp);
    return false;
  }
  return true;
}

} // namespace forksafe
