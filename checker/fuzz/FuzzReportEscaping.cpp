// SPDX-License-Identifier: Apache-2.0
// Fuzz target: escaping in the report writers (JsonReport.cpp,
// SarifReport.cpp, TextReport.cpp) and the baseline writer and reader
// (Baseline.cpp). File names, identifiers and messages come from the
// analysed code: any bytes, including quotes, backslashes, control
// characters and invalid UTF-8. The input is split at NUL bytes into the
// strings of one finding and one unanalysed file. Properties:
//  - JSON, SARIF and Code Quality output parse as JSON and give back every
//    string exactly; invalid UTF-8 comes back with each maximal invalid
//    subsequence replaced by U+FFFD (Unicode's recommended practice,
//    computed here independently of the writer);
//  - a SARIF URI is a valid URI reference that percent-decodes to the
//    file's bytes;
//  - the fingerprint is the same in every format and in a baseline written
//    and read back.
// The raw input is also read as a baseline file (--baseline=FILE).
#include "forksafe/Baseline.h"
#include "forksafe/Report.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

using namespace forksafe;
using json = nlohmann::json;

namespace {

void require(bool Cond, const char *What) {
  if (Cond)
    return;
  fprintf(stderr, "FuzzReportEscaping: property violated: %s\n", What);
  abort();
}

/// S as valid UTF-8: each maximal subpart of an ill-formed sequence
/// (Unicode 15, section 3.9, table 3-7) becomes U+FFFD.
std::string replaced(const std::string &S) {
  static const char FFFD[] = "\xEF\xBF\xBD";
  std::string Out;
  size_t I = 0, N = S.size();
  while (I < N) {
    unsigned char C = S[I];
    if (C < 0x80) {
      Out += char(C);
      ++I;
      continue;
    }
    size_t Len;
    unsigned char Lo = 0x80, Hi = 0xBF; // bounds of the second byte
    if (C >= 0xC2 && C <= 0xDF)
      Len = 2;
    else if (C == 0xE0)
      Len = 3, Lo = 0xA0;
    else if ((C >= 0xE1 && C <= 0xEC) || C == 0xEE || C == 0xEF)
      Len = 3;
    else if (C == 0xED)
      Len = 3, Hi = 0x9F;
    else if (C == 0xF0)
      Len = 4, Lo = 0x90;
    else if (C >= 0xF1 && C <= 0xF3)
      Len = 4;
    else if (C == 0xF4)
      Len = 4, Hi = 0x8F;
    else {
      Out += FFFD;
      ++I;
      continue;
    }
    size_t J = 1;
    for (; J < Len && I + J < N; ++J) {
      unsigned char D = S[I + J];
      if (D < (J == 1 ? Lo : 0x80) || D > (J == 1 ? Hi : 0xBF))
        break;
    }
    if (J == Len)
      Out.append(S, I, Len);
    else
      Out += FFFD;
    I += J;
  }
  return Out;
}

std::string percentDecoded(const std::string &U) {
  auto hex = [](char C) -> int {
    if (C >= '0' && C <= '9')
      return C - '0';
    if (C >= 'A' && C <= 'F')
      return C - 'A' + 10;
    return -1;
  };
  std::string Out;
  for (size_t I = 0; I < U.size(); ++I) {
    if (U[I] != '%') {
      Out += U[I];
      continue;
    }
    require(I + 2 < U.size() && hex(U[I + 1]) >= 0 && hex(U[I + 2]) >= 0,
            "a SARIF URI has well-formed percent escapes");
    Out += char(hex(U[I + 1]) * 16 + hex(U[I + 2]));
    I += 2;
  }
  return Out;
}

/// RFC 3986: only unreserved characters, '/', ':' (in "file:") and '%'.
bool uriChars(const std::string &U) {
  for (unsigned char C : U)
    if (!(isalnum(C) || C == '-' || C == '.' || C == '_' || C == '~' ||
          C == '/' || C == '%' || C == ':'))
      return false;
  return true;
}

/// The file as a SARIF artifactLocation must say it.
void checkArtifact(const json &A, const std::string &File,
                   const std::string &Root) {
  std::string U = A.at("uri").get<std::string>();
  require(uriChars(U), "a SARIF URI has only URI characters");
  if (!Root.empty() && File.rfind(Root + "/", 0) == 0) {
    require(A.at("uriBaseId") == "%SRCROOT%", "relative URIs use %SRCROOT%");
    require(percentDecoded(U) == File.substr(Root.size() + 1),
            "a relative SARIF URI decodes to the path under the root");
  } else {
    require(!A.contains("uriBaseId"), "absolute URIs have no base");
    require(U.rfind("file://", 0) == 0, "absolute URIs are file:// URIs");
    require(percentDecoded(U.substr(7)) == File,
            "a file:// URI decodes to the path");
  }
}

json parsed(const std::string &Text, const char *Format) {
  json J = json::parse(Text, nullptr, /*allow_exceptions=*/false);
  if (J.is_discarded()) {
    fprintf(stderr, "FuzzReportEscaping: %s output is not JSON\n", Format);
    abort();
  }
  return J;
}

struct Scratch {
  std::string Dir, Baseline;
  Scratch() {
    llvm::SmallString<128> D;
    require(!llvm::sys::fs::createUniqueDirectory("forksafe-fuzz-report", D),
            "a scratch directory");
    Dir = std::string(D.str());
    Baseline = Dir + "/baseline.json";
  }
  ~Scratch() { llvm::sys::fs::remove_directories(Dir); }
};

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  std::vector<std::string> Field;
  Field.emplace_back();
  for (size_t I = 0; I < Size; ++I) {
    if (Data[I] == 0)
      Field.emplace_back();
    else
      Field.back() += char(Data[I]);
  }
  Field.resize(std::max<size_t>(Field.size(), 12));
  const std::string &Message = Field[0], &File = Field[1],
                    &NoteMessage = Field[2], &HandleName = Field[3],
                    &HandleKey = Field[4], &Root = Field[5],
                    &FailedFile = Field[6], &Reason = Field[7],
                    &Library = Field[9], &Version = Field[10],
                    &ErrorGlob = Field[11];
  // A real check name most of the time: SARIF looks rules up by name.
  std::string Check = Field[8].empty() ? "forksafe-inherited-handle" : Field[8];

  RunReport R;
  R.SourceRoot = Root;
  R.ToolVersion = Version;
  R.ErrorChecks = {ErrorGlob};
  R.Analysed = Size;
  Finding F;
  F.Check = Check;
  F.Loc = {File, unsigned(Size % 1000), unsigned(Size % 7)};
  F.Message = Message;
  F.HandleKey = HandleKey;
  F.HandleName = HandleName;
  F.Library = Library;
  F.Notes.push_back({Note::Created, {File, 1, 1}, NoteMessage, {}});
  F.Notes.push_back({Note::Remedy, {FailedFile, 0, 0}, Message + NoteMessage,
                     {}});
  R.Findings.push_back(F);
  R.Failed.push_back({FailedFile, Reason});
  std::string Fp = fingerprint(F);
  const char *Level = isError(R, Check) ? "error" : "warning";

  { // forksafe's JSON
    std::ostringstream OS;
    writeJson(R, OS);
    json J = parsed(OS.str(), "JSON");
    const json &G = J.at("findings").at(0);
    require(G.at("check") == replaced(Check), "JSON: check");
    require(G.at("level") == Level, "JSON: level");
    require(G.at("message") == replaced(Message), "JSON: message");
    require(G.at("location").at("file") == replaced(File), "JSON: file");
    require(G.at("handle").at("name") == replaced(HandleName), "JSON: handle");
    require(G.at("handle").at("key") == replaced(HandleKey), "JSON: key");
    require(G.at("handle").at("library") == replaced(Library), "JSON: library");
    require(G.at("notes").at(0).at("message") == replaced(NoteMessage),
            "JSON: note");
    require(G.at("notes").at(1).at("location").at("file") ==
                replaced(FailedFile),
            "JSON: note file");
    require(G.at("fingerprint") == Fp, "JSON: fingerprint");
    const json &N = J.at("notAnalysed").at(0);
    require(N.at("file") == replaced(FailedFile), "JSON: unanalysed file");
    require(N.at("reason") == replaced(Reason), "JSON: reason");
    require(J.at("tool").at("version") == replaced(Version), "JSON: version");
  }
  { // SARIF
    std::ostringstream OS;
    writeSarif(R, OS);
    json J = parsed(OS.str(), "SARIF");
    const json &Run = J.at("runs").at(0);
    const json &Res = Run.at("results").at(0);
    require(Res.at("ruleId") == replaced(Check), "SARIF: ruleId");
    require(Res.at("level") == Level, "SARIF: level");
    require(Res.at("message").at("text") == replaced(Message), "SARIF: message");
    checkArtifact(Res.at("locations").at(0).at("physicalLocation").at(
                      "artifactLocation"),
                  File, Root);
    const json &Rel = Res.at("relatedLocations");
    require(Rel.size() == 2, "SARIF: a related location per note");
    require(Rel.at(0).at("message").at("text") == replaced(NoteMessage),
            "SARIF: note");
    checkArtifact(Rel.at(1).at("physicalLocation").at("artifactLocation"),
                  FailedFile, Root);
    const json &Step = Res.at("codeFlows").at(0).at("threadFlows").at(0).at(
        "locations");
    require(Step.size() == 1, "SARIF: remedies are not steps");
    require(Step.at(0).at("location").at("message").at("text") ==
                replaced(NoteMessage),
            "SARIF: step");
    require(Res.at("partialFingerprints").at("forksafe/v1") == Fp,
            "SARIF: fingerprint");
    const json &Note = Run.at("invocations").at(0).at(
        "toolExecutionNotifications").at(0);
    require(Note.at("message").at("text") ==
                replaced(FailedFile + " could not be analysed: " + Reason),
            "SARIF: notification");
    checkArtifact(Note.at("locations").at(0).at("physicalLocation").at(
                      "artifactLocation"),
                  FailedFile, Root);
    if (!Root.empty()) {
      std::string U = Run.at("originalUriBaseIds").at("%SRCROOT%").at("uri");
      require(uriChars(U) && U.rfind("file://", 0) == 0 && U.back() == '/' &&
                  percentDecoded(U.substr(7, U.size() - 8)) == Root,
              "SARIF: %SRCROOT%");
    }
    require(Run.at("tool").at("driver").at("version") == replaced(Version),
            "SARIF: version");
  }
  { // GitLab Code Quality
    std::ostringstream OS;
    writeCodeClimate(R, OS);
    json J = parsed(OS.str(), "Code Quality");
    const json &I = J.at(0);
    require(I.at("check_name") == replaced(Check), "Code Quality: check");
    require(I.at("description") == replaced(Message), "Code Quality: message");
    std::string Path = !Root.empty() && File.rfind(Root + "/", 0) == 0
                           ? File.substr(Root.size() + 1)
                           : File;
    require(I.at("location").at("path") == replaced(Path), "Code Quality: path");
    require(I.at("fingerprint") == Fp, "Code Quality: fingerprint");
  }
  { // clang's text format: no escaping to check, but it must not fail.
    std::ostringstream OS;
    writeText(R, OS);
    require(OS.str().find(Message) != std::string::npos, "text: message");
  }
  { // Baselines: written, read back, same fingerprint.
    static Scratch S;
    std::string Err;
    require(writeBaseline(S.Baseline, R.Findings, Err), "a baseline is written");
    std::set<std::string> Fps;
    require(readBaseline(S.Baseline, Fps, Err), "a baseline reads back");
    require(Fps == std::set<std::string>{Fp}, "baseline: fingerprint");
    // The raw input as a baseline file (--baseline reads a committed file).
    {
      std::ofstream Out(S.Baseline, std::ios::binary | std::ios::trunc);
      Out.write(reinterpret_cast<const char *>(Data), Size);
    }
    Fps.clear();
    if (!readBaseline(S.Baseline, Fps, Err))
      require(!Err.empty(), "a rejected baseline says why");
  }
  return 0;
}
