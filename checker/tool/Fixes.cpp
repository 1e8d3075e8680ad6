// SPDX-License-Identifier: Apache-2.0
#include "Fixes.h"

#include "llvm/Support/MemoryBuffer.h"

#include <algorithm>
#include <fstream>
#include <map>
#include <set>

using namespace forksafe;

namespace {

struct Replacement {
  std::string File;
  size_t Offset = 0, Length = 0;
  std::string Text;
  bool operator<(const Replacement &O) const {
    return std::tie(File, Offset) < std::tie(O.File, O.Offset);
  }
};

/// Byte offset of a 1-based line/column in Text, or npos.
size_t offsetOf(const std::string &Text, unsigned Line, unsigned Column) {
  size_t Pos = 0;
  for (unsigned L = 1; L < Line; ++L) {
    Pos = Text.find('\n', Pos);
    if (Pos == std::string::npos)
      return Pos;
    ++Pos;
  }
  return Pos + Column - 1 <= Text.size() ? Pos + Column - 1 : std::string::npos;
}

class SourceCache {
public:
  const std::string *get(const std::string &File) {
    auto It = Files.find(File);
    if (It != Files.end())
      return &It->second;
    auto Buf = llvm::MemoryBuffer::getFile(File);
    if (!Buf)
      return nullptr;
    return &(Files[File] = std::string((*Buf)->getBuffer()));
  }

private:
  std::map<std::string, std::string> Files;
};

/// The replacements of one finding; a note whose text at its location is not
/// what the fix expects (a macro, an edited file) gives none.
std::vector<Replacement> replacementsOf(const Finding &F, SourceCache &Sources) {
  std::vector<Replacement> Out;
  for (const Note &N : F.Notes) {
    if (N.FixFrom.empty())
      continue;
    const std::string *Text = Sources.get(N.Loc.File);
    if (!Text)
      continue;
    size_t Off = offsetOf(*Text, N.Loc.Line, N.Loc.Column);
    if (Off == std::string::npos ||
        Text->compare(Off, N.FixFrom.size(), N.FixFrom) != 0)
      continue;
    Out.push_back({N.Loc.File, Off, N.FixFrom.size(), N.FixTo});
  }
  return Out;
}

std::string yamlQuote(const std::string &S) {
  std::string Q = "'";
  for (char C : S)
    Q += C == '\'' ? std::string("''") : std::string(1, C);
  return Q + "'";
}

} // namespace

bool exportFixes(const std::string &Path, const std::vector<Finding> &Findings,
                 std::string &Error) {
  SourceCache Sources;
  std::ofstream Out(Path, std::ios::binary | std::ios::trunc);
  if (!Out) {
    Error = "cannot write '" + Path + "'";
    return false;
  }
  // tooling::TranslationUnitDiagnostics, as clang-tidy --export-fixes writes.
  Out << "---\nMainSourceFile:  ''\nDiagnostics:\n";
  for (const Finding &F : Findings) {
    std::vector<Replacement> Rs = replacementsOf(F, Sources);
    const std::string *Text = Sources.get(F.Loc.File);
    size_t Off = Text ? offsetOf(*Text, F.Loc.Line, F.Loc.Column) : 0;
    if (Off == std::string::npos)
      Off = 0;
    Out << "  - DiagnosticName:  " << F.Check << "\n"
        << "    DiagnosticMessage:\n"
        << "      Message:         " << yamlQuote(F.Message) << "\n"
        << "      FilePath:        " << yamlQuote(F.Loc.File) << "\n"
        << "      FileOffset:      " << Off << "\n"
        << "      Replacements:" << (Rs.empty() ? "    []" : "") << "\n";
    for (const Replacement &R : Rs)
      Out << "        - FilePath:        " << yamlQuote(R.File) << "\n"
          << "          Offset:          " << R.Offset << "\n"
          << "          Length:          " << R.Length << "\n"
          << "          ReplacementText: " << yamlQuote(R.Text) << "\n";
    Out << "    Level:           Warning\n";
  }
  Out << "...\n";
  if (!Out) {
    Error = "cannot write '" + Path + "'";
    return false;
  }
  return true;
}

bool applyFixes(const std::vector<Finding> &Findings, unsigned &Applied,
                std::string &Error) {
  SourceCache Sources;
  std::set<Replacement> All;
  for (const Finding &F : Findings)
    for (const Replacement &R : replacementsOf(F, Sources))
      All.insert(R);
  std::map<std::string, std::vector<Replacement>> ByFile;
  for (const Replacement &R : All)
    ByFile[R.File].push_back(R);
  Applied = 0;
  for (auto &[File, Rs] : ByFile) {
    std::string Text = *Sources.get(File);
    // Back to front, so earlier offsets stay valid.
    for (auto It = Rs.rbegin(); It != Rs.rend(); ++It) {
      Text.replace(It->Offset, It->Length, It->Text);
      ++Applied;
    }
    std::ofstream Out(File, std::ios::binary | std::ios::trunc);
    Out << Text;
    if (!Out) {
      Error = "cannot write '" + File + "'";
      return false;
    }
  }
  return true;
}
