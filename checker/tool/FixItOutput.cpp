// SPDX-License-Identifier: Apache-2.0
#include "FixItOutput.h"

#include "forksafe/StableSort.h"

#include "llvm/Support/MemoryBuffer.h"

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <map>
#include <set>
#include <tuple>

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

/// The replacements of one finding. A fix whose text at its location is
/// not what the fix expects (a macro, a file edited since the analysis)
/// gives none: a note's edits are used all together or not at all.
std::vector<Replacement> replacementsOf(const Finding &F, SourceCache &Sources) {
  std::vector<Replacement> Out;
  auto one = [&](const Location &L, const std::string &From,
                 const std::string &To, std::vector<Replacement> &Into) {
    const std::string *Text = Sources.get(L.File);
    if (!Text)
      return false;
    size_t Off = offsetOf(*Text, L.Line, L.Column);
    if (Off == std::string::npos || Off > Text->size() ||
        Text->compare(Off, From.size(), From) != 0)
      return false;
    Into.push_back({L.File, Off, From.size(), To});
    return true;
  };
  for (const Note &N : F.Notes) {
    std::vector<Replacement> Edits;
    bool Ok = true;
    for (const TextEdit &E : N.Edits)
      Ok = Ok && one(E.Loc, E.From, E.To, Edits);
    if (Ok)
      Out.insert(Out.end(), Edits.begin(), Edits.end());
  }
  return Out;
}

bool overlaps(const Replacement &A, const Replacement &B) {
  if (A.File != B.File)
    return false;
  if (A.Length == 0 || B.Length == 0) // an insertion inside the other
    return A.Offset > B.Offset ? A.Offset < B.Offset + B.Length
                               : B.Offset < A.Offset + A.Length;
  return A.Offset < B.Offset + B.Length && B.Offset < A.Offset + A.Length;
}

/// A YAML scalar: single-quoted, or double-quoted with escapes when the text
/// has line breaks or other control characters (a single-quoted scalar
/// would fold a line break into a space).
std::string yamlQuote(const std::string &S) {
  bool Control = false;
  for (unsigned char C : S)
    Control |= C < 0x20 || C == 0x7f;
  if (!Control) {
    std::string Q = "'";
    for (char C : S)
      Q += C == '\'' ? std::string("''") : std::string(1, C);
    return Q + "'";
  }
  std::string Q = "\"";
  for (unsigned char C : S) {
    switch (C) {
    case '"': Q += "\\\""; break;
    case '\\': Q += "\\\\"; break;
    case '\n': Q += "\\n"; break;
    case '\t': Q += "\\t"; break;
    case '\r': Q += "\\r"; break;
    default:
      if (C < 0x20 || C == 0x7f) {
        char Buf[8];
        snprintf(Buf, sizeof Buf, "\\x%02x", C);
        Q += Buf;
      } else {
        Q += char(C);
      }
    }
  }
  return Q + "\"";
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
  // clang-apply-replacements applies a replacement as often as one file
  // lists it: one that several findings make (the #include of the runtime
  // header) is written with the first of them only.
  std::set<std::tuple<std::string, size_t, size_t, std::string>> Written;
  for (const Finding &F : Findings) {
    std::vector<Replacement> Rs;
    for (Replacement &R : replacementsOf(F, Sources))
      if (Written.insert({R.File, R.Offset, R.Length, R.Text}).second)
        Rs.push_back(std::move(R));
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
  // Finding by finding: a finding's replacements are kept together, and a
  // finding whose replacements overlap an earlier one's is skipped (as
  // clang-apply-replacements reports a conflict). The same replacement made
  // by two findings (an #include both need) is applied once.
  std::vector<Replacement> All;
  Applied = 0; // findings fixed
  for (const Finding &F : Findings) {
    std::vector<Replacement> Mine;
    bool Conflict = false;
    for (const Replacement &R : replacementsOf(F, Sources)) {
      bool Same = false;
      for (const Replacement &A : All) {
        if (A.File == R.File && A.Offset == R.Offset && A.Length == R.Length &&
            A.Text == R.Text)
          Same = true;
        else if (overlaps(A, R))
          Conflict = true;
      }
      if (!Same)
        Mine.push_back(R);
    }
    if (!Conflict && !Mine.empty()) {
      All.insert(All.end(), Mine.begin(), Mine.end());
      ++Applied;
    }
  }
  std::map<std::string, std::vector<Replacement>> ByFile;
  for (const Replacement &R : All)
    ByFile[R.File].push_back(R);
  for (auto &[File, Rs] : ByFile) {
    std::string Text = *Sources.get(File);
    // Back to front, so earlier offsets stay valid. At one offset,
    // insertions go in front of a replacement there, in the order they were
    // made.
    forksafe::stableSort(Rs, [](const Replacement &A, const Replacement &B) {
      return std::make_pair(A.Offset, A.Length != 0) <
             std::make_pair(B.Offset, B.Length != 0);
    });
    for (auto It = Rs.rbegin(); It != Rs.rend(); ++It)
      Text.replace(It->Offset, It->Length, It->Text);
    std::ofstream Out(File, std::ios::binary | std::ios::trunc);
    Out << Text;
    if (!Out) {
      Error = "cannot write '" + File + "'";
      return false;
    }
  }
  return true;
}
