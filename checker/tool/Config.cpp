// SPDX-License-Identifier: Apache-2.0
#include "Config.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/YAMLTraits.h"

namespace {
struct RawConfig {
  std::optional<std::string> Checks, WarningsAsErrors, HeaderFilterRegex;
  std::optional<std::vector<std::string>> ExtraArgs, ExtraArgsBefore;
  std::map<std::string, std::string> CheckOptions;
  bool InheritParentConfig = false;
};
} // namespace


namespace llvm {
namespace yaml {
template <> struct CustomMappingTraits<std::map<std::string, std::string>> {
  static void inputOne(IO &IO, StringRef Key,
                       std::map<std::string, std::string> &M) {
    IO.mapRequired(Key.str().c_str(), M[Key.str()]);
  }
  static void output(IO &IO, std::map<std::string, std::string> &M) {
    for (auto &[K, V] : M)
      IO.mapRequired(K.c_str(), V);
  }
};

template <> struct MappingTraits<RawConfig> {
  static void mapping(IO &IO, RawConfig &C) {
    IO.mapOptional("Checks", C.Checks);
    IO.mapOptional("WarningsAsErrors", C.WarningsAsErrors);
    IO.mapOptional("HeaderFilterRegex", C.HeaderFilterRegex);
    IO.mapOptional("ExtraArgs", C.ExtraArgs);
    IO.mapOptional("ExtraArgsBefore", C.ExtraArgsBefore);
    IO.mapOptional("InheritParentConfig", C.InheritParentConfig);
    // The map form ({key: value}) that clang-tidy writes since LLVM 15.
    IO.mapOptional("CheckOptions", C.CheckOptions);
  }
};
} // namespace yaml
} // namespace llvm

bool parseTidyConfig(const std::string &Text, const std::string &Source,
                     TidyConfig &Out, std::string &Error) {
  RawConfig Raw;
  std::string Diag;
  llvm::yaml::Input In(Text, nullptr,
                       [](const llvm::SMDiagnostic &D, void *Ctx) {
                         auto *S = static_cast<std::string *>(Ctx);
                         if (S->empty())
                           *S = std::to_string(D.getLineNo()) + ":" +
                                std::to_string(D.getColumnNo() + 1) + ": " +
                                D.getMessage().str();
                       },
                       &Diag);
  In.setAllowUnknownKeys(true); // clang-tidy keys we do not use
  In >> Raw;
  if (In.error()) {
    Error = Source + (Diag.empty() ? ": malformed configuration" : ":" + Diag);
    return false;
  }
  Out.Checks = Raw.Checks;
  Out.WarningsAsErrors = Raw.WarningsAsErrors;
  Out.HeaderFilterRegex = Raw.HeaderFilterRegex;
  if (Raw.ExtraArgs)
    Out.ExtraArgs = *Raw.ExtraArgs;
  if (Raw.ExtraArgsBefore)
    Out.ExtraArgsBefore = *Raw.ExtraArgsBefore;
  Out.CheckOptions = Raw.CheckOptions;
  Out.InheritParentConfig = Raw.InheritParentConfig;
  Out.Source = Source;
  return true;
}

bool findTidyConfig(const std::string &Start, TidyConfig &Out,
                    std::string &Error) {
  llvm::SmallString<256> Dir(Start);
  llvm::sys::fs::make_absolute(Dir);
  std::vector<TidyConfig> Chain; // nearest first
  while (true) {
    llvm::SmallString<256> File(Dir);
    llvm::sys::path::append(File, ".clang-tidy");
    if (llvm::sys::fs::is_regular_file(File)) {
      auto Buf = llvm::MemoryBuffer::getFile(File);
      if (!Buf) {
        Error = std::string(File.str()) + ": " + Buf.getError().message();
        return false;
      }
      TidyConfig C;
      if (!parseTidyConfig(std::string((*Buf)->getBuffer()),
                           std::string(File.str()), C, Error))
        return false;
      Chain.push_back(C);
      if (!C.InheritParentConfig)
        break;
    }
    // Copy first: Parent points into Dir, which the assignment rewrites.
    std::string Parent = llvm::sys::path::parent_path(Dir).str();
    if (Parent.empty() || Parent == Dir.str())
      break;
    Dir = Parent;
  }
  // Parents first, the nearest file overrides.
  for (auto It = Chain.rbegin(); It != Chain.rend(); ++It) {
    if (It->Checks)
      Out.Checks = Out.Checks ? *Out.Checks + "," + *It->Checks : *It->Checks;
    if (It->WarningsAsErrors)
      Out.WarningsAsErrors = It->WarningsAsErrors;
    if (It->HeaderFilterRegex)
      Out.HeaderFilterRegex = It->HeaderFilterRegex;
    for (auto &[K, V] : It->CheckOptions)
      Out.CheckOptions[K] = V;
    Out.ExtraArgs.insert(Out.ExtraArgs.end(), It->ExtraArgs.begin(),
                         It->ExtraArgs.end());
    Out.ExtraArgsBefore.insert(Out.ExtraArgsBefore.end(),
                               It->ExtraArgsBefore.begin(),
                               It->ExtraArgsBefore.end());
    Out.Source = It->Source;
  }
  return true;
}
