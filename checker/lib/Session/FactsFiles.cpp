// SPDX-License-Identifier: Apache-2.0
// Where the engine's inputs are on disk: facts files (a file or a directory
// tree of them) and the bundled rules next to the binary.
#include "forksafe/Session.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"

#include <algorithm>
#include <atomic>
#include <thread>

namespace forksafe {

std::string defaultRulesDirFor(const std::string &BinaryPath) {
  // Installed: <prefix>/bin/forksafe or <prefix>/<libdir>/<plugin>.so, with
  // libdir lib or lib/<multiarch>; the rules in <prefix>/share/forksafe.
  llvm::SmallString<256> Path(BinaryPath);
  llvm::sys::fs::make_absolute(Path);
  llvm::StringRef Up = llvm::sys::path::parent_path(Path);
  for (int Depth = 0; Depth < 3 && !Up.empty(); ++Depth) {
    Up = llvm::sys::path::parent_path(Up);
    llvm::SmallString<256> Candidate(Up);
    llvm::sys::path::append(Candidate, "share", "forksafe", "rules");
    if (llvm::sys::fs::is_directory(Candidate))
      return std::string(Candidate.str());
  }
  return FORKSAFE_SOURCE_RULES_DIR; // running from the build tree
}

bool findFactsFiles(const std::string &Path, std::vector<std::string> &Out,
                    std::string &Error) {
  if (!llvm::sys::fs::is_directory(Path)) {
    if (!llvm::sys::fs::exists(Path)) {
      Error = "no such facts file or directory: '" + Path + "'";
      return false;
    }
    Out.push_back(Path);
    return true;
  }
  std::vector<std::string> Found;
  std::error_code EC;
  for (llvm::sys::fs::recursive_directory_iterator It(Path, EC), End;
       It != End && !EC; It.increment(EC))
    if (llvm::StringRef(It->path()).ends_with(".facts.json"))
      Found.push_back(It->path());
  if (EC) {
    Error = "cannot read facts directory '" + Path + "': " + EC.message();
    return false;
  }
  std::sort(Found.begin(), Found.end());
  Out.insert(Out.end(), Found.begin(), Found.end());
  return true;
}

std::vector<TUFacts> readFactsFiles(const std::vector<std::string> &Paths,
                                    unsigned Jobs,
                                    std::vector<FactsFileError> &Errors) {
  // Parsing the files is most of a link's time: spread it over Jobs
  // threads, then keep the files' order.
  std::vector<TUFacts> Loaded(Paths.size());
  std::vector<std::string> Why(Paths.size());
  std::vector<char> Ok(Paths.size(), 0);
  std::atomic<size_t> Next{0};
  auto load = [&] {
    for (size_t I; (I = Next++) < Paths.size();) {
      auto Buf = llvm::MemoryBuffer::getFile(Paths[I]);
      if (!Buf)
        Why[I] = Buf.getError().message();
      else
        Ok[I] = factsFromJson(std::string((*Buf)->getBuffer()), Loaded[I],
                              Why[I]);
    }
  };
  std::vector<std::thread> Threads;
  for (unsigned T = 1; T < std::min<size_t>(std::max(1u, Jobs), Paths.size());
       ++T)
    Threads.emplace_back(load);
  load();
  for (std::thread &T : Threads)
    T.join();
  std::vector<TUFacts> Out;
  for (size_t I = 0; I < Paths.size(); ++I) {
    if (Ok[I])
      Out.push_back(std::move(Loaded[I]));
    else
      Errors.push_back({Paths[I], Why[I]});
  }
  return Out;
}

} // namespace forksafe
